"""Every model that holds something about a person is declared in the personal-data register."""

import pytest
from django.apps import apps

from lms.privacy.registry import PersonalData, entries, register, unregister, unregistered_models


def test_every_model_pointing_at_a_person_has_an_entry():
    assert unregistered_models() == []


def test_a_new_model_pointing_at_a_person_without_an_entry_is_caught():
    entry = next(e for e in entries() if "schools.Membership" in e.models)
    unregister(entry.key)
    try:
        assert unregistered_models() == ["schools.Membership"]
    finally:
        register(entry)


def test_entries_name_real_models_and_say_why_and_how_long():
    for entry in entries():
        assert isinstance(entry, PersonalData)
        for label in entry.models:
            assert apps.get_model(label), label
        assert str(entry.label) and str(entry.purpose) and str(entry.lawful_basis) and str(entry.retention)


def test_a_clashing_registration_is_an_error():
    entry = entries()[0]
    with pytest.raises(ValueError, match="already registered"):
        register(PersonalData(key=entry.key, label="x", models=(), export=list, erase=print))
