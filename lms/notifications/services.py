"""Sending the platform's emails at most once, and learners' choices about them."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import registry
from .models import EmailChoice, EmailSend
from .rendering import email_render
from .selectors import email_receives

logger = logging.getLogger(__name__)

# After this many failed attempts an email is given up (and stays "failed" in the send log).
MAX_ATTEMPTS = 6


def email_send(*, kind: str, user, key: str, context: dict | None = None, attachments=()) -> bool:
    """Send one email of a registered kind to `user`, at most once for (`kind`, `key`).

    Returns True if it was sent now; False if it was already sent or being sent elsewhere, or was
    not sent because the person turned that kind off, is deactivated or has not verified their
    address (non-essential kinds only). A sending error marks the row failed and is raised, so the
    caller (a task) can retry with backoff; the retry claims the same row again."""
    email_kind = registry.get(kind)
    if not _claim(kind=kind, key=key, user=user):
        return False
    if not email_kind.essential and not _may_receive(user=user, kind=kind):
        EmailSend.objects.filter(kind=kind, key=key).update(status=EmailSend.Status.SKIPPED)
        return False
    rendered = email_render(kind=kind, user=user, context=context)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers=rendered.headers,
    )
    message.attach_alternative(rendered.html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    _deliver(message=message, kind=kind, key=key, who=f"user {user.pk}")
    return True


def email_send_to_address(
    kind: str, address: str, *, key: str, context: dict | None = None, language: str = ""
) -> bool:
    """Send one email of a registered kind to an address that may have no account (an invitation),
    at most once for (`kind`, `key`), in `language` (English when it is not offered). Only essential
    kinds: there is no account whose choices or unsubscribe link could apply. Returns True if sent
    now; a sending error marks the row failed and is raised, so the calling task retries it."""
    email_kind = registry.get(kind)
    if not email_kind.essential:
        raise ValueError(f"email kind {kind!r} is not essential: send it to an account with email_send")
    if not _claim(kind=kind, key=key, user=None):
        return False
    person = registry.sample_person(email=address, full_name="")
    person.preferred_language = language or ""
    rendered = email_render(kind=kind, user=person, context=context)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers=rendered.headers,
    )
    message.attach_alternative(rendered.html, "text/html")
    _deliver(message=message, kind=kind, key=key, who=f"address {address.split('@')[-1]}")
    return True


def _deliver(*, message, kind: str, key: str, who: str) -> None:
    try:
        message.send()
    except Exception as exc:
        EmailSend.objects.filter(kind=kind, key=key).update(
            status=EmailSend.Status.FAILED, attempts=F("attempts") + 1, error=type(exc).__name__
        )
        logger.warning("Email %s %s to %s failed: %s", kind, key, who, type(exc).__name__)
        raise
    EmailSend.objects.filter(kind=kind, key=key).update(
        status=EmailSend.Status.SENT, attempts=F("attempts") + 1, sent_at=timezone.now(), error=""
    )


def _claim(*, kind: str, key: str, user) -> bool:
    """Take the right to send (kind, key): a new row, or a failed one taken back for a retry. Two
    runs at once (overlapping ticks, a task delivered twice) cannot both win."""
    with transaction.atomic():
        row, created = EmailSend.objects.get_or_create(
            kind=kind, key=key, defaults={"user": user, "status": EmailSend.Status.SENDING}
        )
    if created:
        return True
    return bool(
        EmailSend.objects.filter(
            pk=row.pk, status=EmailSend.Status.FAILED, attempts__lt=MAX_ATTEMPTS
        ).update(status=EmailSend.Status.SENDING)
    )


def _may_receive(*, user, kind: str) -> bool:
    if not user.is_active or not email_receives(user=user, kind=kind):
        return False
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def email_preferences_update(*, user, receive: set[str], source: str = "preferences") -> None:
    """Record the person's choice for every optional kind: on for those in `receive`, off for the
    rest."""
    with transaction.atomic():
        for kind in registry.optional_kinds():
            EmailChoice.objects.update_or_create(
                user=user, kind=kind.key, defaults={"receive": kind.key in receive, "source": source}
            )


def email_unsubscribe(*, user, kind: str) -> None:
    """Turn one optional kind off (from a link or a one-click unsubscribe); essential kinds stay."""
    if registry.get(kind).essential:
        return
    EmailChoice.objects.update_or_create(
        user=user, kind=kind, defaults={"receive": False, "source": "unsubscribe"}
    )
