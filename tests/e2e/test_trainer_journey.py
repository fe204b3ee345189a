"""Journey 3: a trainer writes a module in the Wagtail admin and submits it for review; a reviewer
publishes it; learners then see it in the course. Both sign in with an authenticator code, as
the admin requires."""

import re

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group

from courses.models import ModulePage
from tests.e2e.helpers import sample_course, seed_site
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
TITLE = "Looking after yourself after a difficult conversation"


def staff_member(group_name):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def admin_sign_in(page, live_server, user, secret):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    page.get_by_label(re.compile("Code", re.I)).fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("Sign in|Confirm|Verify", re.I)).click()
    page.wait_for_url(re.compile(r"/admin/"))


def test_trainer_writes_reviewer_publishes_learner_reads(page, live_server, e2e_settings):
    seed_site()
    course = sample_course()
    trainer, trainer_secret = staff_member("Trainers")
    reviewer, reviewer_secret = staff_member("Reviewers")

    admin_sign_in(page, live_server, trainer, trainer_secret)
    page.goto(f"{live_server.url}/admin/pages/add/courses/modulepage/{course.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_estimated_minutes").fill("5")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name=re.compile("^Paragraph")).click()
    editor = page.locator("[data-contentpath='body'] [contenteditable=true]").first
    editor.wait_for()
    editor.click()
    page.keyboard.type("Take a moment for yourself after supporting someone. Talk to someone you trust.")
    assert "Take a moment for yourself" in editor.inner_text()
    page.keyboard.press("Tab")  # leaving the editor stores its content in the form
    page.wait_for_timeout(500)
    page.locator("button[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Submit to Course review")).click()
    page.wait_for_load_state()
    shown = page.locator(".error-message, .w-field__errors, .help-critical").all_inner_texts()
    errors = [text.strip() for text in shown if text.strip()]
    assert not errors, errors
    module = ModulePage.objects.get(title=TITLE)
    assert not module.live
    assert module.current_workflow_state is not None
    # Learners do not see a module that is waiting for review.
    assert TITLE not in page.request.get(live_server.url + course.url).text()

    admin_sign_in(page, live_server, reviewer, reviewer_secret)
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
    page.locator("button[data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^Approve and Publish")).click()
    module.refresh_from_db()
    assert module.live

    page.context.clear_cookies()
    page.goto(live_server.url + course.url)
    assert page.get_by_text(TITLE).first.is_visible()
    page.goto("about:blank")  # no admin request in flight while the database is reset
