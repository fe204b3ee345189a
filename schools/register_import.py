"""Importing an instructor's attendance register (CSV: email, name, date, training, institution URN).

Programme staff upload it in the admin; a Celery task imports it (`register_import_run`), like the
schools register. Every row it can use becomes a confirmed record of training done elsewhere: at
once for an account whose address is verified, otherwise waiting (keyed by the address) for whoever
signs up and verifies it, and invited by email once. Every row it cannot use is reported with its
line number and a reason. Re-importing the same file changes nothing: a person, training and day
has one register record (a unique constraint), and rows already held are counted as unchanged.
"""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from lms.notifications.rendering import absolute
from lms.notifications.services import email_send_to_address
from lms.queueing import enqueue_on_commit

from .emails import REGISTER_INVITATION
from .external import verified_users_by_email
from .gias import Rejections, _records, decode_gias_bytes
from .models import ExternalRecord, ExternalTraining, Institution, Membership, RegisterImport

REGISTER_IMPORT_TASK = "schools.tasks.import_attendance_register"
REGISTER_SOFT_TIME_LIMIT = 300
REGISTER_TIME_LIMIT = 360
MAX_REGISTER_BYTES = 5 * 1024 * 1024
INVITATION_TASK = "schools.tasks.send_register_invitations"

# Header names a register may use for each column (compared lower-cased, spaces squeezed).
COLUMNS = {
    "email": ("email", "email address", "e-mail"),
    "name": ("name", "full name", "attendee", "attendee name"),
    "date": ("date", "training date", "date of training"),
    "training": ("training", "course", "training name"),
    "urn": ("institution urn", "urn", "school urn"),
}


class RegisterFileError(Exception):
    """The file cannot be imported at all; nothing was changed."""


@dataclass
class RegisterSummary(Rejections):
    file_name: str = ""
    rows_read: int = 0
    confirmed: int = 0  # new records attached to an existing account
    waiting: int = 0  # new records waiting for their person to sign up (invited by email)
    unchanged: int = 0  # already held from an earlier import

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class RegisterRow:
    line: int
    email: str
    name: str
    completed_on: date
    training_id: int
    institution_id: int | None


def _norm(value: str) -> str:
    return " ".join(value.strip().lstrip("\ufeff").lower().split())


def _parse_date(value: str) -> date:
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"the date '{value[:20]}' is not a date (expected dd/mm/yyyy)")


def register_parse(text: str, *, summary: RegisterSummary) -> list[RegisterRow]:
    """Every usable row of a register; unusable rows rejected in `summary` with line and reason.
    Three queries: the trainings and the institutions it names."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [_norm(name) for name in next(reader)]
    except StopIteration:
        raise RegisterFileError("The file is empty: there is nothing to import.") from None
    except csv.Error as exc:
        raise RegisterFileError(f"The first line (the column names) cannot be read as CSV: {exc}.") from None
    index = {}
    for key, names in COLUMNS.items():
        index[key] = next((header.index(name) for name in names if name in header), None)
    missing = [names[0] for key, names in COLUMNS.items() if index[key] is None]
    if missing:
        raise RegisterFileError(
            "The file is missing column(s): "
            + ", ".join(f"'{name}'" for name in missing)
            + ". A register has the columns email, name, date, training and institution URN."
        )
    raw = []
    for line, _last, cells, error in _records(reader):
        if error is not None:
            summary.rows_read += 1
            summary.reject(line, f"cannot be read as CSV ({error})")
            continue
        if not any(value.strip() for value in cells):
            continue
        summary.rows_read += 1
        if len(cells) < len(header):
            summary.reject(line, f"the row has {len(cells)} fields but the header has {len(header)}")
            continue
        raw.append((line, {key: cells[position].strip() for key, position in index.items()}))
    trainings = {name.lower(): pk for pk, name in ExternalTraining.objects.values_list("pk", "name")}
    urns = {int(row["urn"]) for _, row in raw if row["urn"].isdigit() and len(row["urn"]) < 10}
    institutions = dict(Institution.objects.filter(urn__in=urns).values_list("urn", "pk"))
    rows, seen, today = [], {}, timezone.localdate()
    for line, row in raw:
        try:
            email = row["email"].lower()
            if not email:
                raise ValueError("the email address is missing")
            try:
                validate_email(email)
            except ValidationError:
                raise ValueError(f"'{email[:80]}' is not an email address") from None
            completed_on = _parse_date(row["date"])
            if completed_on > today:
                raise ValueError(f"the date {completed_on:%d/%m/%Y} is in the future")
            training_id = trainings.get(" ".join(row["training"].split()).lower())
            if training_id is None:
                raise ValueError(
                    f"the training '{row['training'][:80]}' is not one of the recognised external trainings"
                )
            institution_id = None
            if row["urn"]:
                institution_id = institutions.get(int(row["urn"])) if row["urn"].isdigit() else None
                if institution_id is None:
                    raise ValueError(f"no institution has the URN '{row['urn'][:20]}'")
            key = (email, training_id, completed_on)
            if key in seen:
                raise ValueError(f"the same person, training and date already appear on line {seen[key]}")
        except ValueError as exc:
            summary.reject(line, str(exc))
            continue
        seen[key] = line
        rows.append(RegisterRow(line, email, row["name"][:200], completed_on, training_id, institution_id))
    return rows


def register_apply(*, rows: list[RegisterRow], summary: RegisterSummary, record: RegisterImport | None):
    """Create the records a register's rows do not already have, in bulk. Five queries however
    many rows (and one more per thousand new records)."""
    if not rows:
        return
    emails = sorted({row.email for row in rows})
    held = set(
        ExternalRecord.objects.filter(source=ExternalRecord.Source.REGISTER)
        .annotate(address=Lower("email"))
        .filter(address__in=emails)
        .values_list("address", "training_id", "completed_on")
    )
    users = verified_users_by_email(emails)
    now = timezone.now()
    by = record.uploaded_by if record else None
    new, members = [], {}
    for row in rows:
        if (row.email, row.training_id, row.completed_on) in held:
            summary.unchanged += 1
            continue
        user = users.get(row.email)
        new.append(
            ExternalRecord(
                user=user,
                email=row.email,
                attendee_name=row.name,
                training_id=row.training_id,
                completed_on=row.completed_on,
                institution_id=row.institution_id,
                status=ExternalRecord.Status.CONFIRMED,
                source=ExternalRecord.Source.REGISTER,
                decided_by=by,
                decided_at=now,
                register_import=record,
                created_at=now,
            )
        )
        if user is None:
            summary.waiting += 1
        else:
            summary.confirmed += 1
            if row.institution_id:
                members[(user.pk, row.institution_id)] = Membership(
                    user=user,
                    institution_id=row.institution_id,
                    joined_via=Membership.JoinedVia.ADMIN,
                    shares_completion=False,
                    confirmed_at=now,
                )
    # A concurrent import of the same file cannot duplicate a row: the constraint skips it.
    ExternalRecord.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    Membership.objects.bulk_create(list(members.values()), ignore_conflicts=True)
    if summary.waiting and record is not None:
        enqueue_on_commit(INVITATION_TASK, record.pk)


def register_import_bytes(*, raw: bytes, file_name: str = "", record: RegisterImport | None = None):
    summary = RegisterSummary(file_name=file_name)
    try:
        text = decode_gias_bytes(raw)
    except Exception as exc:  # the register reader's messages fit any CSV
        raise RegisterFileError(str(exc).replace("Get Information About Schools", "the instructor")) from exc
    rows = register_parse(text, summary=summary)
    with transaction.atomic():
        register_apply(rows=rows, summary=summary, record=record)
    return summary


def register_import_run(*, register_import_id: int) -> RegisterImport | None:
    """Run a queued upload once (a second run, or a run of a finished one, changes nothing); every
    way it can end is recorded on it (`schools.services.upload_run`)."""
    from .services import upload_run

    return upload_run(
        model=RegisterImport,
        pk=register_import_id,
        import_bytes=lambda raw, record: register_import_bytes(
            raw=raw, file_name=record.original_name, record=record
        ),
        file_error=RegisterFileError,
        soft_time_limit=REGISTER_SOFT_TIME_LIMIT,
    )


def register_invitations_send(*, register_import_id: int) -> int:
    """Invite, once per address and record, each person a register named who has no account yet
    to claim their record. A failed send is given back (invited_at cleared) and raised, so the task
    retries it. Returns how many were sent."""
    waiting = ExternalRecord.objects.filter(
        register_import_id=register_import_id, user__isnull=True, invited_at__isnull=True
    ).select_related("training")
    sent = 0
    for record in waiting:
        if not ExternalRecord.objects.filter(pk=record.pk, invited_at__isnull=True).update(
            invited_at=timezone.now()
        ):
            continue  # another run is sending it
        try:
            email_send_to_address(
                REGISTER_INVITATION,
                record.email,
                key=f"record:{record.pk}",
                context={
                    "training_name": record.training.name,
                    "completed_on": f"{record.completed_on:%d/%m/%Y}",
                    "url": absolute(reverse("account_signup")),
                },
            )
        except Exception:
            ExternalRecord.objects.filter(pk=record.pk).update(invited_at=None)
            raise
        sent += 1
    return sent
