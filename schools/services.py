"""Writes for the schools app: register import, memberships, leads and coverage snapshots."""

import logging
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from lms.notifications.tasks import SEND_TASK
from lms.queueing import enqueue_on_commit

from .consent import consent_record
from .emails import LEAD_DECISION, LEAD_REQUESTED
from .gias import GiasFileError, ImportSummary, decode_gias_bytes, gias_parse
from .models import (
    Borough,
    Campaign,
    CoverageSnapshot,
    GiasImport,
    Institution,
    InstitutionStatus,
    Membership,
    RegisterImport,
    SharingConsent,
)

# Who may grant or decline lead status (the admin's lead screens check the same permission).
LEAD_PERMISSION = "schools.change_membership"

IMPORT_FIELDS = (
    "name",
    "status",
    "borough_id",
    "kind",
    "phase",
    "establishment_type",
    "postcode",
    "opened_on",
    "closed_on",
    "pupil_count",
    "ukprn",
    "street",
    "locality",
    "town",
    "telephone",
    "website",
    "head_name",
)
BATCH_SIZE = 1000
logger = logging.getLogger(__name__)

# The import task's limits (schools.tasks uses them): it is asked to stop after the soft limit and
# killed at the hard one. An upload still "Importing" after the hard limit (plus a minute's grace
# for the worker to report) had its task die, and is marked failed (`UploadQueue`).
GIAS_IMPORT_TASK = "schools.tasks.import_gias_upload"
GIAS_IMPORT_SOFT_TIME_LIMIT = 600
GIAS_IMPORT_TIME_LIMIT = 660
# An upload (of either kind) still waiting after this was never picked up (no worker, or the broker
# lost it).
UPLOAD_QUEUED_DEADLINE = timedelta(hours=1)
# Uploads waiting longer than this are queued again by the sweep (a second run is a no-op).
UPLOAD_REQUEUE_AFTER = timedelta(minutes=2)


# --- Register import -------------------------------------------------------------------------


GIAS_PROGRESS_EVERY = 1000  # rows between progress reports of a running import


def _gias_progress_key(gias_import_id: int) -> str:
    return f"schools:gias-import:{gias_import_id}:rows"


def gias_import_progress(*, gias_import_id: int) -> int | None:
    """Rows a running import has read so far (kept in the cache: the import's own transaction is
    not visible to other connections until it ends), or None before it reports."""
    from django.core.cache import cache

    return cache.get(_gias_progress_key(gias_import_id))


def gias_import_bytes(*, raw: bytes, file_name: str = "", progress=None) -> ImportSummary:
    """Import a register file's bytes: every change in one transaction, or nothing on a bad file.
    `progress(rows_read)` is called every GIAS_PROGRESS_EVERY rows while the file is read.

    Raises GiasFileError (nothing changed) for an empty file, a wrong encoding or a missing column.
    """
    summary = ImportSummary(file_name=file_name)
    text = decode_gias_bytes(raw)
    boroughs_by_dfe = dict(Borough.objects.values_list("dfe_code", "id"))
    if not boroughs_by_dfe:
        raise GiasFileError("The list of London boroughs is missing: run `manage.py migrate` first.")
    boroughs_by_ons = dict(Borough.objects.values_list("ons_code", "id"))
    rows = []
    parsed = gias_parse(
        text, boroughs_by_dfe=boroughs_by_dfe, boroughs_by_ons=boroughs_by_ons, summary=summary
    )
    for row in parsed:
        rows.append(row)
        if progress is not None and summary.rows_read % GIAS_PROGRESS_EVERY == 0:
            progress(summary.rows_read)
    with transaction.atomic():
        _gias_apply(rows=rows, summary=summary)
    return summary


def gias_import_file(*, path) -> ImportSummary:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GiasFileError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    return gias_import_bytes(raw=raw, file_name=path.name)


def _gias_apply(*, rows, summary: ImportSummary) -> None:
    existing = {
        inst.urn: inst
        for inst in Institution.objects.filter(urn__isnull=False).only("id", "urn", *IMPORT_FIELDS)
    }
    now = timezone.now()
    to_create, to_update, changed_fields = [], [], set()
    for row in rows:
        values = dict(row.values)
        current = existing.get(row.urn)
        if current is None:
            values["kind"] = row.type_kind or row.phase_kind
            to_create.append(
                Institution(
                    urn=row.urn, source=Institution.Source.GIAS, created_at=now, updated_at=now, **values
                )
            )
            summary.created += 1
            continue
        if row.type_kind:
            values["kind"] = row.type_kind
        opened = values.get("opened_on", current.opened_on)
        closed = values.get("closed_on", current.closed_on)
        if opened and closed and closed < opened:
            # A file carrying only one of the two dates must not break the rule the table enforces.
            summary.reject(
                row.line,
                f"URN {row.urn}: CloseDate {closed:%d-%m-%Y} would be before the OpenDate "
                f"{opened:%d-%m-%Y} already held for it",
            )
            continue
        changes = {name: value for name, value in values.items() if getattr(current, name) != value}
        if not changes:
            summary.unchanged += 1
            continue
        was_closed = current.status == InstitutionStatus.CLOSED
        for name, value in changes.items():
            setattr(current, name, value)
        current.updated_at = now
        changed_fields.update(changes)
        to_update.append(current)
        if not was_closed and current.status == InstitutionStatus.CLOSED:
            summary.closed += 1
        else:
            summary.updated += 1
    Institution.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        fields = sorted(changed_fields | {"updated_at"})
        Institution.objects.bulk_update(to_update, fields, batch_size=BATCH_SIZE)


def gias_import_run(*, gias_import_id: int) -> GiasImport | None:
    """Run a queued admin upload of the schools register (see `upload_run`)."""
    return upload_run(
        model=GiasImport,
        pk=gias_import_id,
        import_bytes=lambda raw, record: gias_import_bytes(
            raw=raw, file_name=record.original_name, progress=_progress_reporter(record.pk)
        ),
        file_error=GiasFileError,
        soft_time_limit=GIAS_IMPORT_SOFT_TIME_LIMIT,
    )


def upload_run(*, model, pk: int, import_bytes, file_error, soft_time_limit: int):
    """Run a queued upload (a `models.imports.UploadedImport`). Safe to call twice: only a waiting
    upload is started, and every way it can end (imported, a bad file, an unexpected error, the time
    limit) is recorded on it. `import_bytes(raw, record)` returns a summary with `as_dict()`."""
    with transaction.atomic():
        record = model.objects.select_for_update().filter(pk=pk).first()
        if record is None or record.status != model.Status.QUEUED:
            return record  # finished, failed, or already being run by another worker
        record.status, record.started_at = model.Status.RUNNING, timezone.now()
        record.save(update_fields=["status", "started_at"])
    error = ""
    try:
        with record.file.open("rb") as handle:
            raw = handle.read()
        # The summary is saved in the same transaction as the changes: a worker that dies midway
        # leaves neither, and the upload is marked failed once its time limit has passed.
        with transaction.atomic():
            summary = import_bytes(raw, record)
            record.status, record.summary = model.Status.DONE, summary.as_dict()
            record.finished_at = timezone.now()
            record.save(update_fields=["status", "summary", "finished_at"])
        return record
    except file_error as exc:
        error = str(exc)
    except SoftTimeLimitExceeded:
        minutes = soft_time_limit // 60
        error = (
            f"The import took longer than its limit of {minutes} minutes and was stopped. Nothing was "
            "changed. Try again when the site is quieter, or ask the technical team to look at the worker."
        )
    except OSError as exc:
        logger.exception("Upload %s %s: the uploaded file could not be read", model.__name__, record.pk)
        error = (
            f"The uploaded file could not be read ({exc.strerror or exc.__class__.__name__}). "
            "Nothing was changed: upload the file again."
        )
    except Exception as exc:  # anything else must still end the upload, never leave it "Importing"
        logger.exception("Upload %s %s failed", model.__name__, record.pk)
        error = (
            f"The import stopped because of an unexpected error ({exc.__class__.__name__}). Nothing "
            "was changed. The technical team can find the details in the logs; upload the file again "
            "once it is fixed."
        )
    record.status, record.error, record.finished_at = model.Status.FAILED, error, timezone.now()
    record.save(update_fields=["status", "error", "finished_at"])
    return record


def _progress_reporter(gias_import_id: int):
    from django.core.cache import cache

    def report(rows_read: int) -> None:
        cache.set(_gias_progress_key(gias_import_id), rows_read, timeout=GIAS_IMPORT_TIME_LIMIT + 60)

    return report


@dataclass(frozen=True)
class UploadQueue:
    """A kind of admin upload (`models.imports.UploadedImport`) that a Celery task imports."""

    model: type
    task: str  # the import task's name; it takes the upload's id
    time_limit: int  # the task's hard time limit, in seconds

    def running_deadline(self) -> timedelta:
        # Still "Importing" after the hard limit, plus a minute's grace for the worker to report:
        # the task died.
        return timedelta(seconds=self.time_limit + 60)

    def store(self, *, uploaded_file, user):
        """Keep an uploaded file privately and queue its import once the upload is saved."""
        record = self.model.objects.create(
            file=uploaded_file, original_name=Path(uploaded_file.name).name[:255], uploaded_by=user
        )
        enqueue_on_commit(self.task, record.pk)
        return record

    def limit_minutes(self) -> int:
        """How long, at most, before a stuck upload is marked failed (for the admin pages)."""
        return -(-int(self.running_deadline().total_seconds()) // 60)


def upload_queues() -> tuple[UploadQueue, ...]:
    from .register_import import REGISTER_IMPORT_TASK, REGISTER_TIME_LIMIT

    return (
        UploadQueue(GiasImport, GIAS_IMPORT_TASK, GIAS_IMPORT_TIME_LIMIT),
        UploadQueue(RegisterImport, REGISTER_IMPORT_TASK, REGISTER_TIME_LIMIT),
    )


def upload_queue(model) -> UploadQueue:
    return next(queue for queue in upload_queues() if queue.model is model)


def uploads_fail_overdue(*, now=None, model=None) -> int:
    """Mark failed every upload (of either kind, or only of `model`) whose task died (still
    "Importing" after the task's time limit) or that never started (still waiting after an hour).
    Returns how many were marked."""
    now = now or timezone.now()
    marked = 0
    for queue in upload_queues():
        if model is not None and queue.model is not model:
            continue
        stuck = {
            queue.model.Status.RUNNING: (
                Q(started_at__lt=now - queue.running_deadline()),
                f"The import did not finish within its time limit of {queue.time_limit // 60} minutes: "
                "the background worker stopped while importing it. Nothing was changed: upload the "
                "file again.",
            ),
            queue.model.Status.QUEUED: (
                Q(created_at__lt=now - UPLOAD_QUEUED_DEADLINE),
                "The import never started: no background worker picked it up within an hour. Nothing was "
                "changed. Ask the technical team to check the worker, then upload the file again.",
            ),
        }
        marked += sum(
            queue.model.objects.filter(when, status=status).update(
                status=queue.model.Status.FAILED, finished_at=now, error=error
            )
            for status, (when, error) in stuck.items()
        )
    return marked


def uploads_sweep(*, now=None) -> int:
    """Periodic: fail overdue uploads, and queue again those waiting a while (perhaps never queued
    because the broker was down; a second run of an upload is a no-op). Returns how many were queued
    again."""
    now = now or timezone.now()
    uploads_fail_overdue(now=now)
    queued = 0
    for queue in upload_queues():
        waiting = list(
            queue.model.objects.filter(
                status=queue.model.Status.QUEUED, created_at__lt=now - UPLOAD_REQUEUE_AFTER
            ).values_list("pk", flat=True)
        )
        for pk in waiting:
            enqueue_on_commit(queue.task, pk)
        queued += len(waiting)
    return queued


# --- Memberships and leads -------------------------------------------------------------------


def membership_join(*, user, institution: Institution, shares_completion: bool, via_invitation: bool = False):
    """Join `institution` (or update sharing if already a member). Returns (membership, created)."""
    via = Membership.JoinedVia.INVITATION if via_invitation else Membership.JoinedVia.SEARCH
    # An invitation from the institution confirms the membership; a search leaves it self-declared.
    confirmed_at = timezone.now() if via_invitation else None
    try:
        with transaction.atomic():
            membership, created = Membership.objects.get_or_create(
                user=user,
                institution=institution,
                defaults={
                    "shares_completion": shares_completion,
                    "joined_via": via,
                    "confirmed_at": confirmed_at,
                },
            )
    except IntegrityError:  # a concurrent join of the same institution won the race
        membership, created = Membership.objects.get(user=user, institution=institution), False
    via_consent = SharingConsent.Via.INVITATION if via_invitation else SharingConsent.Via.JOINING
    if created:
        consent_record(user=user, institution=institution, agreed=shares_completion, via=via_consent)
    if not created and confirmed_at and membership.confirmed_at is None:
        membership.confirmed_at = confirmed_at
        membership.save(update_fields=["confirmed_at"])
    if not created and membership.shares_completion != shares_completion:
        membership.shares_completion = shares_completion
        membership.save(update_fields=["shares_completion"])
        consent_record(user=user, institution=institution, agreed=shares_completion, via=via_consent)
    return membership, created


def membership_set_sharing(*, membership: Membership, shares_completion: bool) -> Membership:
    """The learner's later choice: takes effect at once on the lead's dashboard and CSV."""
    changed = membership.shares_completion != shares_completion
    membership.shares_completion = shares_completion
    membership.save(update_fields=["shares_completion"])
    if changed:
        consent_record(user=membership.user, institution=membership.institution,
                       agreed=shares_completion, via=SharingConsent.Via.LATER)
    return membership


def membership_leave(*, membership: Membership) -> None:
    if membership.shares_completion:
        consent_record(user=membership.user, institution=membership.institution, agreed=False,
                       via=SharingConsent.Via.LEFT)
    membership.delete()


def membership_request_lead(*, membership: Membership) -> Membership:
    """Ask to be a lead; programme staff who decide requests are emailed (once per request)."""
    if not membership.is_lead and membership.lead_requested_at is None:
        membership.lead_requested_at = timezone.now()
        membership.save(update_fields=["lead_requested_at"])
        context = {
            "institution_name": membership.institution.name,
            "requester_name": membership.user.full_name,
            "url": settings.SITE_URL + reverse("schools_membership:index"),
        }
        requested = membership.lead_requested_at.isoformat()
        for decider in lead_deciders():
            enqueue_on_commit(
                SEND_TASK, LEAD_REQUESTED, decider.pk,
                f"membership:{membership.pk}:{requested}:to:{decider.pk}", context,
            )
    return membership


def lead_deciders():
    """Active staff who may grant or decline lead requests."""
    from django.contrib.auth import get_user_model

    app_label, codename = LEAD_PERMISSION.split(".")
    permission = Q(
        groups__permissions__codename=codename, groups__permissions__content_type__app_label=app_label
    )
    return get_user_model().objects.filter(is_active=True, is_staff=True).filter(
        Q(is_superuser=True) | permission
    ).distinct()


def membership_grant_lead(*, membership: Membership) -> Membership:
    had_asked = membership.lead_requested_at is not None
    membership.role = Membership.Role.LEAD
    membership.lead_requested_at = None
    membership.save(update_fields=["role", "lead_requested_at"])
    _tell_decision(membership=membership, decision="granted" if had_asked else "made")
    return membership


def membership_withdraw_lead(*, membership: Membership) -> Membership:
    """Withdraw lead status (or decline a request): the person stays a member of staff."""
    decision = "withdrawn" if membership.is_lead else ("declined" if membership.lead_requested_at else "")
    membership.role = Membership.Role.STAFF
    membership.lead_requested_at = None
    membership.save(update_fields=["role", "lead_requested_at"])
    if decision:
        _tell_decision(membership=membership, decision=decision)
    return membership


def _tell_decision(*, membership: Membership, decision: str) -> None:
    """Email the person the decision about their lead status, once per decision."""
    enqueue_on_commit(
        SEND_TASK, LEAD_DECISION, membership.user_id,
        f"membership:{membership.pk}:{decision}:{timezone.now().isoformat()}",
        {
            "decision": decision,
            "institution_name": membership.institution.name,
            "url": settings.SITE_URL + reverse("schools:mine"),
        },
    )


def institution_rotate_invitation(*, institution: Institution) -> Institution:
    """Give the institution a new invitation code; the old link and code stop working (and say
    they were replaced: `schools.invitations.institution_replace_invitation`)."""
    from .invitations import institution_replace_invitation

    return institution_replace_invitation(institution=institution)


# --- Coverage snapshots ----------------------------------------------------------------------


def coverage_snapshot_take(*, campaign: Campaign, on=None) -> int:
    """Store today's coverage per borough (and for all London). Re-running a day replaces it."""
    from .selectors import campaign_summary, coverage_by_borough

    on = on or timezone.localdate()
    rows = coverage_by_borough(campaign=campaign, on=on)
    summary = campaign_summary(campaign=campaign, on=on)
    snapshots = [
        CoverageSnapshot(
            campaign=campaign,
            borough_id=row["borough_id"],
            taken_on=on,
            institutions_total=row["total"],
            institutions_covered=row["covered"],
            learners_completed=row["learners"],
        )
        for row in rows
    ]
    snapshots.append(
        CoverageSnapshot(
            campaign=campaign,
            borough=None,
            taken_on=on,
            institutions_total=summary["institutions_total"],
            institutions_covered=summary["institutions_covered"],
            learners_completed=summary["learners_completed"],
        )
    )
    with transaction.atomic():
        CoverageSnapshot.objects.filter(campaign=campaign, taken_on=on).delete()
        CoverageSnapshot.objects.bulk_create(snapshots)
    return len(snapshots)


def coverage_snapshot_all(*, on=None) -> int:
    """Snapshot every campaign that has started and had not ended before yesterday."""
    on = on or timezone.localdate()
    campaigns = Campaign.objects.filter(starts_on__lte=on).exclude(ends_on__lt=on - timedelta(days=1))
    return sum(coverage_snapshot_take(campaign=campaign, on=on) for campaign in campaigns)
