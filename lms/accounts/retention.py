"""How long accounts are kept (run once a day by `lms.accounts.tasks.retention_run`):

- a closed account is erased once its cool-off has passed (lms/accounts/closure.py);
- a sign-up whose email address was never confirmed is deleted RETENTION_UNVERIFIED_DAYS after it
  was made;
- an account nobody has signed in to for RETENTION_INACTIVE_YEARS, counted from the later of the
  last sign-in and the day its holder's last certificate stops being current, is warned by email and
  erased RETENTION_NOTICE_DAYS later unless they sign in.

Programme staff accounts are left to programme staff (never erased automatically for inactivity).
"""

from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from lms.notifications.tasks import SEND_TASK
from lms.queueing import enqueue_on_commit

from .closure import account_erasure_carry_out, erase_on_label, sign_in_url
from .emails import RETENTION_WARNING
from .models import AccountErasure, User


def years_before(moment: datetime, years: int) -> datetime:
    """The same day and time `years` earlier (29 February falls back to the 28th)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def unverified_signups_delete(*, now=None) -> int:
    """Delete sign-ups made at least RETENTION_UNVERIFIED_DAYS ago whose address was never
    confirmed (and who never signed in). Returns how many."""
    from lms.privacy.services import person_erase

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_UNVERIFIED_DAYS)
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    due = User.objects.filter(
        date_joined__lte=cutoff, last_login__isnull=True, is_staff=False, is_superuser=False
    ).exclude(Exists(verified))
    count = 0
    for user in due.iterator():
        person_erase(user, reason="unverified sign-up")
        count += 1
    return count


def _last_certificate_end():
    """The day the person's last certificate stops being current, as the end of that day."""
    if not apps.is_installed("certificates"):
        return None
    Certificate = apps.get_model("certificates", "Certificate")
    return Subquery(
        Certificate.objects.filter(user=OuterRef("pk"), valid_until__isnull=False)
        .values("user").annotate(last=Max("valid_until")).values("last")[:1]
    )


def inactive_accounts(*, now=None):
    """Active accounts with nobody signing in since the retention period began, and no warning yet:
    last sign-in (or sign-up) and the end of the last certificate both before it."""
    now = now or timezone.now()
    cutoff = years_before(now, settings.RETENTION_INACTIVE_YEARS)
    queryset = User.objects.filter(is_active=True, is_staff=False, is_superuser=False).filter(
        pending_erasure__isnull=True
    )
    queryset = queryset.annotate(last_seen=Coalesce("last_login", "date_joined")).filter(
        last_seen__lte=cutoff
    )
    last_end = _last_certificate_end()
    if last_end is not None:
        # A certificate current until day D counts as "in use" until the end of D.
        queryset = queryset.annotate(last_valid_until=last_end).filter(
            Q(last_valid_until__isnull=True) | Q(last_valid_until__lt=timezone.localtime(cutoff).date())
        )
    return queryset


def inactive_accounts_warn(*, now=None) -> int:
    """Warn each newly inactive account by email that it will be erased after the notice period.
    Returns how many were warned."""
    now = now or timezone.now()
    count = 0
    for user in inactive_accounts(now=now).iterator():
        erasure, created = AccountErasure.objects.get_or_create(
            user=user,
            defaults={
                "reason": AccountErasure.Reason.INACTIVE,
                "requested_at": now,
                "erase_after": now + timedelta(days=settings.RETENTION_NOTICE_DAYS),
            },
        )
        if not created:
            continue
        enqueue_on_commit(
            SEND_TASK, RETENTION_WARNING, user.pk, f"erasure:{erasure.pk}:warned",
            {"erase_on": erase_on_label(user=user, moment=erasure.erase_after),
             "sign_in_url": sign_in_url(user=user)},
        )
        count += 1
    return count


def erasures_carry_out_due(*, now=None) -> int:
    """Erase every account whose cool-off or notice period has passed. Returns how many."""
    now = now or timezone.now()
    due = AccountErasure.objects.filter(erase_after__lte=now).order_by("erase_after")
    return sum(1 for erasure in list(due) if account_erasure_carry_out(erasure=erasure))


def retention_run(*, now=None) -> dict:
    """The daily retention task: every rule above, in order."""
    now = now or timezone.now()
    return {
        "erased": erasures_carry_out_due(now=now),
        "unverified_deleted": unverified_signups_delete(now=now),
        "warned": inactive_accounts_warn(now=now),
    }
