"""Content-Security-Policy and Permissions-Policy on every page, strict on the public site."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from django.test import RequestFactory

from lms.errors import server_error
from lms.security import ContentSecurityPolicyMiddleware, wagtail_widget_script_hashes
from tests.factories import StaffUserFactory, give_totp

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
PERMISSIONS = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), midi=(), payment=(), usb=()"
)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: rest.split() for name, _, rest in (part.partition(" ") for part in header.split("; "))}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/get-help/", "/accounts/login/", "/accounts/signup/", "/no-such-page/"]
)
def test_public_pages_send_a_strict_policy_and_a_permissions_policy(client, path):
    response = client.get(path)
    csp = policy(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no inline script, no eval, no other host
    assert csp["style-src"] == ["'self'"]  # no inline style either
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["frame-src"] == [
        "'self'", "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"
    ]
    assert response["Permissions-Policy"] == PERMISSIONS


@pytest.mark.django_db
def test_the_admin_adds_only_what_its_editor_needs(client):
    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    response = client.get("/admin/schools/campaigns/new/")  # a form with Wagtail's date pickers
    assert response.status_code == 200
    csp = policy(response)
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-inline'" not in csp["script-src"] and csp["script-src"][0] == "'self'"
    scripts = re.findall(r"<script>(.*?)</script>", response.content.decode(), re.DOTALL)
    assert scripts, "the campaign form has Wagtail's date pickers"
    for source in scripts:  # each of Wagtail's set-up scripts is allowed by its own hash
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp["script-src"]
    assert response["Permissions-Policy"] == PERMISSIONS


def test_only_wagtails_own_widget_scripts_get_a_hash():
    good = [
        'initDateChooser("id_starts_on", {"dayOfWeekStart": 1, "format": "Y-m-d"});',
        'initDateTimeChooser("id_go_live_at", {"format": "Y-m-d H:i"});',
        '\n (function() {\n var panel = new InlinePanel(JSON.parse("{\\u0022prefix\\u0022: 1}"));\n })();\n',
    ]
    bad = [
        "alert(document.cookie)",
        'initDateChooser("id_x", {a: alert(1)});',  # a config that is not JSON
        'initDateChooser("id_x\\"), alert(1), (\\"", {});',  # an id breaking out of its string
        'initDateChooser("id_x", {}); alert(1);',
        '(function() { var panel = new InlinePanel(JSON.parse("x" + alert(1))); })();',
    ]
    html = "".join(f"<script>{source}</script>" for source in good + bad)
    digests = [base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() for source in good]
    assert set(wagtail_widget_script_hashes(html)) == {f"'sha256-{digest}'" for digest in digests}


def test_the_error_page_keeps_its_own_styles_under_the_policy():
    request = RequestFactory().get("/")
    response = server_error(request)
    response = ContentSecurityPolicyMiddleware(lambda r: response).process_response(request, response)
    [style] = re.findall(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    csp = policy(response)
    assert csp["style-src"] == ["'self'", f"'sha256-{digest}'"]
    assert csp["script-src"] == ["'self'"]


def test_no_template_of_ours_has_inline_script_style_or_event_handlers():
    """The policy would block them: every script is a static file, every style in site.css."""
    offenders = []
    for path in TEMPLATES.rglob("*.html"):
        # PDFs are rendered by WeasyPrint and emails by mail clients (which need inline styles), not
        # by a browser under the policy; the error page's own styles are allowed by their hash.
        if {"pdf", "email"} & set(path.parts) or path.name == "500.html":
            continue
        text = path.read_text()
        for pattern in (r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")", r"\sstyle=", r"<style",
                        r"\son[a-z]+=", r"javascript:"):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(TEMPLATES)}: {pattern}")
    assert offenders == []
