"""In the browser: after submitting the assessment, focus moves to the results summary at the top
(score, pass mark, what to do next, links to each question to look at again); a form with errors
moves focus to its error summary, whose links name and reach each field; the owner's certificate
page does not scroll sideways at 320 px. Checked with axe."""

import re

import pytest

from certificates import services as certificate_services
from courses.grading import module_questions
from courses.models import ModulePage
from courses.services import enrollment_start
from tests.certificates.factories import EnrollmentFactory
from tests.e2e.helpers import sample_course, seed_site, sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

FOCUSED_ID = "document.activeElement && document.activeElement.id"
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth + 1"


def answer_shown_questions(page, module, *, right):
    """Tick an answer for each question drawn for this attempt: right for the first `right`."""
    shown = 0
    for question in module_questions(module):
        if page.locator(f"#question-{question.id}").count() == 0:
            continue
        wrong = [o.id for o in question.options if o.id not in question.correct_ids]
        ids = sorted(question.correct_ids) if shown < right else wrong[:1]
        for option_id in ids:
            page.locator(f"#q-{question.id}-{option_id}").check()
        shown += 1
    return shown


@pytest.mark.parametrize("width", [{"width": 1280, "height": 900}, {"width": 320, "height": 700}])
def test_after_submitting_focus_moves_to_the_results_summary_at_the_top(
    page, live_server, e2e_settings, axe, width
):
    seed_site()
    course = sample_course()
    assessment = ModulePage.objects.child_of(course).live().get(is_assessment=True)
    user = UserFactory()
    enrollment_start(user=user, course=course)
    sign_in(page, live_server, user)
    page.set_viewport_size(width)
    page.goto(live_server.url + assessment.url)
    assert answer_shown_questions(page, assessment, right=2) == 5  # five drawn from the pool
    page.get_by_role("button", name="Submit your answers").click()
    page.wait_for_url(re.compile(r"\?attempt=\d+#results$"))

    assert page.evaluate(FOCUSED_ID) == "results"
    summary = page.locator("#results")
    box = summary.bounding_box()
    assert 0 <= box["y"] < width["height"]  # on screen, not 1,934 px down
    heading = page.get_by_role("heading", name="Not passed this time: 40%")
    assert heading.is_visible()
    assert summary.get_by_text("The pass mark is 80%.").is_visible()
    review = summary.locator("ul a")
    assert review.count() == 3  # the three questions not right
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert axe(page) == []

    target = review.first.get_attribute("href")
    review.first.click()
    assert page.evaluate(FOCUSED_ID) == target[1:]  # the question itself, to read again
    assert "Not quite" in page.locator(target).inner_text()
    assert page.locator(".tag--correct").count() == 0  # not which option is right, after a fail

    page.get_by_role("link", name="Answer the questions again").first.click()
    assert answer_shown_questions(page, assessment, right=5) == 5
    page.get_by_role("button", name="Submit your answers").click()
    page.wait_for_url(re.compile(r"#results$"))
    assert page.evaluate(FOCUSED_ID) == "results"
    assert page.get_by_role("heading", name="You passed: 100%").is_visible()
    assert axe(page) == []


def test_sign_up_errors_get_a_summary_that_names_and_reaches_each_field(page, live_server, e2e_settings, axe):
    page.goto(live_server.url + "/accounts/signup/")
    page.get_by_label("Email").fill("not-an-email")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_load_state()

    summary = page.locator("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    links = summary.locator("a")
    texts = links.all_inner_texts()
    assert texts[0] == "Full name: This field is required."
    assert "Email: Enter a valid email address." in texts
    # Each control is described by its inline error, which is on the page.
    email = page.get_by_label("Email")
    assert email.get_attribute("aria-invalid") == "true"
    for target in email.get_attribute("aria-describedby").split():
        assert page.locator(f"#{target}").count() == 1
    assert "Enter a valid email address." in page.locator("#id_email_error").inner_text()
    assert axe(page) == []

    links.first.click()
    assert page.evaluate(FOCUSED_ID) == "id_full_name"


def test_the_owners_certificate_page_does_not_scroll_sideways_at_320px(page, live_server, e2e_settings, axe):
    owner = UserFactory(full_name="Dara Quinn")
    certificate = certificate_services.certificate_issue(enrollment_id=EnrollmentFactory(user=owner).id)
    sign_in(page, live_server, owner)
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto(live_server.url + certificate.get_absolute_url())
    assert page.get_by_role("heading", name="Your certificate").is_visible()
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    assert axe(page) == []
