"""One error pattern on every form the platform renders: a summary at the top whose links name the
field and point at it, and inline errors whose ids are the ones each control's aria-describedby
points at (nothing points at an id that is not on the page)."""

import re

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def check_error_pattern(html, *, expect_fields):
    """Assert the GOV.UK-style error pattern holds on `html`; returns the summary's link texts."""
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        for target in described.split():
            assert target in ids, f"aria-describedby points at a missing id: {target}"
    start = html.index('class="error-summary"')
    summary = html[start: html.index("</div>", start)]
    assert "There is a problem" in summary
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert list(dict.fromkeys(target for target, _ in links)) == expect_fields  # in form order
    for target, text in links:
        assert target in ids
        control = re.search(rf'<(?:input|select|textarea)[^>]*\bid="{target}"[^>]*>', html).group(0)
        assert 'aria-invalid="true"' in control
        assert f"{target}_error" in re.search(r'aria-describedby="([^"]+)"', control).group(1)
        inline = re.search(rf'id="{target}_error">(.*?)</p>', html, re.S).group(1)
        message = text.split(": ", 1)[1]
        assert message in inline  # the same words inline as in the summary
        label = re.search(rf'<label[^>]*for="{target}"[^>]*>(.*?)</label>', html, re.S).group(1)
        assert text.startswith(f"{re.sub(r'<[^>]+>', '', label).strip()}: ")  # names the field
    return [text for _, text in links]


def test_sign_up_errors_name_each_field_and_point_at_ids_that_exist(client):
    response = client.post(
        "/accounts/signup/",
        {"full_name": "  ", "email": "not-an-email", "password1": "x", "password2": "y"},
    )
    texts = check_error_pattern(
        response.content.decode(), expect_fields=["id_full_name", "id_email", "id_password1"]
    )
    assert texts[0] == "Full name: This field is required."
    assert texts[1] == "Email: Enter a valid email address."


def test_sign_in_errors_use_the_same_pattern(client):
    response = client.post("/accounts/login/", {"login": "", "password": ""})
    check_error_pattern(response.content.decode(), expect_fields=["id_login", "id_password"])


def test_profile_errors_use_the_same_pattern(client):
    client.force_login(UserFactory())
    response = client.post("/accounts/profile/", {"full_name": "", "borough": "", "role": ""})
    check_error_pattern(response.content.decode(), expect_fields=["id_full_name"])


def test_a_page_without_errors_has_no_summary_and_no_dangling_references(client):
    html = client.get("/accounts/signup/").content.decode()
    assert "error-summary" not in html and 'aria-invalid' not in html
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    for described in re.findall(r'aria-describedby="([^"]+)"', html):
        assert set(described.split()) <= ids
