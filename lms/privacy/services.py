"""Erasing and exporting a person's data.

Replaced by the registry implementation at merge: the real `person_erase` asks every app's
registered erase function, keeps anonymous completion facts and withdraws certificates; the real
`person_export_start` queues the download-my-data ZIP. These stand-ins keep the same signatures.
"""

from django.db import transaction


def person_erase(user, *, actor=None, reason: str = "") -> None:
    """Remove everything the platform holds about `user` (replaced by the registry implementation
    at merge)."""
    with transaction.atomic():
        type(user).objects.filter(pk=user.pk).update(is_active=False)
        type(user).objects.filter(pk=user.pk).delete()


def person_export_start(user):
    """Queue the person's data export (replaced by the registry implementation at merge)."""
    raise NotImplementedError("the data export arrives with the personal-data registry")
