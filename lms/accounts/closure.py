"""Closing an account ("Delete my account"): deactivated at once, erased after a cool-off unless
the holder signs in, told by email both times. Erasure itself is `lms.privacy.services.person_erase`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation

from lms.i18n import language_for
from lms.notifications.tasks import SEND_TASK
from lms.queueing import enqueue_on_commit

from .emails import ACCOUNT_ERASED, CLOSURE_CANCELLED, CLOSURE_REQUESTED
from .models import AccountErasure, User

logger = logging.getLogger(__name__)


def erase_on_label(*, user, moment) -> str:
    """The erasure date as the person reads it in their language (for emails)."""
    with translation.override(language_for(user)):
        return formats.date_format(timezone.localtime(moment), "j F Y")


def sign_in_url(*, user) -> str:
    """The sign-in page in the person's language, on the public address."""
    from .adapter import in_language

    return settings.SITE_URL + in_language(reverse("account_login"), language_for(user))


def account_close(*, user: User, now=None) -> AccountErasure:
    """Close `user`'s account at their request: deactivate it now (no sign-in, no emails but the
    closure ones) and schedule its erasure after ACCOUNT_ERASURE_COOL_OFF_DAYS. Safe to repeat: a
    second call (double submit, a replayed request, two tabs) returns the same schedule."""
    from lms.privacy.requests import data_request_from_account

    now = now or timezone.now()
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        erasure = AccountErasure.objects.filter(user=locked).first()
        if erasure is not None and erasure.reason == AccountErasure.Reason.CLOSED:
            return erasure
        if erasure is not None:  # an inactivity warning: the person's own request replaces it
            erasure.delete()
        erasure = AccountErasure.objects.create(
            user=locked,
            reason=AccountErasure.Reason.CLOSED,
            requested_at=now,
            erase_after=now + timedelta(days=settings.ACCOUNT_ERASURE_COOL_OFF_DAYS),
        )
        locked.is_active = False
        locked.save(update_fields=["is_active"])
        user.is_active = False
        data_request_from_account(user=locked, kind="erasure", received_at=now)
        enqueue_on_commit(
            SEND_TASK, CLOSURE_REQUESTED, locked.pk, f"erasure:{erasure.pk}:closed",
            {"erase_on": erase_on_label(user=locked, moment=erasure.erase_after),
             "sign_in_url": sign_in_url(user=locked)},
        )
    return erasure


def account_erasure_cancel(*, user: User) -> str | None:
    """The holder signed in: a closed account opens again, an inactivity warning is lifted.
    Returns the reason that was cancelled, or None if nothing was pending."""
    from lms.privacy.requests import data_request_withdraw

    with transaction.atomic():
        erasure = AccountErasure.objects.select_for_update().filter(user=user).first()
        if erasure is None:
            return None
        erasure.delete()
        if erasure.reason == AccountErasure.Reason.CLOSED:
            User.objects.filter(pk=user.pk).update(is_active=True)
            user.is_active = True
            data_request_withdraw(user=user, kind="erasure")
            # Also a security notice: if someone else signed in, the holder learns of it.
            enqueue_on_commit(SEND_TASK, CLOSURE_CANCELLED, user.pk, f"erasure:{erasure.pk}:cancelled")
    return erasure.reason


def is_reopenable(user) -> bool:
    """Closed by its holder and still in the cool-off: signing in opens it again."""
    return (
        not user.is_active
        and AccountErasure.objects.filter(
            user=user, reason=AccountErasure.Reason.CLOSED, erase_after__gt=timezone.now()
        ).exists()
    )


def account_erasure_carry_out(*, erasure: AccountErasure) -> bool:
    """Erase the account of a due `erasure`: the last email first (it needs the address), then
    everything else. Returns False if it was no longer due (the holder signed in meanwhile)."""
    from lms.notifications.services import email_send
    from lms.privacy.requests import data_request_complete
    from lms.privacy.services import person_erase

    with transaction.atomic():
        current = (
            AccountErasure.objects.select_for_update().select_related("user")
            .filter(pk=erasure.pk).first()
        )
        if current is None:
            return False
        user = current.user
        if current.reason == AccountErasure.Reason.INACTIVE and (
            user.last_login and user.last_login > current.requested_at
        ):
            current.delete()  # signed in since the warning
            return False
        try:
            email_send(kind=ACCOUNT_ERASED, user=user, key=f"erasure:{current.pk}:erased",
                       context={"reason": current.reason})
        except Exception:  # the erasure is owed whether or not the relay takes the last email
            logger.warning("Account %s: the 'account deleted' email could not be sent", user.pk)
        data_request_complete(user=user, kind="erasure", action="erased")
        person_erase(user, reason=f"account {current.get_reason_display()}")
    return True
