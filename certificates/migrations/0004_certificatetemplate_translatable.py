"""Certificate templates become translatable (wagtail TranslatableMixin): existing templates get a
translation key and the default locale; names and the default template are unique per locale."""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):

    dependencies = [
        ("certificates", "0003_certificate_language_valid_until_standard_wording"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="certificatetemplate",
            name="certificates_one_default_template",
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="name",
            field=models.CharField(help_text="For staff: which template this is.", max_length=100),
        ),
        migrations.AddField(
            model_name="certificatetemplate",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="certificatetemplate",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        BootstrapTranslatableModel("certificates.CertificateTemplate"),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="certificatetemplate",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="certificatetemplate",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="certificatetemplate",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="certificates_template_name_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="certificatetemplate",
            constraint=models.UniqueConstraint(
                condition=models.Q(("is_default", True)),
                fields=("locale",),
                name="certificates_one_default_template",
            ),
        ),
    ]
