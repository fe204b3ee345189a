"""The optional before-and-after confidence check: offered once before the first module and once
after completion, skippable, anonymous, and reported with groups under 10 withheld."""

import csv
import io
import uuid

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from courses.confidence import MIN_GROUP, confidence_report
from courses.confidence_blocks import about_helping_others
from courses.models import (
    ConfidenceAnswer,
    ConfidenceCheck,
    ConfidenceOffer,
    ConfidenceResponse,
    Enrollment,
    ModuleProgress,
)
from tests.courses.progress_helpers import build_course
from tests.factories import StaffUserFactory, give_totp

pytestmark = pytest.mark.django_db

STATEMENTS = [
    "I would feel confident asking someone directly whether they are thinking about suicide.",
    "I know where to signpost someone who needs urgent help.",
    "I would know how to start a conversation with someone I was worried about.",
]


def make_check(course, statements=STATEMENTS, live=True):
    return ConfidenceCheck.objects.create(
        course=course, live=live, statements=[("statement", text) for text in statements]
    )


@pytest.fixture
def course():
    return build_course(required=2, optional=False, assessment=False)


@pytest.fixture
def check(course):
    return make_check(course.page)


def statement_ids(check):
    return [block.id for block in check.statements]


def start(client, course):
    return client.post(f"/learning/courses/{course.page.pk}/start/")


def form_url(course, phase):
    return f"/learning/courses/{course.page.pk}/confidence/{phase}/"


def answer_post(check, values, **extra):
    data = {f"statement-{sid}": str(v) for sid, v in zip(statement_ids(check), values, strict=False)}
    data.update(extra)
    return data


def complete(user, course):
    enrollment, _ = Enrollment.objects.get_or_create(user=user, course=course.page)
    for module in course.modules:
        ModuleProgress.objects.get_or_create(enrollment=enrollment, module=module)
    enrollment.completed_at = timezone.now()
    enrollment.save()
    return enrollment


# --- Offered before the first module, skippable, once ------------------------------------------


def test_starting_a_course_with_a_check_offers_it_first_then_goes_on_to_the_first_module(
    client, user, course, check
):
    client.force_login(user)
    response = start(client, course)
    assert response.status_code == 302
    assert response["Location"].startswith(form_url(course, "before"))
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    for text in STATEMENTS:
        assert text in html
    assert "Strongly agree" in html and "optional" in html
    assert "not about yourself" in html
    assert "Skip and start the course" in html
    first_module_url = course.modules[0].url
    assert f'value="{first_module_url}"' in html


def test_a_course_without_a_check_starts_at_the_first_module(client, user, course):
    client.force_login(user)
    response = start(client, course)
    assert response["Location"] == course.modules[0].url


def test_skipping_goes_to_the_module_stores_nothing_and_is_not_offered_again(client, user, course, check):
    client.force_login(user)
    start(client, course)
    response = client.post(form_url(course, "before"), {"skip": "1", "next": course.modules[0].url})
    assert response.status_code == 302 and response["Location"] == course.modules[0].url
    assert ConfidenceResponse.objects.count() == 0
    assert start(client, course)["Location"] == course.modules[0].url  # not offered twice
    again = client.get(form_url(course, "before") + f"?next={course.modules[0].url}")
    assert again.status_code == 302 and again["Location"] == course.modules[0].url


def test_answers_are_stored_without_anything_that_names_the_learner(client, user, course, check):
    client.force_login(user)
    start(client, course)
    response = client.post(form_url(course, "before"), answer_post(check, [2, 3], next=course.modules[0].url))
    assert response.status_code == 302 and response["Location"] == course.modules[0].url
    stored = ConfidenceResponse.objects.get()
    assert stored.phase == "before" and stored.course_id == course.page.pk
    assert stored.period == timezone.localdate().replace(day=1)
    assert sorted(stored.answers.values_list("value", flat=True)) == [2, 3]  # the third was left out
    assert isinstance(stored.pk, uuid.UUID)
    cookie = client.cookies[f"confidence_pair_{check.pk}"]
    assert cookie["httponly"] and cookie.value.startswith(stored.pair_token + ":")


def test_a_replayed_submission_stores_one_set_of_answers(client, user, course, check):
    client.force_login(user)
    start(client, course)
    data = answer_post(check, [4, 4, 4])
    client.post(form_url(course, "before"), data)
    client.post(form_url(course, "before"), data)
    assert ConfidenceResponse.objects.count() == 1
    assert ConfidenceOffer.objects.filter(phase="before").count() == 1


def test_an_answer_off_the_scale_is_refused_with_the_form_again_and_nothing_stored(
    client, user, course, check
):
    client.force_login(user)
    start(client, course)
    response = client.post(form_url(course, "before"), answer_post(check, [9]))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert ConfidenceResponse.objects.count() == ConfidenceOffer.objects.count() == 0


def test_before_is_not_offered_to_someone_who_has_begun(client, user, course, check):
    enrollment = Enrollment.objects.create(user=user, course=course.page)
    ModuleProgress.objects.create(enrollment=enrollment, module=course.modules[0])
    client.force_login(user)
    assert start(client, course)["Location"] == course.modules[1].url


def test_the_check_needs_sign_in_and_an_enrollment(client, user, course, check):
    assert client.get(form_url(course, "before")).status_code == 302  # to sign in
    client.force_login(user)
    response = client.get(form_url(course, "before"))
    assert response.status_code == 302 and response["Location"] == course.page.url  # nothing to do
    assert client.post(form_url(course, "before"), answer_post(check, [3])).status_code == 302
    assert ConfidenceResponse.objects.count() == 0


# --- After completion, and pairing --------------------------------------------------------------


def test_after_completion_my_learning_invites_once_and_pairs_with_the_before_answers(
    client, user, course, check
):
    client.force_login(user)
    start(client, course)
    client.post(form_url(course, "before"), answer_post(check, [2, 2, 2]))
    assert "Two minutes to help the programme" not in client.get("/my-learning/").content.decode()
    assert client.get(form_url(course, "after")).status_code == 302  # not complete yet

    complete(user, course)
    html = client.get("/my-learning/").content.decode()
    assert "Two minutes to help the programme" in html
    response = client.post(form_url(course, "after"), answer_post(check, [4, 5, 4]))
    assert response.status_code == 302 and response["Location"] == "/my-learning/"
    before, after = (ConfidenceResponse.objects.get(phase=p) for p in ("before", "after"))
    assert before.pair_token == after.pair_token
    assert "Two minutes to help the programme" not in client.get("/my-learning/").content.decode()


def test_after_answers_from_another_browser_are_kept_unpaired(client, user, course, check):
    client.force_login(user)
    start(client, course)
    client.post(form_url(course, "before"), answer_post(check, [2, 2, 2]))
    complete(user, course)
    client.cookies.clear()
    client.force_login(user)
    client.post(form_url(course, "after"), answer_post(check, [4, 4, 4]))
    tokens = set(ConfidenceResponse.objects.values_list("pair_token", flat=True))
    assert len(tokens) == 2


def test_statements_are_shown_in_the_learners_language_where_the_check_is_translated(
    client, user, course, check
):
    from wagtail.models import Locale

    polish = Locale.objects.get_or_create(language_code="pl")[0]
    translation = check.copy_for_translation(polish)
    translation.statements = [
        {"type": "statement", "id": block.id, "value": f"PL {block.value}"} for block in check.statements
    ]
    translation.save()
    client.force_login(user)
    start(client, course)
    response = client.get("/pl" + form_url(course, "before"))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"PL {STATEMENTS[0]}" in html
    client.post(form_url(course, "before"), answer_post(check, [3, 3, 3]))
    answer = ConfidenceAnswer.objects.first()
    assert answer.statement in STATEMENTS  # stored against the English statement


# --- Anonymity in the database ------------------------------------------------------------------


def test_responses_point_only_at_content_and_hold_no_time_finer_than_the_month():
    targets = {
        f.related_model._meta.label
        for model in (ConfidenceResponse, ConfidenceAnswer)
        for f in model._meta.concrete_fields
        if f.is_relation
    }
    assert targets == {"courses.ConfidenceCheck", "courses.CoursePage", "courses.ConfidenceResponse"}
    for model in (ConfidenceResponse, ConfidenceAnswer):
        for f in model._meta.concrete_fields:
            assert not isinstance(f, models.DateTimeField), f"{model.__name__}.{f.name}"
            assert not isinstance(f, models.AutoField | models.BigAutoField), "ids must not be in order"


def test_the_pairing_token_is_nowhere_in_the_database_but_on_the_answers(client, user, course, check):
    """Nothing that names the learner (their row, enrollment, offers, session, logs) holds the
    token that links their before and after answers: every text column of every table is searched."""
    client.force_login(user)
    start(client, course)
    client.post(form_url(course, "before"), answer_post(check, [3, 3, 3]))
    token = ConfidenceResponse.objects.get().pair_token
    holders = set()
    for model in apps.get_models():
        for f in model._meta.concrete_fields:
            if isinstance(f, models.CharField | models.TextField | models.JSONField) and not f.is_relation:
                lookup = f"{f.attname}__contains" if not isinstance(f, models.JSONField) else None
                if lookup and model._default_manager.filter(**{lookup: token}).exists():
                    holders.add(f"{model._meta.label}.{f.name}")
    assert holders == {"courses.ConfidenceResponse.pair_token"}
    session = client.session
    assert token not in str(dict(session.items()))


# --- The CMS rule -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My mental health is good at the moment.",
        "I have often felt depressed.",
        "Have you ever had thoughts of ending your life?",
    ],
)
def test_statements_about_the_learners_own_mental_health_are_refused(text):
    with pytest.raises(ValidationError) as error:
        about_helping_others(text)
    assert "only ask about confidence and knowledge in helping others" in str(error.value)


@pytest.mark.parametrize("text", STATEMENTS)
def test_statements_about_helping_others_are_accepted(text):
    about_helping_others(text)


# --- The evaluators' report ---------------------------------------------------------------------


def add_responses(check, *, phase, values, count, borough="", role="", period=None):
    period = period or timezone.localdate().replace(day=1)
    ids = statement_ids(check)
    for n in range(count):
        response = ConfidenceResponse.objects.create(
            confidence_check=check, course=check.course, phase=phase, pair_token=f"{phase}-{n}-{borough}",
            period=period, borough=borough, role=role,
        )
        for sid, value in zip(ids, values, strict=False):
            ConfidenceAnswer.objects.create(response=response, statement_id=sid, statement="s", value=value)


@pytest.fixture
def staff_client(client):
    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    return client


REPORT = "/admin/courses/reports/confidence/"


def test_report_means_before_and_after_with_the_change(staff_client, course, check):
    add_responses(check, phase="before", values=[2, 3, 1], count=10)
    add_responses(check, phase="after", values=[4, 4, 2], count=12)
    report = confidence_report(course=course.page)
    first = report.statements[0]
    assert (first.before_n, first.before_mean, first.after_n, first.after_mean, first.change) == (
        10, 2.0, 12, 4.0, 2.0
    )
    html = staff_client.get(REPORT, {"course": course.page.pk}).content.decode()
    assert STATEMENTS[0] in html and "<svg" in html
    assert "2.00" in html and "4.00" in html


def test_groups_under_ten_are_withheld_in_the_page_the_chart_and_the_export(staff_client, course, check):
    add_responses(check, phase="before", values=[1, 1, 1], count=MIN_GROUP - 1, borough="E09000001")
    add_responses(check, phase="after", values=[5, 5, 5], count=MIN_GROUP, borough="E09000001")
    query = {"course": course.page.pk, "borough": "E09000001"}
    html = staff_client.get(REPORT, query).content.decode()
    assert "fewer than 10" in html
    assert "1.00" not in html and ">9<" not in html  # the before mean and count never appear
    assert "5.00" in html  # the after group has 10
    export = staff_client.get(REPORT, {**query, "export": "csv"})
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[1][1] == "fewer than 10" and rows[1][2] == "" and rows[1][5] == ""
    assert rows[1][4] == "5.00"


def test_report_filters_by_role_and_month_and_validates_the_range(staff_client, course, check):
    add_responses(check, phase="before", values=[3, 3, 3], count=10, role="school_staff")
    add_responses(check, phase="before", values=[1, 1, 1], count=10, role="public",
                  period=timezone.localdate().replace(day=1, year=2024))
    assert confidence_report(course=course.page, role="school_staff").statements[0].before_mean == 3.0
    month = timezone.localdate().strftime("%Y-%m")
    only_now = confidence_report(course=course.page, period_from=timezone.localdate().replace(day=1))
    assert only_now.before_responses == 10
    bad = staff_client.get(REPORT, {"course": course.page.pk, "period_from": month, "period_to": "2024-01"})
    assert "must not be before the first" in bad.content.decode()


def test_report_is_for_staff_with_the_permission(client, user, course, check):
    client.force_login(user)
    assert client.get(REPORT).status_code in (302, 403)


# --- Sample content ------------------------------------------------------------------------------


def test_seed_demo_adds_a_sample_check_to_each_sample_course_with_matching_translations(db):
    from django.core.management import call_command

    from courses.demo_content import confidence as sample

    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    checks = ConfidenceCheck.objects.filter(locale__language_code="en-gb")
    assert checks.count() == 2
    for check in checks:
        texts = [str(block.value) for block in check.statements]
        assert texts == sample.STATEMENTS
        for text in texts:
            about_helping_others(text)
        polish = check.get_translation(check.locale.__class__.objects.get(language_code="pl"))
        assert [b.id for b in polish.statements] == [b.id for b in check.statements]
        assert [str(b.value) for b in polish.statements] == sample.TRANSLATIONS["pl"]


def test_trainers_find_the_check_under_snippets_and_the_report_under_reports(staff_client, course, check):
    listing = staff_client.get("/admin/snippets/courses/confidencecheck/")
    assert listing.status_code == 200 and course.page.title in listing.content.decode()
    edit = staff_client.get(f"/admin/snippets/courses/confidencecheck/edit/{check.pk}/")
    html = edit.content.decode()
    assert edit.status_code == 200 and "never about the learner" in html
    menu = staff_client.get("/admin/").content.decode()
    assert "Confidence before and after" in menu
