"""Data requests (export, erasure) and what programme staff and the person do about them. Every
action is logged with who did it and when."""

from django.db import transaction
from django.utils import timezone

from .models import DataRequest, DataRequestAction

Action = DataRequestAction.Action


def _log(*, request: DataRequest, action: str, actor=None, at=None) -> DataRequestAction:
    return DataRequestAction.objects.create(
        request=request, action=action, actor=actor, at=at or timezone.now()
    )


def data_request_from_account(*, user, kind: str, received_at=None) -> DataRequest:
    """The person asked from their own account (deleting it, or downloading their data). One open
    request of a kind per person: asking again returns it."""
    received_at = received_at or timezone.now()
    with transaction.atomic():
        existing = DataRequest.objects.filter(
            person=user, kind=kind, status=DataRequest.Status.OPEN
        ).first()
        if existing is not None:
            return existing
        request = DataRequest.objects.create(
            person=user, kind=kind, source=DataRequest.Source.ACCOUNT,
            received_on=timezone.localdate(received_at), created_at=received_at,
        )
        _log(request=request, action=Action.RECEIVED, at=received_at)
    return request


def data_request_create(*, person, kind: str, source: str, received_on, notes: str, actor) -> DataRequest:
    """Programme staff record a request someone made by post or email."""
    with transaction.atomic():
        request = DataRequest.objects.create(
            person=person, kind=kind, source=source, received_on=received_on, notes=notes
        )
        _log(request=request, action=Action.RECEIVED, actor=actor)
    return request


def data_request_complete(*, user, kind: str, action: str, actor=None) -> int:
    """Mark the person's open requests of `kind` carried out (before their data is erased, when
    `kind` is erasure). Returns how many."""
    now = timezone.now()
    count = 0
    for request in DataRequest.objects.filter(person=user, kind=kind, status=DataRequest.Status.OPEN):
        _log(request=request, action=action, actor=actor, at=now)
        request.status, request.completed_at = DataRequest.Status.DONE, now
        request.save(update_fields=["status", "completed_at"])
        count += 1
    return count


def data_request_withdraw(*, user, kind: str) -> None:
    """The person changed their mind (signed in during the cool-off)."""
    for request in DataRequest.objects.filter(person=user, kind=kind, status=DataRequest.Status.OPEN):
        _log(request=request, action=Action.WITHDRAWN)
        request.status = DataRequest.Status.WITHDRAWN
        request.save(update_fields=["status"])


def data_request_export_start(*, request: DataRequest, actor) -> None:
    """Start an export of the person's data on their behalf (they asked by post or email)."""
    from .services import person_export_start

    person_export_start(request.person)
    _log(request=request, action=Action.EXPORT_STARTED, actor=actor)


def data_request_export_downloaded(*, request: DataRequest, actor) -> None:
    _log(request=request, action=Action.EXPORT_DOWNLOADED, actor=actor)


def data_request_erase(*, request: DataRequest, actor) -> bool:
    """Erase the person's data on their behalf. Safe to repeat: a request whose person is already
    erased changes nothing. Returns whether anything was erased."""
    from .services import person_erase

    with transaction.atomic():
        locked = DataRequest.objects.select_for_update().filter(pk=request.pk).first()
        if locked is None or locked.person_id is None or locked.kind != DataRequest.Kind.ERASURE:
            return False
        person = locked.person
        data_request_complete(user=person, kind=DataRequest.Kind.ERASURE, action=Action.ERASED,
                              actor=actor)
        person_erase(person, actor=actor, reason=f"data request #{locked.pk}")
    return True


def data_request_set_status(*, request: DataRequest, status: str, actor) -> DataRequest:
    if status == request.status:
        return request
    request.status = status
    request.completed_at = timezone.now() if status == DataRequest.Status.DONE else None
    request.save(update_fields=["status", "completed_at"])
    _log(request=request,
         action=Action.CLOSED if status == DataRequest.Status.DONE else Action.REOPENED, actor=actor)
    return request


def export_data_requests(user) -> list[dict]:
    """The person's data requests and what was done about them (for the download-my-data file)."""
    return [
        {
            "request": request.kind, "how": request.source, "status": request.status,
            "received_on": request.received_on.isoformat(), "due_on": request.due_on.isoformat(),
            "actions": [
                {"action": action.action, "at": action.at.isoformat()}
                for action in request.actions.all()
            ],
        }
        for request in DataRequest.objects.filter(person=user).prefetch_related("actions")
    ]


def erase_data_requests(user) -> None:
    """The requests stay (proof they were carried out), anonymous: staff notes, which may name the
    person, are cleared; the link to the person goes with their account (SET_NULL)."""
    DataRequest.objects.filter(person=user).update(notes="", person=None)


def export_data_request_actions(user) -> list[dict]:
    """What this person (as programme staff) did about others' requests: kept in the requests'
    own log, not part of their own data beyond the fact and time."""
    return [
        {"request": action.request_id, "action": action.action, "at": action.at.isoformat()}
        for action in DataRequestAction.objects.filter(actor=user)
    ]


def erase_data_request_actions(user) -> None:
    """The log keeps the action and its time; who did it becomes anonymous."""
    DataRequestAction.objects.filter(actor=user).update(actor=None)


def request_export(request: DataRequest):
    """The person's latest ready "download my data" archive (started for this request by staff, or
    by the person), or None."""
    from .models import DataExport

    if request.person_id is None:
        return None
    return (
        DataExport.objects.filter(user_id=request.person_id, status=DataExport.Status.READY)
        .exclude(file="").order_by("-ready_at").first()
    )


def export_download_url(request: DataRequest) -> str | None:
    """Where staff download the export made for `request`, or None when there is none yet."""
    from django.urls import reverse

    if request_export(request) is None:
        return None
    return reverse("privacy_request_download", kwargs={"pk": request.pk})
