"""Builders for the training-done-elsewhere tests."""

from datetime import date

from schools.models import ExternalRecord, ExternalTraining

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def training(campaign=None, *, name="Youth MHFA two-day (in person)", months=36) -> ExternalTraining:
    item = ExternalTraining.objects.create(
        name=name, provider="MHFA England instructors", valid_months=months
    )
    if campaign is not None:
        item.campaigns.add(campaign)
    return item


def record(user, item, *, on=date(2025, 3, 14), status=ExternalRecord.Status.CONFIRMED) -> ExternalRecord:
    return ExternalRecord.objects.create(user=user, training=item, completed_on=on, status=status)
