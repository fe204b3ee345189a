"""The interface in Urdu (right to left) and Polish, at 1280 and 320 px: <html lang dir> right, no
WCAG A/AA violations (axe), no sideways scrolling, and the whole learner journey (sign up, course,
assessment, certificate, verify) with every control found by its label in that language."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, pgettext

from courses.grading import module_questions
from courses.models import ModulePage
from tests.e2e.helpers import NEW_PASSWORD, sample_course, seed_site

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = {"ur": "rtl", "pl": "ltr"}
WIDTHS = {"1280": {"width": 1280, "height": 900}, "320": {"width": 320, "height": 800}}


def t(code, message, context=None):
    with translation.override(code):
        return pgettext(context, message) if context else gettext(message)


def result_heading(code, message):
    """The results heading ("Not passed this time: 40%") in the language, whatever the score: the
    longest part of its translation around the score."""
    parts = t(code, message).replace("%%", "%").split("%(score)s")
    return re.compile(re.escape(max((part.strip(" :%") for part in parts), key=len)))


def check_page(page, axe, code):
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == LANGUAGES[code]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"
    assert axe(page) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_public_pages_in_the_language(page, live_server, e2e_settings, axe, code, width):
    seed_site()
    course = sample_course()
    page.set_viewport_size(WIDTHS[width])
    for path in ("/", "/get-help/", "/accounts/signup/", "/accounts/login/", "/courses/", course.url,
                 "/search/?q=listening", "/no-such-page/"):
        page.goto(f"{live_server.url}/{code}{path}")
        check_page(page, axe, code)
    # The certificate verify address has no language in it: the visit's language carries over.
    page.goto(f"{live_server.url}/certificates/verify/")
    check_page(page, axe, code)
    assert page.get_by_role("heading", name=t(code, "Check a certificate")).is_visible()


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_switcher_changes_language_by_keyboard_and_keeps_the_page(page, live_server, e2e_settings, code):
    page.goto(f"{live_server.url}/get-help/")
    switcher = page.get_by_role("navigation", name="Language")
    link = switcher.locator(f'a[hreflang="{code}"]')
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{live_server.url}/{code}/get-help/?lang={code}"
    assert page.get_by_role("heading", name=t(code, "Get help now"), exact=True).first.is_visible()
    # Quick exit sits in the same place and still leaves at once.
    page.locator("[data-quick-exit]").click()
    page.wait_for_url(e2e_settings.QUICK_EXIT_URL)


def _answer(page, module, *, correctly):
    """The right answers, or one wrong one per question, to the questions drawn for this attempt."""
    for question in module_questions(module):
        if page.locator(f"#question-{question.id}").count() == 0:
            continue  # not drawn for this attempt (the sample assessment asks 5 of its 8)
        ids = sorted(question.correct_ids) if correctly else [
            next(o.id for o in question.options if o.id not in question.correct_ids)
        ]
        for option_id in ids:
            page.locator(f"#q-{question.id}-{option_id}").check()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_the_learner_journey_in_the_language(
    page, live_server, e2e_settings, axe, mailoutbox, tmp_path, code, width
):
    from lms.accounts.models import User

    seed_site()
    course = sample_course()
    page.set_viewport_size(WIDTHS[width])
    email = f"learner-{code}-{width}@example.org"

    # Sign up in the language, confirm the address from the email (written in it too).
    page.goto(f"{live_server.url}/{code}/accounts/signup/")
    page.get_by_label(t(code, "Full name")).fill("Aisha Rahman")
    page.get_by_label(t(code, "Email"), exact=True).fill(email)
    page.get_by_label(t(code, "Password"), exact=True).fill(NEW_PASSWORD)
    page.get_by_label(t(code, "Password (again)")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=t(code, "Create account")).click()
    assert page.get_by_role("heading", name=t(code, "Check your email")).is_visible()
    check_page(page, axe, code)
    message = mailoutbox[-1]
    assert message.subject == t(code, "Confirm your email address")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    assert f"/{code}/accounts/confirm-email/" in link
    page.goto(link)
    check_page(page, axe, code)
    page.get_by_role("button", name=t(code, "Confirm", "confirm email address")).click()
    page.wait_for_load_state()
    assert User.objects.get(email=email).preferred_language == code

    # The course, each module, a failed and then a passed assessment.
    page.goto(f"{live_server.url}/{code}{course.url}")
    check_page(page, axe, code)
    page.get_by_role("button", name=t(code, "Start the course")).click()
    # The optional confidence check, in the learner's language: skipped.
    page.wait_for_url(re.compile(r"/confidence/before/"))
    check_page(page, axe, code)
    page.get_by_role("button", name=t(code, "Skip and start the course")).click()
    for module in ModulePage.objects.child_of(course).live().order_by("path"):
        page.wait_for_url(re.compile(re.escape(f"/{code}{module.url}") + r"(\?.*)?(#.*)?$"))
        check_page(page, axe, code)
        if module.content_note:
            page.get_by_role("link", name=t(code, "Continue to the module")).click()
        if module.is_assessment:
            _answer(page, module, correctly=False)
            page.get_by_role("button", name=t(code, "Submit your answers")).click()
            failed = result_heading(code, "Not passed this time: %(score)s%%")
            assert page.get_by_role("heading", name=failed).is_visible()
            check_page(page, axe, code)
            page.get_by_role("link", name=t(code, "Answer the questions again")).first.click()
            _answer(page, module, correctly=True)
            page.get_by_role("button", name=t(code, "Submit your answers")).click()
            passed = result_heading(code, "You passed: %(score)s%%")
            assert page.get_by_role("heading", name=passed).is_visible()
            check_page(page, axe, code)
        else:
            page.get_by_role("button", name=t(code, "Mark complete and continue")).click()

    # My learning, the certificate (its page has no language prefix), the PDF, and the check.
    page.goto(f"{live_server.url}/{code}/my-learning/")
    check_page(page, axe, code)
    view = t(code, 'View your certificate<span class="visually-hidden"> for %(title)s</span>')
    view = view.split("<span")[0]
    page.get_by_role("link", name=re.compile(re.escape(view))).first.click()
    assert page.get_by_role("heading", name=t(code, "Your certificate")).is_visible()
    check_page(page, axe, code)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=t(code, "Download certificate (PDF)")).click()
    pdf = tmp_path / "certificate.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    code_text = page.locator(".certificate-code").first.inner_text().strip()

    page.goto(f"{live_server.url}/certificates/verify/")
    page.get_by_label(t(code, "Verification code")).fill(code_text)
    page.get_by_role("button", name=t(code, "Check certificate")).click()
    assert page.get_by_role("heading", name=re.compile(re.escape(code_text))).is_visible()
    check_page(page, axe, code)
    body = page.content()
    from wagtail.models import Locale

    translated_title = course.get_translation(Locale.objects.get(language_code=code)).title
    assert "Aisha Rahman" in body and translated_title in body  # printed in the learner's language
    assert t(code, "Valid", "certificate status") in body
