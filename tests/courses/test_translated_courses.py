"""Courses in Polish and Urdu (wagtail-localize): one enrollment, one set of progress records,
one answer key and one certificate whatever language a learner reads in; English with a note
where a translation is missing; a fixed number of queries in every language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import HomePage
from courses.models import CourseIndexPage, Enrollment, ModuleProgress, QuizAttempt
from tests.courses.builders import option_ids, paragraph, question
from tests.courses.translating import translate, translate_tree
from tests.factories import CoursePageFactory, ModulePageFactory


def _question(prompt, right, wrong):
    return question(prompt, [(right, True, "That helps."), (wrong, False, "That can shut them out.")])


@pytest.fixture
def course(db):
    course = CoursePageFactory(title="Talking about suicide", pass_mark=100)
    first = ModulePageFactory(parent=course, title="Noticing", body=[paragraph("<p>Notice changes.</p>")])
    second = ModulePageFactory(parent=course, title="Asking", body=[paragraph("<p>Ask directly.</p>")])
    questions = [
        _question("What helps most?", "Listening", "Changing the subject"),
        _question("Who can you call at any time?", "Samaritans on 116 123", "Nobody"),
    ]
    assessment = ModulePageFactory(
        parent=course, title="Check your learning", is_assessment=True, body=questions
    )
    return course, [first, second, assessment], questions


def tree(course):
    return [HomePage.objects.get(locale__language_code="en-gb"),
            CourseIndexPage.objects.get(locale__language_code="en-gb"), course]


@pytest.fixture
def polish(course, django_capture_on_commit_callbacks):
    page, modules, _ = course
    with django_capture_on_commit_callbacks(execute=True):
        translate_tree([*tree(page), *modules], "pl")
    return {m.pk: m.get_translation(m.locale.__class__.objects.get(language_code="pl")) for m in modules}


@pytest.fixture
def learner(client, user):
    client.force_login(user)
    return client


def pl(page):
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="pl")).specific


def correct_post(questions):
    return {f"q-{q['id']}": option_ids(q, correct=True) for q in questions}


def test_translated_module_is_served_under_its_language_with_the_same_question_and_option_ids(
    learner, course, polish
):
    page, modules, questions = course
    assessment_pl = pl(modules[2])
    assert assessment_pl.url.startswith("/pl/")
    response = learner.get(assessment_pl.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "[pl] What helps most?" in html and "[pl] Listening" in html
    source_ids = [(b.id, [o.id for o in b.value["options"].bound_blocks]) for b in modules[2].body]
    translated_ids = [(b.id, [o.id for o in b.value["options"].bound_blocks]) for b in assessment_pl.body]
    assert translated_ids == source_ids


def test_learner_switches_language_between_modules_and_finishes_once(
    learner, user, course, polish, celery_eager, django_capture_on_commit_callbacks
):
    from certificates.models import Certificate

    page, modules, questions = course
    course_pl = pl(page)
    # First module in Polish, second in English, the assessment in Polish.
    with django_capture_on_commit_callbacks(execute=True):
        learner.post(f"/learning/courses/{course_pl.pk}/start/")
        learner.post(f"/learning/courses/{course_pl.pk}/modules/{pl(modules[0]).pk}/complete/")
        learner.post(f"/learning/courses/{page.pk}/modules/{modules[1].pk}/complete/")
        # Back in Polish: both modules read as complete, whichever language they were done in.
        outline = learner.get(pl(modules[2]).url).context["progress"]
        assert outline.done_count == 2 and outline.enrollment is not None
        response = learner.post(
            f"/learning/courses/{course_pl.pk}/modules/{pl(modules[2]).pk}/assessment/",
            {**correct_post(questions), "attempt": "1"},
        )
    assert response.status_code == 302 and response["Location"].startswith("/pl/")
    enrollment = Enrollment.objects.get(user=user)
    assert enrollment.course_id == page.pk  # the English course, whatever language was read
    assert enrollment.completed_at is not None
    assert set(ModuleProgress.objects.values_list("module_id", flat=True)) == {m.pk for m in modules}
    assert list(QuizAttempt.objects.values_list("module_id", "passed")) == [(modules[2].pk, True)]
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.count() == 1
    # Repeating a module in the other language changes nothing.
    learner.post(f"/learning/courses/{page.pk}/modules/{modules[0].pk}/complete/")
    assert Enrollment.objects.count() == 1 and ModuleProgress.objects.count() == 3


def test_assessment_is_graded_the_same_in_every_language(learner, user, course, polish):
    page, modules, questions = course
    one_wrong = correct_post(questions)
    one_wrong[f"q-{questions[1]['id']}"] = option_ids(questions[1], correct=False)
    learner.post(f"/learning/courses/{page.pk}/modules/{modules[2].pk}/assessment/",
                 {**one_wrong, "attempt": "1"})
    learner.post(f"/learning/courses/{pl(page).pk}/modules/{pl(modules[2]).pk}/assessment/",
                 {**one_wrong, "attempt": "2"})
    attempts = list(
        QuizAttempt.objects.order_by("number").values_list("module_id", "number", "score", "passed")
    )
    assert attempts == [(modules[2].pk, 1, 50, False), (modules[2].pk, 2, 50, False)]
    # The Polish page offers the third attempt: the ones made in English and in Polish both count.
    response = learner.get(pl(modules[2]).url)
    assert response.context["attempt_number"] == 3


def test_missing_translation_shows_the_english_module_with_a_note_not_a_404(
    learner, course, django_capture_on_commit_callbacks
):
    page, modules, _ = course
    with django_capture_on_commit_callbacks(execute=True):
        translate_tree([*tree(page), modules[0]], "pl")  # the second module is not translated
    response = learner.get(f"{pl(page).url}{modules[1].slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ask directly." in html
    assert 'class="message message--info translation-missing"' in html
    # A translated module shows no such note; an English page in English neither.
    assert "translation-missing" not in learner.get(pl(modules[0]).url).content.decode()
    assert "translation-missing" not in learner.get(modules[1].url).content.decode()
    # A slug that exists in no language is still a 404.
    assert learner.get(f"{pl(page).url}no-such-module/").status_code == 404


def test_a_draft_translation_is_not_shown_the_english_module_is(
    learner, course, django_capture_on_commit_callbacks
):
    page, modules, _ = course
    with django_capture_on_commit_callbacks(execute=True):
        translate_tree(tree(page), "pl")
        translate(modules[0], "pl", publish=False)
    draft = pl(modules[0])
    assert not draft.live
    response = learner.get(f"{pl(page).url}{draft.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Notice changes." in html and "translation-missing" in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_module_page_costs_at_most_one_query_more_in_polish_and_urdu(
    learner, course, polish, django_capture_on_commit_callbacks
):
    page, modules, _ = course
    with django_capture_on_commit_callbacks(execute=True):
        translate_tree([*tree(page), *modules], "ur")
    learner.post(f"/learning/courses/{page.pk}/modules/{modules[0].pk}/complete/")
    from wagtail.models import Locale

    urdu = Locale.objects.get(language_code="ur")
    urls = {
        "en-gb": modules[1].url,
        "pl": pl(modules[1]).url,
        "ur": modules[1].get_translation(urdu).url,
    }
    assert urls["ur"].startswith("/ur/")
    for url in urls.values():  # the first visit records the last module visited; measure warm pages
        learner.get(url)
        learner.get(url)
    counts = {language: count_queries(learner, url) for language, url in urls.items()}
    print(f"module page queries per language: {counts}")
    assert counts["pl"] <= counts["en-gb"] + 1
    assert counts["ur"] <= counts["en-gb"] + 1
    assert max(counts.values()) <= 8  # the module page's budget (tests/courses/test_views_progress.py)


def test_catalogue_and_course_page_in_polish_show_progress_made_in_english(learner, course, polish):
    page, modules, _ = course
    learner.post(f"/learning/courses/{page.pk}/modules/{modules[0].pk}/complete/")
    response = learner.get(pl(page).url)
    assert response.status_code == 200
    progress = response.context["progress"]
    assert progress.started and progress.done_count == 1
    assert progress.next_module.url == pl(modules[1]).url
    catalogue = learner.get(pl(CourseIndexPage.objects.get(locale__language_code="en-gb")).url)
    assert pl(page).pk in catalogue.context["course_progress"]



def test_a_partly_translated_question_falls_back_whole_to_english(
    learner, course, django_capture_on_commit_callbacks
):
    page, modules, questions = course
    translate_tree([*tree(page), modules[0], modules[1]], "pl")
    # The translator has not yet translated one option of the first question.
    translate(modules[2], "pl", skip={"Changing the subject"})
    html = learner.get(pl(modules[2]).url).content.decode()
    # First question: wholly English, prompt and every option; second: wholly Polish.
    assert "What helps most?" in html and "[pl] What helps most?" not in html
    assert ">Listening<" in html and "[pl] Listening" not in html and "Changing the subject" in html
    assert "[pl] Who can you call at any time?" in html and "[pl] Samaritans on 116 123" in html
    assert "[pl] Check your learning" in html  # the rest of the page is translated
    # Same ids as ever: the English question's answers grade the same.
    assert [b.id for b in pl(modules[2]).body] == [q["id"] for q in questions]
    # Once the option is translated, the question shows in Polish.
    translate(modules[2], "pl")
    html = learner.get(pl(modules[2]).url).content.decode()
    assert "[pl] What helps most?" in html and "[pl] Changing the subject" in html


# Warm pages for a signed-in learner, in any language: session, user and the learner's progress
# (the enrollment joined with their completed modules); the route, outline and body are remembered
# (cms.serving, courses.serving). A course page reads one more row (as in English).
WARM_MODULE_PAGE_QUERIES = 3


def warm_queries(client, url):
    client.get(url)  # a first visit records the last module visited
    return count_queries(client, url)


def test_an_english_module_or_course_under_a_polish_address_costs_what_a_translated_one_does(
    learner, course, django_capture_on_commit_callbacks
):
    page, modules, _ = course
    other = CoursePageFactory(title="Supporting a colleague")
    lesson = ModulePageFactory(parent=other, title="Listening", body=[paragraph("<p>Listen.</p>")])
    with django_capture_on_commit_callbacks(execute=True):
        translate_tree([*tree(page), modules[0]], "pl")  # not the second module, nor the other course
    learner.post(f"/learning/courses/{page.pk}/start/")
    catalogue = pl(CourseIndexPage.objects.get(locale__language_code="en-gb")).url
    modules_pl = {
        "translated module": pl(modules[0]).url,
        "English module in a Polish course": f"{pl(page).url}{modules[1].slug}/",
        "English module of an English course": f"{catalogue}{other.slug}/{lesson.slug}/",
    }
    counts = {name: warm_queries(learner, url) for name, url in modules_pl.items()}
    english_course, polish_address = warm_queries(learner, other.url), warm_queries(
        learner, f"{catalogue}{other.slug}/"
    )
    print(f"warm pages under /pl/, queries: {counts}, the English course {polish_address} "
          f"({english_course} under its English address)")
    assert max(counts.values()) <= WARM_MODULE_PAGE_QUERIES, counts
    assert polish_address <= english_course
    html = learner.get(modules_pl["English module in a Polish course"]).content.decode()
    assert "Ask directly." in html and "translation-missing" in html
    html = learner.get(modules_pl["English module of an English course"]).content.decode()
    assert "Listen." in html and "translation-missing" in html
