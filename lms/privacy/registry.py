"""The register of personal data: one `PersonalData` entry per kind of data an app holds about a person.

An app registers its entries from its `AppConfig.ready()` (in its own `privacy.py`). The export
("download my data") calls every entry's `export`; erasure calls every entry's `erase`, highest app
first (the reverse of registration order, which follows INSTALLED_APPS), so an app that summarises
lower apps' data (schools' anonymous completion facts read certificates) runs before that data goes.
A test fails when a model pointing at the user model, or holding a person's email or name, is named
by no entry (`unregistered_models`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

# Wording several entries share in the privacy notice.
PUBLIC_TASK = _("Public task: providing the training service")
RIGHTS_UNDER_UK_GDPR = _("Legal obligation: your rights under UK GDPR")
ACCOUNT_LIFETIME = _("As long as the account exists.")


@dataclass(frozen=True)
class PersonalData:
    key: str  # e.g. "courses.progress"; also the file name in the export
    label: Any  # what the person sees in their export (a lazy translation)
    models: tuple[str, ...]  # "app_label.ModelName" holding this person's data
    export: Callable[[Any], list[dict]]  # user -> rows (JSON-serialisable values)
    erase: Callable[[Any], None]  # user -> None; idempotent, runs inside the erasure transaction
    purpose: Any = ""  # for the privacy notice (lazy translations)
    lawful_basis: Any = ""
    retention: Any = ""
    # Optional: user -> [(file name, bytes)] added to the export under files/ (certificate PDFs).
    files: Callable[[Any], list[tuple[str, bytes]]] | None = None


_entries: dict[str, PersonalData] = {}


def register(entry: PersonalData) -> PersonalData:
    """Register an entry (idempotent for the same definition; a clash is an error)."""
    existing = _entries.get(entry.key)
    if existing is not None and existing != entry:
        raise ValueError(f"personal data {entry.key!r} is already registered differently")
    _entries[entry.key] = entry
    return entry


def register_all(*entries: PersonalData) -> None:
    """Register an app's entries, in the order given (erasure runs them in reverse)."""
    for entry in entries:
        register(entry)


def unregister(key: str) -> None:
    _entries.pop(key, None)


def entries() -> list[PersonalData]:
    """Every entry, in registration order (lowest app first)."""
    return list(_entries.values())


def registered_models() -> set[str]:
    return {label for entry in _entries.values() for label in entry.models}


def unregistered_models() -> list[str]:
    """Installed models that hold personal data but no entry names: those with a foreign key or
    one-to-one field to the user model, and those with an email field or a "name" column that
    belongs to a person (not a page or an institution: see `PERSON_NAME_FIELDS`)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    covered = registered_models()
    missing = []
    for model in apps.get_models():
        label = model._meta.label
        if label in covered or model._meta.proxy:
            continue
        # Local fields only: a page type's owner is its base `wagtailcore.Page`'s.
        if model is user_model or any(_names_a_person(f, user_model) for f in model._meta.local_fields):
            missing.append(label)
    return sorted(missing)


def _names_a_person(field, user_model) -> bool:
    from django.db import models

    if field.is_relation:
        return field.related_model is user_model
    return isinstance(field, models.EmailField) or field.name in PERSON_NAME_FIELDS


# Column names that hold a person's name wherever they appear.
PERSON_NAME_FIELDS = {"full_name", "learner_name", "first_name", "last_name", "display_name"}
