"""Give the staff groups the permissions of the screens added with data rights, training done
elsewhere and the confidence check: programme staff handle data requests, lead downloads, external
trainings and attendance registers, and read the confidence report; trainers and reviewers write
courses' confidence checks."""

from importlib import import_module

from django.db import migrations

_permission = import_module("schools.migrations.0005_programme_staff_group")._permission

PROGRAMME_STAFF = [
    ("privacy", "datarequest", ("add", "change", "view")),
    ("schools", "leadexport", ("view",)),
    ("schools", "externaltraining", ("add", "change", "view")),
    ("schools", "externalrecord", ("change", "view")),
    ("schools", "registerimport", ("add", "view")),
    ("courses", "confidenceresponse", ("view",)),
]
COURSE_WRITERS = [("courses", "confidencecheck", ("add", "change", "view"))]


def _grant(apps, group_name, models):
    group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
    if group is None:
        return
    group.permissions.add(*[
        _permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
        for app_label, model, actions in models
        for action in actions
    ])


def forwards(apps, schema_editor):
    _grant(apps, "Programme staff", PROGRAMME_STAFF)
    for name in ("Trainers", "Reviewers"):
        _grant(apps, name, COURSE_WRITERS)


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0010_external_training_and_confirmed_memberships"),
        ("privacy", "0002_data_requests"),
        ("courses", "0008_trainer_guidance_and_readable_compare"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
