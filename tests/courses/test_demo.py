"""The sample courses load with seed_demo, are valid, safe to read, and load only once."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from courses import demo
from courses.grading import grade_module, module_questions
from courses.models import CoursePage, ModulePage

SP_TITLE = "Suicide prevention: a 20-minute introduction"
YMHFA_TITLE = "Youth Mental Health First Aid: e-learning for school and college staff"
# Words that would point towards method detail: none belong in learner content.
METHOD_WORDS = re.compile(
    r"\b(overdos\w*|hang\w*|ligature\w*|pills?|tablets?|poison\w*|rope|jump\w*|bridge\w*|railway|"
    r"knife|knives|blade\w*|razor\w*|gun\w*|firearm\w*)\b",
    re.IGNORECASE,
)


@pytest.fixture
def seeded(db):
    demo.seed()
    return {c.title: c for c in CoursePage.objects.all()}


def test_both_sample_courses_are_published_with_their_modules(seeded):
    sp, ymhfa = seeded[SP_TITLE], seeded[YMHFA_TITLE]
    for course, modules in [(sp, 5), (ymhfa, 7)]:
        assert course.live and course.pass_mark == 80
        assert course.revisions.count() == 1
        children = ModulePage.objects.child_of(course).live()
        assert children.count() == modules
        assessments = children.filter(is_assessment=True)
        assert assessments.count() == 1
        assert len(module_questions(assessments.get())) == 8  # a pool: each attempt asks 5
        assert assessments.get().questions_per_attempt == 5
        assert "Sample course content for demonstrating the platform." in course.summary
        assert "Sample course content for demonstrating the platform." in course.content_note
    assert sp.audience == "everyone" and ymhfa.audience == "school_college_staff"
    assert sp.programme == "suicide_prevention" and ymhfa.programme == "youth_mhfa"
    assert sp.url == "/courses/suicide-prevention-introduction/"


def test_seed_is_idempotent(seeded):
    revisions = Revision.objects.count()
    assert demo.seed() == "0 sample courses created, 2 in the catalogue"
    english = {"locale__language_code": "en-gb"}
    assert CoursePage.objects.filter(**english).count() == 2
    assert ModulePage.objects.filter(**english).count() == 12
    # The sample translations (Polish and Urdu) of the suicide-prevention course, made once.
    assert CoursePage.objects.count() == 4
    assert Revision.objects.count() == revisions


def test_seed_demo_command_runs_the_course_seeder_after_cms(db, capsys):
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert out.index("cms.demo.seed") < out.index("courses.demo.seed")
    assert CoursePage.objects.filter(locale__language_code="en-gb").count() == 2
    call_command("seed_demo")
    assert CoursePage.objects.filter(locale__language_code="en-gb").count() == 2
    assert CoursePage.objects.count() == 4


def test_every_sample_module_passes_cms_validation_and_has_stable_ids(seeded):
    for module in ModulePage.objects.all():
        module.full_clean()
        module.body.stream_block.clean(module.body)
    first = ModulePage.objects.get(slug="check-your-learning", locale__language_code="en-gb").body.raw_data[1]
    assert first["id"] == demo.block_id("suicide-prevention-introduction", "check-your-learning", 1)


def test_sample_assessments_can_be_passed(seeded):
    for module in ModulePage.objects.filter(is_assessment=True):
        answers = {q.id: sorted(q.correct_ids) for q in module_questions(module)}
        assert grade_module(module=module, answers=answers).passed


def test_sample_content_has_no_method_detail_and_always_offers_support(client, user, seeded):
    client.force_login(user)
    for page in [*CoursePage.objects.all(), *ModulePage.objects.all()]:
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        main = html[html.index('id="main-content"') : html.index("</main>")]
        text = re.sub(r"<[^>]+>", " ", main)
        assert not METHOD_WORDS.search(text), (page.title, METHOD_WORDS.search(text))
        assert "116 123" in html and "85258" in html  # help bar and footer on every page
        assert not re.search(r"\d+\s?%|\bper cent\b", text.replace("pass mark", "")), page.title


def test_signposts_name_the_seeded_helplines(client, user, seeded):
    client.force_login(user)
    html = client.get("/courses/youth-mhfa-school-college-staff/self-harm-and-suicide/").content.decode()
    for name in ["Childline", "PAPYRUS HOPELINE247", "Shout", "NHS 111"]:
        assert f'<h3 class="helpline__name">{name}</h3>' in html


@pytest.mark.django_db
def test_sample_courses_are_featured_on_the_home_page_once(client):
    from cms.models import HomePage
    from courses.demo import seed

    seed()
    seed()
    home = HomePage.objects.get(locale__language_code="en-gb")
    assert [block.value.title for block in home.featured_courses] == [
        "Suicide prevention: a 20-minute introduction",
        "Youth Mental Health First Aid: e-learning for school and college staff",
    ]
    html = client.get("/").content.decode()
    assert "About 20 minutes" in html and "School and college staff" in html


def test_sample_course_is_translated_into_polish_and_urdu_marked_as_sample_once(db, client, user):
    from wagtail.models import Locale

    demo.seed()
    demo.seed()  # idempotent: no second translation, nothing changed
    english = CoursePage.objects.get(title=SP_TITLE)
    client.force_login(user)
    for code, words in (("pl", "wykwalifikowany tłumacz"), ("ur", "مستند مترجم")):
        locale = Locale.objects.get(language_code=code)
        course = english.get_translation(locale)
        assert course.live and course.url.startswith(f"/{code}/")
        assert CoursePage.objects.filter(translation_key=english.translation_key, locale=locale).count() == 1
        html = client.get(course.url).content.decode()
        assert words in html  # the sample-translation warning, in that language
        modules = ModulePage.objects.child_of(english).count()
        assert ModulePage.objects.filter(locale=locale).count() == modules
        first = ModulePage.objects.child_of(course).order_by("path").first()
        page = client.get(first.url).content.decode()
        assert METHOD_WORDS.search(page) is None
        # Same helplines (UK services, not invented ones), same question ids as the English.
        assert "116 123" in page
        english_first = ModulePage.objects.child_of(english).order_by("path").first()
        assert [b.id for b in first.body] == [b.id for b in english_first.body]
    # The sample translations leave the English course untouched.
    assert CoursePage.objects.get(pk=english.pk).title == SP_TITLE


def test_sample_translations_cover_every_string_of_the_course(db):
    """Every segment of the Polish and Urdu course (and its parents) is translated; only slugs
    stay English, so the translated pages keep the same URLs under /pl/ and /ur/."""
    from wagtail_localize.models import Translation

    demo.seed()
    english = CoursePage.objects.get(title=SP_TITLE)
    pages = [*english.get_ancestors().filter(depth__gt=1), english, *ModulePage.objects.child_of(english)]
    for code in ("pl", "ur"):
        translations = Translation.objects.filter(
            source__object_id__in=[page.translation_key for page in pages], target_locale__language_code=code
        )
        assert translations.count() == len(pages)
        untranslated = [
            entry.msgid
            for translation in translations
            for entry in translation.export_po()
            if not entry.msgstr and entry.msgctxt != "slug"
        ]
        assert untranslated == [], (code, untranslated)
