"""Seed the crisis helplines and replace Wagtail's placeholder root page with the HomePage."""

from django.db import migrations

HELPLINES = [
    dict(name="Emergency services", how_to_contact="Call 999", phone_number="999",
         when_open="24 hours, every day", who_for="If a life is at risk right now",
         is_emergency=True, show_in_header=True, sort_order=0),
    dict(name="Samaritans", how_to_contact="Call 116 123 (free)", phone_number="116123",
         website="https://www.samaritans.org", when_open="24 hours, every day",
         who_for="Anyone who is struggling or needs to talk", show_in_header=True, sort_order=10),
    dict(name="Shout", how_to_contact="Text SHOUT to 85258", sms_number="85258",
         website="https://giveusashout.org", when_open="24 hours, every day",
         who_for="Anyone who would rather text than talk", sort_order=20),
    dict(name="NHS 111", how_to_contact="Call 111 and choose option 2", phone_number="111",
         website="https://111.nhs.uk", when_open="24 hours, every day",
         who_for="Urgent mental health help for you or someone you care about", sort_order=30),
    dict(name="Childline", how_to_contact="Call 0800 1111 (free)", phone_number="08001111",
         website="https://www.childline.org.uk", when_open="24 hours, every day",
         who_for="Children and young people under 19", sort_order=40),
    dict(name="PAPYRUS HOPELINE247", how_to_contact="Call 0800 068 4141 or text 88247",
         phone_number="08000684141", sms_number="88247", website="https://www.papyrus-uk.org",
         when_open="24 hours, every day",
         who_for="Young people under 35 having thoughts of suicide, and anyone worried about a "
         "young person", sort_order=50),
]


def seed(apps, schema_editor):
    Helpline = apps.get_model("cms", "Helpline")
    for values in HELPLINES:
        Helpline.objects.get_or_create(name=values["name"], defaults=values)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("cms", "HomePage")
    if HomePage.objects.exists():
        return
    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="en")
    home = HomePage.objects.create(
        title="Free suicide prevention and Youth Mental Health First Aid training for London",
        draft_title="Free suicide prevention and Youth Mental Health First Aid training for London",
        slug="home", content_type=home_type, path="00010001", depth=2, numchild=0,
        url_path="/home/", live=True, locale=locale,
        intro="Short, free online courses for everyone who lives or works in London, and Youth "
        "Mental Health First Aid e-learning for staff in schools, colleges and universities.",
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                        site_name="London training")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
