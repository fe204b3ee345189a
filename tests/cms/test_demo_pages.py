import pytest

from cms.demo import seed
from cms.models import StandardPage


@pytest.mark.django_db
def test_seed_creates_accessibility_and_privacy_pages_once(client):
    seed()
    seed()
    assert StandardPage.objects.filter(slug="accessibility").count() == 1
    assert StandardPage.objects.filter(slug="privacy").count() == 1
    for path, heading in [("/accessibility/", "Accessibility statement"),
                          ("/privacy/", "Privacy notice")]:
        html = client.get(path).content.decode()
        assert f"<h1>{heading}</h1>" in html
        assert "Placeholder wording for programme staff to replace." in html
    assert "Open Government Licence v3.0" in client.get("/accessibility/").content.decode()


@pytest.mark.django_db
def test_footer_links_to_the_statement_and_notice(client):
    html = client.get("/").content.decode()
    assert '<a href="/privacy/">Privacy notice</a>' in html
    assert '<a href="/accessibility/">Accessibility statement</a>' in html
