"""Journeys 1 and 4: a new learner signs up, verifies their email from the test mailbox, takes the
sample suicide-prevention course (content note, modules, a failed then a passed assessment), sees it
completed in My learning, downloads the certificate and verifies its code on the public page; and
the same journey by keyboard alone."""

import re

import pytest

from courses.grading import module_questions
from courses.models import ConfidenceResponse, ModulePage
from tests.e2e.helpers import fill_signup, sample_course, seed_site, tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _course():
    return sample_course()


def _answer(page, module, *, correctly, keyboard=False):
    """Tick answers for every question of this attempt (the sample assessment draws 5 of its
    questions): the right ones, or one wrong one per question."""
    for question in module_questions(module):
        if page.locator(f"#question-{question.id}").count() == 0:
            continue  # not drawn for this attempt
        ids = sorted(question.correct_ids) if correctly else [
            next(o.id for o in question.options if o.id not in question.correct_ids)
        ]
        for option_id in ids:
            box = page.locator(f"#q-{question.id}-{option_id}")
            if keyboard and question.kind == "single":
                # Tab reaches a radio group once; arrow keys move the choice within it (the
                # options are shuffled, so the right one is not necessarily first).
                tab_to(page, page.locator(f"#question-{question.id} input").first)
                page.keyboard.press("Space")
                for _ in question.options:
                    if box.is_checked():
                        break
                    page.keyboard.press("ArrowDown")
            elif keyboard:
                tab_to(page, box)
                page.keyboard.press("Space")
            else:
                box.check()
            assert box.is_checked()


def _assert_listed_as_completed(page, course):
    """My learning lists the course under Completed (a card with its completion date), not under
    In progress: the "Completed" heading alone is on the page for everyone."""
    card = page.locator(".learning-card--complete", has_text=course.title)
    assert card.is_visible()
    assert re.search(r"Completed on \d{1,2} \w+ \d{4}", card.inner_text())
    assert page.locator(".learning-card:not(.learning-card--complete)", has_text=course.title).count() == 0


def _sign_up_and_verify(page, live_server, mailoutbox, email):
    page.goto(live_server.url + "/accounts/signup/")
    fill_signup(page, full_name="Aisha Rahman", email=email)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Check your email").is_visible()
    message = mailoutbox[-1]
    assert message.to == [email]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()


def test_new_learner_completes_the_course_and_verifies_the_certificate(
    page, live_server, e2e_settings, mailoutbox, tmp_path
):
    seed_site()
    course = _course()
    _sign_up_and_verify(page, live_server, mailoutbox, "aisha@example.org")

    page.goto(live_server.url + "/courses/")
    page.get_by_role("link", name=course.title).click()
    note = page.locator("section.content-note")
    assert note.get_by_role("heading", name="Before you start").is_visible()
    assert "This course talks about suicide" in note.inner_text()
    page.get_by_role("button", name="Start the course").click()
    # The sample course's optional, anonymous confidence check comes first: rate one statement.
    page.wait_for_url(re.compile(r"/confidence/before/"))
    assert page.get_by_role("heading", name="Before you start: how confident do you feel?").is_visible()
    page.locator("fieldset").first.get_by_label("Agree", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()

    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    for module in modules:
        page.wait_for_url(re.compile(re.escape(module.url) + r"(#.*)?$"))
        if module.content_note:
            assert page.get_by_role("heading", name="Content note").is_visible()
            page.get_by_role("link", name="Continue to the module").click()
        if module.is_assessment:
            _answer(page, module, correctly=False)
            page.get_by_role("button", name="Submit your answers").click()
            assert page.get_by_role("heading", name="Not passed this time").is_visible()
            page.locator("#results").get_by_role("link", name="Answer the questions again").click()
            _answer(page, module, correctly=True)
            page.get_by_role("button", name="Submit your answers").click()
            assert page.get_by_role("heading", name="You passed").is_visible()
        else:
            page.get_by_role("button", name="Mark complete and continue").click()

    page.goto(live_server.url + "/my-learning/")
    _assert_listed_as_completed(page, course)
    # My learning invites the learner to the "after" check, once.
    page.get_by_role("link", name=f"Answer for {course.title}").click()
    page.locator("fieldset").first.get_by_label("Strongly agree").check()
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url(re.compile(r"/my-learning/$"))
    assert page.get_by_text("Your answers were saved without your name").is_visible()
    assert ConfidenceResponse.objects.filter(phase="after").count() == 1
    assert page.get_by_role("link", name=f"Answer for {course.title}").count() == 0
    page.get_by_role("link", name=re.compile("View your certificate")).click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download certificate (PDF)").click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    code = page.locator(".certificate-code").first.inner_text().strip()
    page.goto(live_server.url + "/certificates/verify/")
    page.get_by_label(re.compile("code", re.I)).fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Check certificate").click()
    assert page.get_by_role("heading", name=re.compile("Certificate")).is_visible()
    body = page.content()
    assert "Aisha Rahman" in body and course.title in body and "Valid" in body


def test_the_learner_journey_works_by_keyboard_alone(page, live_server, e2e_settings, mailoutbox):
    from allauth.account.models import EmailAddress

    from lms.accounts.models import User

    seed_site()
    course = _course()
    user = User.objects.create_user("keys@example.org", "Keyboard-only-42", full_name="Kit Ng")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)

    page.goto(live_server.url + "/accounts/login/")
    tab_to(page, page.get_by_label("Email"))
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    page.keyboard.type("Keyboard-only-42")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("button", name="Sign out").is_visible()

    page.goto(live_server.url + course.url)
    tab_to(page, page.get_by_role("button", name="Start the course"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("button", name="Skip and start the course"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        page.wait_for_url(re.compile(re.escape(module.url) + r"(#.*)?$"))
        if module.is_assessment:
            _answer(page, module, correctly=True, keyboard=True)
            tab_to(page, page.get_by_role("button", name="Submit your answers"))
            with page.expect_navigation():
                page.keyboard.press("Enter")
            assert page.get_by_role("heading", name="You passed").is_visible()
        else:
            tab_to(page, page.get_by_role("button", name="Mark complete and continue"))
            with page.expect_navigation():
                page.keyboard.press("Enter")

    page.goto(live_server.url + "/my-learning/")
    _assert_listed_as_completed(page, course)
    # Quick exit is reachable from the keyboard on a module page too.
    page.goto(live_server.url + course.url)
    tab_to(page, page.locator("[data-quick-exit]"))
    page.keyboard.press("Enter")
    page.wait_for_url(e2e_settings.QUICK_EXIT_URL)
