"""axe-core reports no WCAG 2.0/2.1/2.2 A or AA violations on the main pages, at desktop width and
at 320 px."""

import pytest

from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = {"desktop": {"width": 1280, "height": 900}, "320px": {"width": 320, "height": 800}}
PUBLIC_PAGES = ["/", "/accounts/signup/", "/accounts/login/", "/get-help/", "/no-such-page/"]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_violations(page, live_server, e2e_settings, axe, path, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(live_server.url + path)
    assert axe(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_sign_up_errors_have_no_violations(page, live_server, e2e_settings, axe, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_role("button", name="Create account").click()
    assert page.get_by_role("heading", name="There is a problem").is_visible()
    assert axe(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_profile_has_no_violations(page, live_server, e2e_settings, axe, width, client):
    from tests.e2e.helpers import sign_in

    user = UserFactory()
    page.set_viewport_size(WIDTHS[width])
    sign_in(page, live_server, user)
    page.goto(live_server.url + "/accounts/profile/")
    assert page.get_by_role("heading", name="Your account").is_visible()
    assert axe(page) == []
