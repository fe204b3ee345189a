"""Writes for personal data: the "download my data" archive and the erasure of a person.

`person_export_start` / `person_export_build` / `exports_purge_expired`: the archive.
`person_erase`: removes everything the register's entries hold about one person, in one transaction.
"""

import csv
import io
import json
import logging
import zipfile
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from lms.i18n import override_for
from lms.notifications.services import email_send
from lms.queueing import enqueue_on_commit

from .emails import EXPORT_READY
from .models import EXPORT_KEEP_DAYS, DataExport, Erasure
from .registry import entries

logger = logging.getLogger(__name__)

EXPORT_TASK = "lms.privacy.tasks.build_export"
PSEUDONYM_DOMAIN = "erased.invalid"
# A pending export older than this is queued again by the periodic task (its task was lost).
EXPORT_STALE_MINUTES = 15


# --- Download my data -------------------------------------------------------------------------


def person_export_start(user) -> DataExport:
    """Ask for an archive of everything held about `user`. While one is being prepared, return it
    (a double click, a replay or a second tab starts nothing new); otherwise start one and queue
    the task that builds it."""
    pending = DataExport.objects.filter(user=user, status=DataExport.Status.PENDING).first()
    if pending is not None:
        return pending
    try:
        with transaction.atomic():
            export = DataExport.objects.create(user=user)
    except IntegrityError:  # another request started one a moment ago
        return DataExport.objects.get(user=user, status=DataExport.Status.PENDING)
    enqueue_on_commit(EXPORT_TASK, export.pk)
    return export


def person_export_data(user) -> list[tuple]:
    """(entry, rows) for every registered entry, in registration order."""
    return [(entry, entry.export(user)) for entry in entries()]


def person_export_build(*, export_id: int) -> DataExport | None:
    """Build the archive of a pending export, store it privately and email its owner. Safe to run
    twice: a ready export is not built again, only its email is sent if it never went (the send log
    makes that at most once); a failed or deleted one is left alone."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status == DataExport.Status.FAILED:
        return export
    if export.status == DataExport.Status.PENDING:
        export = _export_store(export)
    if export.status == DataExport.Status.READY:
        _export_email(export)
    return export


def _export_store(export: DataExport) -> DataExport:
    try:
        content = person_export_archive(export.user, generated_at=timezone.now())
    except Exception:
        DataExport.objects.filter(pk=export.pk).update(status=DataExport.Status.FAILED)
        logger.exception("Personal data export %s failed", export.pk)
        raise
    now = timezone.now()
    export.file.save(f"{export.public_id}.zip", ContentFile(content), save=False)
    updated = DataExport.objects.filter(pk=export.pk, status=DataExport.Status.PENDING).update(
        status=DataExport.Status.READY, file=export.file.name, size=len(content), ready_at=now,
        expires_at=DataExport.expiry_from(now),
    )
    if not updated:  # built twice at once: keep the other one's file
        export.file.storage.delete(export.file.name)
    return DataExport.objects.select_related("user").get(pk=export.pk)


def _export_email(export: DataExport) -> None:
    email_send(
        kind=EXPORT_READY,
        user=export.user,
        key=f"export:{export.public_id}",
        context={
            "download_url": settings.SITE_URL
            + reverse("privacy:download", kwargs={"public_id": export.public_id}),
            "account_url": settings.SITE_URL + reverse("accounts_profile"),
            "expires_at": export.expires_at,
        },
    )


def person_export_archive(user, *, generated_at) -> bytes:
    """The ZIP: summary.html (readable), data.json (everything), one CSV per entry, and files
    (certificate PDFs) under files/."""
    sections = person_export_data(user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with override_for(user):
            summary = render_to_string(
                "privacy/export/summary.html",
                {
                    "person": user,
                    "generated_at": generated_at,
                    "site_name": settings.SITE_NAME,
                    "sections": [
                        _section(entry, rows) for entry, rows in sections
                    ],
                },
            )
            data = {
                "generated_at": generated_at.isoformat(),
                "site": settings.SITE_URL,
                "sections": {
                    entry.key: {"label": str(entry.label), "rows": rows} for entry, rows in sections
                },
            }
        archive.writestr("summary.html", summary)
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        for entry, rows in sections:
            archive.writestr(f"csv/{entry.key}.csv", _csv(rows))
            for name, content in (entry.files(user) if entry.files else ()):
                archive.writestr(f"files/{name}", content)
    return buffer.getvalue()


def _section(entry, rows: list[dict]) -> dict:
    columns = _columns(rows)
    return {"entry": entry, "columns": columns, "rows": [[row.get(c, "") for c in columns] for row in rows]}


def _columns(rows: list[dict]) -> list[str]:
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    return list(columns)


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_columns(rows), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # never a formula when opened in a spreadsheet
    return value


def exports_purge_expired(*, now=None) -> int:
    """Delete archives (files and rows) whose 7 days are over, and failed requests as old; queue
    again any export still pending after `EXPORT_STALE_MINUTES` (its task was lost)."""
    now = now or timezone.now()
    expired = DataExport.objects.filter(
        Q(expires_at__lte=now)
        | Q(status=DataExport.Status.FAILED, requested_at__lte=now - timedelta(days=EXPORT_KEEP_DAYS))
    )
    count = 0
    for export in expired:
        if export.file:
            export.file.storage.delete(export.file.name)
        export.delete()
        count += 1
    stale = DataExport.objects.filter(
        status=DataExport.Status.PENDING, requested_at__lte=now - timedelta(minutes=EXPORT_STALE_MINUTES)
    )
    for export_id in stale.values_list("pk", flat=True):
        enqueue_on_commit(EXPORT_TASK, export_id)
    return count


# --- Erasure ----------------------------------------------------------------------------------


def person_erase(user, *, actor=None, reason: str = "") -> None:
    """Erase every piece of personal data held about `user`, in one transaction; nothing if they are
    already erased. Every entry's `erase` runs, highest app first (schools records the anonymous
    completion facts campaign figures keep, before certificates are withdrawn), then the person's
    sessions and account go. Files (certificate PDFs, archives) are deleted once it commits."""
    User = get_user_model()
    with transaction.atomic():
        person = User.objects.select_for_update().filter(pk=user.pk).first()
        if person is None or is_pseudonym(person):
            return
        erasure = Erasure.objects.create(
            actor=actor if actor is not None and actor.pk != person.pk else None,
            reason=(reason or "")[:200],
            was_staff=person.is_staff,
        )
        person._privacy_erasure = erasure
        for entry in reversed(entries()):
            entry.erase(person)
        _sessions_delete(person)
        erasure.save(update_fields=["certificates_withdrawn", "facts_kept"])
        person.delete()


def erasure_in_progress(user) -> Erasure:
    """The `Erasure` being carried out for `user` (entries' `erase` functions add their counts)."""
    erasure = getattr(user, "_privacy_erasure", None)
    if erasure is None:
        raise RuntimeError("An entry's erase() runs only inside person_erase()")
    return erasure


def is_pseudonym(user) -> bool:
    return user.email.endswith("@" + PSEUDONYM_DOMAIN)


def pseudonym_for(user):
    """The placeholder account ("Former staff member #<n>") that takes over `user`'s place in the
    audit log and in published work, created the first time an entry needs it during the erasure.
    It has no password, cannot sign in and holds nothing about the person."""
    placeholder = getattr(user, "_privacy_pseudonym", None)
    if placeholder is None:
        erasure = erasure_in_progress(user)
        placeholder = get_user_model().objects.create_user(
            email=f"former-staff-{erasure.pk}@{PSEUDONYM_DOMAIN}",
            full_name=f"Former staff member #{erasure.pk}",
            is_active=False,
        )
        user._privacy_pseudonym = placeholder
    return placeholder


def reassign_to_pseudonym(user, targets) -> int:
    """Point every `(model, field)` row that names `user` at their pseudonym instead (the placeholder
    is created only when a row exists). Returns how many rows moved."""
    moved = 0
    for model, field in targets:
        rows = model._base_manager.filter(**{f"{field}_id": user.pk})
        if rows.exists():
            moved += rows.update(**{field: pseudonym_for(user)})
    return moved


def delete_files_on_commit(storage, names) -> None:
    """Delete stored files once the surrounding transaction commits (a rolled-back erasure keeps them)."""
    names = [name for name in names if name]

    def delete():
        for name in names:
            try:
                storage.delete(name)
            except OSError:
                logger.warning("Could not delete stored file %s", name)

    if names:
        transaction.on_commit(delete)


def _sessions_delete(user) -> None:
    """Sign-in sessions of the person (database sessions keep the user id inside signed data)."""
    from django.contrib.sessions.models import Session

    stale = []
    for session in Session.objects.iterator():
        try:
            data = session.get_decoded()
        except Exception:  # noqa: S112  unreadable (another secret): no live session of anyone
            continue
        if str(data.get("_auth_user_id")) == str(user.pk):
            stale.append(session.session_key)
    Session.objects.filter(session_key__in=stale).delete()
