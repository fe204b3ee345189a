"""A "Programme staff" group for the people who run the programme: the schools register and its
imports, memberships and lead requests, campaigns and the coverage reports, in the admin.

Wagtail's default "Editors" group is removed when nobody is in it (the platform's own groups are
Trainers, Reviewers and Programme staff). "Moderators" stays while a workflow task names it (Wagtail's
"Moderators approval" of pages outside the courses), so no approval is left without approvers.
"""

from django.db import migrations

PROGRAMME_STAFF = "Programme staff"
MODELS = {
    "institution": ("add", "change", "view"),
    "membership": ("change", "view"),
    "campaign": ("add", "change", "view"),
    "giasimport": ("add", "view"),
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=PROGRAMME_STAFF)
    perms = [_permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")]
    for model, actions in MODELS.items():
        perms += [
            _permission(apps, "schools", model, f"{action}_{model}", f"Can {action} {model}")
            for action in actions
        ]
    group.permissions.add(*perms)

    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    for name in ("Editors", "Moderators"):
        default = Group.objects.filter(name=name).first()
        if default is None or default.user_set.exists():
            continue
        if GroupApprovalTask.objects.filter(groups=default).exists():
            continue
        default.delete()


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PROGRAMME_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0004_invitations_contacts_staff_total"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("courses", "0003_trainers_reviewers_and_course_review"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
