"""Training done elsewhere: learners add records, leads and programme staff decide them, a verified
address claims the records an attendance register left waiting for it. Reads are here too (they
are few and belong together); coverage counts confirmed records in `schools.selectors.coverage`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from lms.notifications.tasks import SEND_TASK
from lms.queueing import enqueue_on_commit

from .emails import EXTERNAL_DECISION
from .models import ExternalRecord, ExternalTraining, Membership

# Programme staff who may decide any record and download any evidence.
REVIEW_PERMISSION = "schools.change_externalrecord"

# Evidence: what a certificate photo or scan may be, told by its first bytes (never by its name).
MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
EVIDENCE_SIGNATURES = (
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
)


def evidence_sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) of evidence from its first bytes, or None if it is none we keep."""
    for signature, content_type, extension in EVIDENCE_SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    return None


# --- Reads -----------------------------------------------------------------------------------


def external_trainings_available():
    return ExternalTraining.objects.filter(is_active=True).order_by("name")


def external_records_for_user(*, user) -> list[ExternalRecord]:
    """A learner's own records, newest first, for My learning. One query."""
    return list(ExternalRecord.objects.filter(user=user).select_related("training"))


def _led_sharing_members(*, reviewer):
    """Memberships of people who share with an institution `reviewer` leads."""
    led = Membership.objects.filter(user=reviewer, role=Membership.Role.LEAD).values("institution_id")
    return Membership.objects.filter(institution_id__in=led, shares_completion=True)


def external_record_visible(*, record: ExternalRecord, user) -> bool:
    """Who may see a record and its evidence: its learner, programme staff who review records, and
    a lead of an institution its learner shares with."""
    if not user.is_authenticated:
        return False
    if record.user_id == user.pk or user.has_perm(REVIEW_PERMISSION):
        return True
    return record.user_id is not None and (
        _led_sharing_members(reviewer=user).filter(user_id=record.user_id).exists()
    )


def external_record_may_decide(*, record: ExternalRecord, user) -> bool:
    """Leads (for staff who share with them) and programme staff decide; never the learner."""
    return record.user_id != user.pk and external_record_visible(record=record, user=user)


def external_records_to_review(*, institution=None, staff: bool = False):
    """Records waiting for confirmation: of staff who share with `institution` (for its lead), or
    every one (for programme staff). One query."""
    pending = ExternalRecord.objects.filter(status=ExternalRecord.Status.PENDING, user__isnull=False)
    if not staff:
        sharing = Membership.objects.filter(
            institution=institution, shares_completion=True, user_id=OuterRef("user_id")
        )
        pending = pending.filter(Exists(sharing))
    return pending.select_related("training", "user").order_by("created_at", "pk")


def external_records_shared(*, institution):
    """Records of staff who share with `institution`, for its lead's dashboard. One query."""
    sharing = Membership.objects.filter(
        institution=institution, shares_completion=True, user_id=OuterRef("user_id")
    )
    return (
        ExternalRecord.objects.filter(Exists(sharing), user__isnull=False)
        .select_related("training", "user")
        .order_by("user__full_name", "-completed_on")
    )


# --- Writes ----------------------------------------------------------------------------------


def external_record_add(*, user, training: ExternalTraining, completed_on, provider: str, evidence):
    """A learner's record of training done elsewhere, waiting for confirmation. `evidence` is an
    uploaded file already checked (`evidence_sniff`, `MAX_EVIDENCE_BYTES`)."""
    head = evidence.read(16)
    evidence.seek(0)
    content_type, extension = evidence_sniff(head) or ("", "bin")
    evidence.name = f"evidence.{extension}"
    return ExternalRecord.objects.create(
        user=user,
        training=training,
        completed_on=completed_on,
        provider=provider.strip(),
        evidence=evidence,
        evidence_type=content_type,
        source=ExternalRecord.Source.LEARNER,
    )


def external_record_decide(*, record: ExternalRecord, by, confirm: bool, reason: str = "") -> bool:
    """Confirm or decline a waiting record, once: a second click, a replay or another reviewer's
    decision in another tab changes nothing (returns False). The learner is emailed the decision."""
    status = ExternalRecord.Status.CONFIRMED if confirm else ExternalRecord.Status.DECLINED
    now = timezone.now()
    changed = ExternalRecord.objects.filter(pk=record.pk, status=ExternalRecord.Status.PENDING).update(
        status=status, decided_by=by, decided_at=now, decline_reason="" if confirm else reason.strip()
    )
    record.refresh_from_db()
    if changed and record.user_id:
        enqueue_on_commit(
            SEND_TASK,
            EXTERNAL_DECISION,
            record.user_id,
            f"external:{record.pk}:{status}",
            {
                "decision": status,
                "training_name": record.training.name,
                "completed_on": record.completed_on.isoformat(),
                "reason": record.decline_reason,
                "url": settings.SITE_URL + reverse("courses:my_learning"),
            },
        )
    return bool(changed)


def membership_confirm(*, membership: Membership) -> bool:
    """A lead confirms that a self-declared member works at their institution (once)."""
    return bool(
        Membership.objects.filter(pk=membership.pk, confirmed_at__isnull=True).update(
            confirmed_at=timezone.now()
        )
    )


def membership_ensure(*, user, institution) -> None:
    """Make `user` a member of `institution` (confirmed: programme staff's register says they work
    there), not sharing: their lead sees nothing until they choose to share."""
    if institution is None:
        return
    try:
        with transaction.atomic():
            Membership.objects.get_or_create(
                user=user,
                institution=institution,
                defaults={
                    "joined_via": Membership.JoinedVia.ADMIN,
                    "shares_completion": False,
                    "confirmed_at": timezone.now(),
                },
            )
    except IntegrityError:  # joined at the same moment elsewhere
        pass


def external_records_claim(*, user, email: str) -> int:
    """Attach the register records waiting for `email` to `user` (called once the address is
    verified). Returns how many were attached; a second call attaches nothing."""
    waiting = list(
        ExternalRecord.objects.filter(user__isnull=True, email__iexact=email.strip()).select_related(
            "institution"
        )
    )
    for record in waiting:
        if ExternalRecord.objects.filter(pk=record.pk, user__isnull=True).update(user=user):
            membership_ensure(user=user, institution=record.institution)
    return len(waiting)


def on_email_confirmed(sender, request=None, email_address=None, **kwargs):
    """django-allauth's `email_confirmed`: the verified address claims its waiting records."""
    if email_address is None or not email_address.user_id:
        return
    user = get_user_model().objects.filter(pk=email_address.user_id).first()
    if user is not None:
        external_records_claim(user=user, email=email_address.email)


def verified_users_by_email(emails) -> dict:
    """{lower-cased address: user} for accounts whose address is verified. One query."""
    from allauth.account.models import EmailAddress

    rows = (
        EmailAddress.objects.filter(verified=True, user__is_active=True)
        .filter(Q(email__in=emails))
        .select_related("user")
    )
    return {row.email.lower(): row.user for row in rows}
