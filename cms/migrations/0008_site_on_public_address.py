"""The default Wagtail Site, seeded as localhost:80, takes the configured public address
(SITE_URL), so review emails and full page links point where people can reach them."""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.sites import align_default_site

    align_default_site(apps.get_model("wagtailcore", "Site"))


class Migration(migrations.Migration):
    dependencies = [("cms", "0006_featured_pages_registered")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
