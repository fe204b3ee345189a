"""Rendering the platform's emails: one shared layout, HTML with a plain-text alternative, in the
learner's language, with every link absolute on the configured public address (never the host of
whatever request happened to cause the email)."""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from lms.branding import site_name
from lms.i18n import language_for

from . import registry
from .tokens import unsubscribe_token


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    text: str
    html: str
    headers: dict


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def layout_context(*, user, essential: bool, reason) -> dict:
    """What the shared layout needs: the platform's name and address, the crisis line (in the
    layout itself), why this email was sent and, for non-essential email, how to stop it."""
    return {
        "site_name": site_name(),
        "site_url": settings.SITE_URL,
        "user": user,
        "reason": reason,
        "essential": essential,
        "preferences_url": absolute(reverse("notifications:preferences")),
        "language_code": translation.get_language(),
        "language_bidi": translation.get_language_bidi(),
    }


def email_wrap(*, subject: str, body_text: str, user, reason) -> RenderedEmail:
    """An essential email whose body is plain text (the account emails django-allauth sends), in
    the shared layout: the text part as written, the HTML part with its paragraphs and links."""
    context = {**layout_context(user=user, essential=True, reason=reason), "body": body_text.strip()}
    return RenderedEmail(
        subject=" ".join(subject.split()),
        text=render_to_string("notifications/email/wrapped.txt", context).strip() + "\n",
        html=render_to_string("notifications/email/wrapped.html", context),
        headers={},
    )


def email_render(*, kind: str, user, context: dict | None = None) -> RenderedEmail:
    """Subject, text and HTML of one email of a registered kind, for one person."""
    email_kind = registry.get(kind)
    headers = {}
    with translation.override(language_for(user)):
        full = {
            **layout_context(user=user, essential=email_kind.essential, reason=email_kind.reason),
            "kind": email_kind,
            **(context or {}),
        }
        if not email_kind.essential:
            url = absolute(
                reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, kind=kind)])
            )
            full["unsubscribe_url"] = url
            # RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe with an HTTPS URL).
            headers["List-Unsubscribe"] = f"<{url}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        subject = render_to_string(f"{email_kind.template}_subject.txt", full)
        text = render_to_string(f"{email_kind.template}.txt", full)
        html = render_to_string(f"{email_kind.template}.html", full)
    subject = " ".join(subject.split())  # one line, whatever the template's line breaks
    return RenderedEmail(subject=subject, text=text.strip() + "\n", html=html, headers=headers)
