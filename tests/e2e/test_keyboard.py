import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_server, e2e_settings):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_quick_exit_works_from_the_keyboard(page, live_server, e2e_settings):
    page.goto(live_server.url + "/get-help/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-quick-exit')"):
            break
    else:
        pytest.fail("Quick exit was not reached by keyboard within 10 tab stops")
    page.keyboard.press("Enter")
    page.wait_for_url(e2e_settings.QUICK_EXIT_URL)
    # The page was replaced in history: going back does not return to the training site.
    page.go_back()
    assert "/get-help/" not in page.url


def test_quick_exit_by_pressing_escape_three_times(page, live_server, e2e_settings):
    page.goto(live_server.url + "/")
    for _ in range(3):
        page.keyboard.press("Escape")
    page.wait_for_url(e2e_settings.QUICK_EXIT_URL)
