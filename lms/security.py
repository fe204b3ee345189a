"""Security headers the platform sends on every response: Content-Security-Policy (django-csp) and
Permissions-Policy.

The public site runs under a strict policy (settings.CONTENT_SECURITY_POLICY): scripts and styles
only from our own static files, no inline script, no inline style, no plugins, no framing by other
sites. The Wagtail admin (and its page previews) adds only what its editor needs
(settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE), for paths under settings.CSP_ADMIN_PREFIXES.
"""

import base64
import hashlib
import json
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

INLINE_SCRIPT_RE = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# A JavaScript string literal as Django's `escapejs` writes it: no raw quote or backslash.
_JS_STRING = r'"(?:[^"\\\n]|\\u[0-9A-Fa-f]{4})*"'
# The only inline scripts the Wagtail admin still writes itself: its date and time pickers'
# set-up call (an escaped id and a JSON object) and its inline panels' (an escaped JSON string).
# Neither can carry code; each one on an admin page is allowed by its hash, and nothing else is.
WAGTAIL_DATE_WIDGET_RE = re.compile(
    r"\s*init(?:Date|Time|DateTime)Chooser\(" + _JS_STRING + r", (?P<config>\{.*\})\);\s*", re.DOTALL
)
WAGTAIL_PANEL_RE = re.compile(
    r"\s*\(function\(\) \{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)\(JSON\.parse\("
    + _JS_STRING
    + r"\)\);\s*\}\)\(\);\s*"
)


def _is_wagtail_widget_script(source: str) -> bool:
    if WAGTAIL_PANEL_RE.fullmatch(source):
        return True
    match = WAGTAIL_DATE_WIDGET_RE.fullmatch(source)
    if not match:
        return False
    try:
        return isinstance(json.loads(match["config"]), dict)
    except ValueError:
        return False


def wagtail_widget_script_hashes(html: str) -> list[str]:
    """CSP hash sources for the Wagtail admin's own widget set-up scripts in `html`."""
    return sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"
            for source in INLINE_SCRIPT_RE.findall(html)
            if _is_wagtail_widget_script(source)
        }
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request=request, response=response, report_only=report_only)
        if not report_only and request.path_info.startswith(tuple(settings.CSP_ADMIN_PREFIXES)):
            update = dict(parts.update or {})
            additions = dict(settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE)
            if not response.streaming and "html" in response.get("Content-Type", ""):
                scripts = wagtail_widget_script_hashes(response.content.decode(response.charset, "replace"))
                if scripts:
                    additions["script-src"] = [*additions.get("script-src", []), *scripts]
            for directive, sources in additions.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts


class PermissionsPolicyMiddleware:
    """Turn off browser features the platform never uses, for this site and anything it embeds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allow)})" for feature, allow in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
