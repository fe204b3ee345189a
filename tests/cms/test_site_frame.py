import pytest

from cms.models import Helpline


@pytest.mark.django_db
def test_home_page_has_skip_link_help_and_helplines(client):
    html = client.get("/").content.decode()
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert '<a class="help-bar__link" href="/get-help/">Get help now</a>' in html
    assert 'href="tel:116123"' in html  # Samaritans
    assert "Text SHOUT to 85258" in html
    assert "Call 111 and choose option 2" in html
    assert 'href="tel:999"' in html
    assert "data-quick-exit" in html
    assert '<html lang="en-GB" dir="ltr">' in html


@pytest.mark.django_db
def test_get_help_page_lists_every_active_helpline(client):
    html = client.get("/get-help/").content.decode()
    for name in ["Samaritans", "Shout", "NHS 111", "Childline", "PAPYRUS HOPELINE247"]:
        assert name in html
    assert "Call 0800 1111" in html and "0800 068 4141" in html


@pytest.mark.django_db
def test_editing_a_helpline_changes_every_page_without_a_deploy(client):
    client.get("/")  # warm the cache
    Helpline.objects.filter(name="Samaritans").update(how_to_contact="stale")
    line = Helpline.objects.get(name="Samaritans")
    line.how_to_contact = "Call 116 123 (free, any time)"
    line.save()
    assert "Call 116 123 (free, any time)" in client.get("/").content.decode()


@pytest.mark.django_db
def test_crisis_help_stays_even_if_no_helplines_are_active(client):
    Helpline.objects.update(is_active=False)
    html = client.get("/get-help/").content.decode()
    assert "Samaritans" in html and 'href="tel:999"' in html


@pytest.mark.django_db
def test_unknown_url_gets_an_accessible_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert "Get help now" in html


def test_server_error_page_leaks_nothing(rf):
    from lms.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Traceback" not in html and "SECRET" not in html
    assert "116 123" in html  # crisis help even on the error page
