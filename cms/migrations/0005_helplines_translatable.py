"""Helplines become translatable snippets (wagtail-localize): each existing helpline is put in the
default locale with its own translation key, then both columns are made required."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def bootstrap(apps, schema_editor):
    Helpline = apps.get_model("cms", "Helpline")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = (
        Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        or Locale.objects.order_by("pk").first()
        or Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    )
    for helpline in Helpline.objects.filter(translation_key__isnull=True):
        helpline.translation_key = uuid.uuid4()
        helpline.locale = default
        helpline.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_home_featured_courses"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="helpline",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.AddField(
            model_name="helpline",
            name="locale",
            field=models.ForeignKey(
                null=True, editable=False, on_delete=django.db.models.deletion.PROTECT,
                related_name="+", to="wagtailcore.locale", verbose_name="locale",
            ),
        ),
        migrations.RunPython(bootstrap, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="helpline",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="helpline",
            name="locale",
            field=models.ForeignKey(
                editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="wagtailcore.locale", verbose_name="locale",
            ),
        ),
        migrations.RemoveConstraint(model_name="helpline", name="cms_helpline_name_unique"),
        migrations.AddConstraint(
            model_name="helpline",
            constraint=models.UniqueConstraint(fields=("name", "locale"), name="cms_helpline_name_unique"),
        ),
        migrations.AlterUniqueTogether(name="helpline", unique_together={("translation_key", "locale")}),
    ]
