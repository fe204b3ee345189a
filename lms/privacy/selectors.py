"""Reads for personal data."""

from django.utils import timezone

from .models import DataExport


def data_export_latest(*, user) -> DataExport | None:
    """The person's most recent export request that is still of use (pending, failed, or ready and
    not expired). One query."""
    return (
        DataExport.objects.filter(user=user)
        .exclude(status=DataExport.Status.READY, expires_at__lte=timezone.now())
        .order_by("-requested_at")
        .first()
    )


def data_export_for_owner(*, user, public_id) -> DataExport | None:
    """A ready, unexpired export of `user`'s own (None for anyone else's, so the view says 404)."""
    return DataExport.objects.filter(
        user=user, public_id=public_id, status=DataExport.Status.READY, expires_at__gt=timezone.now()
    ).first()
