"""Translators' side of wagtail-localize: submit a module for translation in the editor, download
its PO file, translate it, upload it and publish; translations go through the source's moderation
workflow; helplines fall back to English; a new language needs only configuration."""

import io

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from cms.models import HomePage
from courses.models import CourseIndexPage, ModulePage
from tests.courses.builders import paragraph, question
from tests.courses.translating import translate_tree
from tests.factories import CoursePageFactory, ModulePageFactory


@pytest.fixture
def module(db):
    course = CoursePageFactory(title="Talking about suicide")
    module = ModulePageFactory(parent=course, title="Asking", body=[
            paragraph("<p>Ask directly and calmly.</p>"),
            question("What helps most?", [("Listening", True, ""), ("Arguing", False, "")]),
        ],
    )
    translate_tree([HomePage.objects.get(locale__language_code="en-gb"),
                    CourseIndexPage.objects.get(locale__language_code="en-gb"), course], "pl")
    return module


def test_po_round_trip_download_translate_upload_publish(
    admin_client, module, django_capture_on_commit_callbacks
):
    polish = Locale.objects.get(language_code="pl")
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[module.pk]),
        {"locales": [polish.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=module.translation_key, target_locale=polish)
    draft = module.get_translation(polish)
    assert not draft.live  # submitting creates a draft, never a published page

    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(download.content.decode())
    assert {"Asking", "What helps most?", "Listening", "Arguing"} <= {e.msgid for e in po}
    assert "Ask directly and calmly." in {e.msgid for e in po}
    for entry in po:
        entry.msgstr = {"Asking": "Pytanie wprost", "What helps most?": "Co pomaga najbardziej?",
                        "Listening": "Słuchanie", "Arguing": "Kłótnia",
                        "Asking directly is safe.": "Pytanie wprost jest bezpieczne.",
                        "Ask directly and calmly.": "Zapytaj wprost i spokojnie."}.get(entry.msgid, "")
    upload = io.BytesIO(str(po).encode())
    upload.name = "asking-pl.po"
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_pages:edit", args=[draft.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    published = ModulePage.objects.get(pk=draft.pk)
    assert published.live
    assert published.title == "Pytanie wprost"
    html = admin_client.get(published.url).content.decode()
    assert "Zapytaj wprost i spokojnie." in html and "Co pomaga najbardziej?" in html
    assert "Słuchanie" in html and "Kłótnia" in html
    # Question and option ids survive the round trip, so answers are graded the same.
    assert [b.id for b in published.body] == [b.id for b in module.body]


def test_a_po_file_for_another_translation_is_refused(admin_client, module):
    polish = Locale.objects.get(language_code="pl")
    admin_client.post(reverse("wagtail_localize:submit_page_translation", args=[module.pk]),
                      {"locales": [polish.pk]})
    translation = Translation.objects.get(source__object_id=module.translation_key)
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
    po.append(polib.POEntry(msgid="Asking", msgstr="Zmyślone"))
    upload = io.BytesIO(str(po).encode())
    upload.name = "other.po"
    admin_client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
                      {"file": upload, "next": "/admin/"})
    assert "Zmyślone" not in str(translation.export_po())


def test_translations_go_through_the_source_moderation_workflow(module):
    polish = Locale.objects.get(language_code="pl")
    index_pl = CourseIndexPage.objects.get(locale=polish)
    course_pl = module.get_parent().specific.get_translation(polish)
    workflow = module.get_workflow()
    assert workflow is not None and workflow.name == "Course review"
    assert course_pl.get_workflow() == workflow
    assert index_pl.get_workflow() == workflow
    # Without the rule, the translated tree would fall back to the site-wide default workflow
    # (Wagtail's "Moderators approval" on the root), not the course reviewers' one.
    from wagtail.models import Page

    assert Page.get_workflow(index_pl) != workflow


def test_helplines_show_a_translation_only_where_one_exists(client, db):
    from django.utils import translation

    from cms.models import Helpline
    from cms.selectors import helplines_for_display

    samaritans = Helpline.objects.get(name="Samaritans")
    copy = samaritans.copy_for_translation(Locale.objects.get(language_code="pl"))
    copy.who_for = "Każdy, komu jest ciężko"
    copy.save()
    with translation.override("pl"):
        lines = helplines_for_display()
    by_number = {line["phone_number"]: line for line in lines if line["phone_number"]}
    assert by_number["116123"]["who_for"] == "Każdy, komu jest ciężko"
    assert by_number["999"]["name"] == "Emergency services"  # untranslated: the English entry
    assert len(lines) == Helpline.objects.filter(locale__language_code="en-gb", is_active=True).count()
    with translation.override("en-gb"):
        english = {line["phone_number"]: line for line in helplines_for_display() if line["phone_number"]}
    assert english["116123"]["who_for"] == samaritans.who_for


def test_a_new_language_gets_its_locale_from_configuration(db, settings):
    from cms.locales import locales_sync

    assert not Locale.objects.filter(language_code="tr").exists()
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("tr", "Türkçe")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    from wagtail.coreutils import get_content_languages

    get_content_languages.cache_clear()
    try:
        assert locales_sync() == ["tr"]
        assert locales_sync() == []  # safe to repeat
        assert Locale.objects.filter(language_code="tr").count() == 1
    finally:
        get_content_languages.cache_clear()


def test_translating_a_subtree_runs_through_the_celery_job_backend(admin_client, module, celery_eager):
    """wagtail-localize queues "translate the subtree" as a background job: it reaches Celery with
    its arguments encoded by reference and runs there (eagerly in tests)."""
    from django.test import TestCase

    course = module.get_parent().specific
    urdu = Locale.objects.get(language_code="ur")
    translate_tree([HomePage.objects.get(locale__language_code="en-gb"),
                    CourseIndexPage.objects.get(locale__language_code="en-gb")], "ur")
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[course.pk]),
            {"locales": [urdu.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    assert ModulePage.objects.filter(translation_key=module.translation_key, locale=urdu).exists()


def _status(admin_client, course_title, language):
    response = admin_client.get(reverse("courses_report_translations"))
    assert response.status_code == 200
    for row in response.context["rows"]:
        if row.course.title == course_title:
            return {cell.language_code: cell for cell in row.cells}[language]
    raise AssertionError(course_title)


def test_translation_status_report_and_editor_show_out_of_date_translations(admin_client, module):
    course = module.get_parent().specific
    polish = Locale.objects.get(language_code="pl")
    # The course is in Polish but its module is not: missing.
    cell = _status(admin_client, course.title, "pl")
    assert (cell.status, cell.translated, cell.total) == ("missing", 1, 2)
    assert _status(admin_client, course.title, "ur").status == "missing"
    translate_tree([module], "pl")
    assert _status(admin_client, course.title, "pl").status == "complete"
    translated = module.get_translation(polish)
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert "This translation is out of date" not in editor.content.decode()

    # A trainer changes the English module and publishes it: the translation is out of date.
    module.body = [*module.body.raw_data, paragraph("<p>A new paragraph.</p>")]
    module.save_revision().publish()
    cell = _status(admin_client, course.title, "pl")
    assert (cell.status, cell.stale) == ("out_of_date", 1)
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert editor.status_code == 200
    assert "This translation is out of date" in editor.content.decode()
    # The translation editor's one inline script (the admin's chooser URLs) is allowed by its hash.
    from lms.security import wagtail_widget_script_hashes

    hashes = wagtail_widget_script_hashes(editor.content.decode())
    assert hashes and all(h in editor["Content-Security-Policy"] for h in hashes)
    # The English editor says nothing of the sort.
    source_editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert "This translation is out of date" not in source_editor.content.decode()

    # The translator syncs, translates the new string and publishes: complete again.
    translate_tree([module], "pl")
    assert _status(admin_client, course.title, "pl").status == "complete"


def test_translation_status_report_needs_admin_access(client, module, user):
    client.force_login(user)
    response = client.get(reverse("courses_report_translations"))
    assert response.status_code in (302, 403)
