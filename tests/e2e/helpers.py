from tests.factories import DEFAULT_PASSWORD

NEW_PASSWORD = "Blue-kettle-sings-42"


def sign_in(page, live_server, user, password=DEFAULT_PASSWORD):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def fill_signup(page, *, full_name, email, password=NEW_PASSWORD):
    page.get_by_label("Full name").fill(full_name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password (again)").fill(password)


def tab_to(page, locator, limit=150):
    """Press Tab until `locator` has focus: proves it is reachable by keyboard in page order."""
    handle = locator.first.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => el === document.activeElement", handle):
            return
    raise AssertionError(f"{locator} was not reached within {limit} presses of Tab")


def seed_site():
    """The demo content a learner sees: helplines, pages and the two sample courses."""
    from cms.demo import seed as seed_cms
    from courses.demo import seed as seed_courses

    seed_cms()
    seed_courses()


def sample_course():
    """The English sample suicide-prevention course (its Polish and Urdu translations share its slug)."""
    from courses.models import CoursePage

    return CoursePage.objects.get(slug="suicide-prevention-introduction", locale__language_code="en-gb")
