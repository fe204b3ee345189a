"""Under the Content-Security-Policy, the public pages and the Wagtail page editor still work and
the browser reports no violation (an inline script or style, or a source the policy refuses)."""

import re

import pytest

from tests.e2e.helpers import sample_course, seed_site, sign_in
from tests.e2e.test_trainer_journey import admin_sign_in, staff_member
from tests.factories import UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Record every violation the page reports, from the first script on, in every document.
WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " at " +
    (e.sourceFile || document.location.pathname) + ":" + e.lineNumber);
});
"""


def watch(page):
    page.add_init_script(WATCH)
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text)
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
        else None,
    )
    return console


def violations(page, console):
    return [*page.evaluate("window.__cspViolations || []"), *console]


def test_public_pages_run_under_the_policy_with_no_violation(page, live_server, e2e_settings):
    seed_site()
    console = watch(page)
    course = sample_course()
    module = course.get_children().live().first().specific
    sign_in(page, live_server, UserFactory())
    for path in ["/", "/get-help/", course.url, module.url, "/accounts/profile/"]:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        header = response.headers["content-security-policy"]
        assert "script-src 'self'" in header and "unsafe-inline" not in header, path
        assert violations(page, console) == [], path
    # The quick exit (site.js, a static file the policy allows) still leaves at once.
    page.goto(live_server.url + "/")
    page.locator("[data-quick-exit]").first.click()
    page.wait_for_url(re.compile(r"/healthz"))
    found = violations(page, console)
    assert found == [], "\n".join(found)


def test_the_wagtail_page_editor_works_under_the_policy(page, live_server, e2e_settings):
    seed_site()
    console = watch(page)
    course = sample_course()
    module = course.get_children().first()
    trainer, secret = staff_member("Trainers")
    admin_sign_in(page, live_server, trainer, secret)
    found = violations(page, console)
    assert found == [], "\n".join(found)

    response = page.goto(f"{live_server.url}/admin/pages/{module.pk}/edit/")
    assert response.status == 200
    policy = dict(
        (part.split(" ", 1) + [""])[:2] for part in response.headers["content-security-policy"].split("; ")
    )
    # Still no inline script in the admin: only our files and Wagtail's own widget set-up, by hash.
    assert policy["script-src"].startswith("'self'") and "unsafe-inline" not in policy["script-src"]
    # The editor is live: a block can be added and typed into.
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name=re.compile("^Paragraph")).click()
    editor = page.locator("[data-contentpath='body'] [contenteditable=true]").last
    editor.wait_for()
    editor.click()
    page.keyboard.type("Checked under the security policy.")
    assert "Checked under the security policy." in editor.inner_text()
    # The schedule-publishing dialog's date pickers (set up by Wagtail's inline scripts) work.
    assert page.evaluate("typeof initDateTimeChooser") == "function"
    assert page.locator("#id_go_live_at").count() == 1
    found = violations(page, console)
    assert found == [], "\n".join(found)
