"""Memberships that already shared before consent records existed get one record each: agreed, at
the time they joined, the words not known (version "before-records")."""

from django.db import migrations


def backfill(apps, schema_editor):
    Membership = apps.get_model("schools", "Membership")
    SharingConsent = apps.get_model("schools", "SharingConsent")
    rows = [
        SharingConsent(
            user_id=membership.user_id, institution_id=membership.institution_id, agreed=True,
            via="invitation" if membership.joined_via == "invitation" else "joining",
            wording="", wording_version="before-records", at=membership.joined_at,
        )
        for membership in Membership.objects.filter(shares_completion=True).iterator()
    ]
    SharingConsent.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("schools", "0008_leadexport_sharingconsent")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
