from tests.factories import DEFAULT_PASSWORD


def sign_in(page, live_server, user, password=DEFAULT_PASSWORD):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
