"""A certificate in the learner's language, with "Valid until" when campaigns count its course for a
limited time, wording that cannot join into a broken sentence, and a verify page that shows
expiry (still genuine) in the visitor's language."""

import subprocess
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from certificates import services, validity
from certificates.models import CertificateTemplate
from schools.models import Campaign
from tests.certificates.factories import EnrollmentFactory, edit_certificate_template
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.needs("poppler")
LONDON = ZoneInfo("Europe/London")


def completed(day: date):
    return datetime(day.year, day.month, day.day, 12, tzinfo=LONDON)


def pdf_text(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        pdf = handle.read()
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


@needs_poppler
def test_the_certificate_prints_in_the_learners_preferred_language():
    enrollment = EnrollmentFactory(user__preferred_language="pl", completed_at=completed(date(2026, 11, 26)))
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    assert certificate.language == "pl"
    assert "26 listopada 2026" in pdf_text(certificate)


def test_a_language_the_platform_does_not_offer_falls_back_to_english(settings):
    settings.LANGUAGES = [("en-gb", "English"), ("pl", "Polski")]
    for preferred, expected in (("", "en-gb"), ("xx", "en-gb"), ("PL", "pl"), ("ur", "en-gb")):
        user = EnrollmentFactory.build().user
        user.preferred_language = preferred
        assert services.certificate_language(user=user) == expected


def test_a_reissue_after_a_name_change_prints_in_the_current_preferred_language():
    enrollment = EnrollmentFactory(user__full_name="Ola Nowak", user__preferred_language="en-gb")
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    user = enrollment.user
    user.full_name, user.preferred_language = "Aleksandra Nowak", "pl"
    user.save()
    assert services.certificate_reissue(certificate=certificate, user=user)
    certificate.refresh_from_db()
    assert certificate.language == "pl" and certificate.learner_name == "Aleksandra Nowak"


def campaign(**fields):
    values = {"name": "London 2026", "programme": "suicide_prevention", "starts_on": date(2026, 1, 1)}
    values.update(fields)
    return Campaign.objects.create(**values)


@needs_poppler
def test_valid_until_is_the_last_day_campaigns_count_the_certificate_and_is_printed():
    campaign(certificate_valid_months=36)
    campaign(name="Short drive", certificate_valid_months=24)  # the shortest limit wins
    enrollment = EnrollmentFactory(completed_at=completed(timezone.localdate() - timedelta(days=3)))
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    expected = validity.add_months(timezone.localdate() - timedelta(days=3), 24) - timedelta(days=1)
    assert certificate.valid_until == expected
    text = pdf_text(certificate)
    assert "VALID UNTIL" in text.upper() and expected.strftime("%-d %B %Y") in text


def test_a_course_no_campaign_counts_has_no_valid_until():
    campaign(programme="youth_mhfa", certificate_valid_months=12)  # another programme
    campaign(name="Ended", starts_on=date(2020, 1, 1), ends_on=date(2020, 12, 31), certificate_valid_months=6)
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    assert certificate.valid_until is None


def test_a_campaign_naming_other_courses_does_not_limit_this_one():
    other = CoursePageFactory(title="Another course")
    named = campaign(certificate_valid_months=12)
    named.courses.add(other)
    assert services.certificate_issue(enrollment_id=EnrollmentFactory().id).valid_until is None


def test_add_months_keeps_the_day_or_takes_the_months_last_day():
    assert validity.add_months(date(2026, 11, 26), 36) == date(2029, 11, 26)
    assert validity.add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert validity.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_the_verify_page_shows_valid_until_then_expired_but_genuine(client):
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory(user__full_name="Dara Quinn").id)
    certificate.valid_until = timezone.localdate()
    certificate.save(update_fields=["valid_until"])
    page = client.get(certificate.get_verify_url()).content.decode()
    assert "Valid until" in page and "Valid:" in page and "expired" not in page.lower()

    certificate.valid_until = timezone.localdate() - timedelta(days=1)
    certificate.save(update_fields=["valid_until"])
    response = client.get(certificate.get_verify_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Genuine, but expired:" in page and "Expired (still genuine)" in page
    assert "Dara Quinn" in page


def test_the_verify_page_tags_the_name_with_its_language(client):
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory(user__full_name="נועה כהן").id)
    page = client.get(certificate.get_verify_url()).content.decode()
    assert '<dd lang="he" dir="auto">נועה כהן</dd>' in page


# Wording that cannot join into a broken sentence.


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("body", "has completed a short introduction to suicide prevention."),  # the audit's case
        ("body", "Free online training for Londoners"),  # no full stop
        ("intro", "This is to certify that."),
        ("completion_text", "has completed."),
    ],
)
def test_template_wording_that_would_print_a_broken_sentence_is_refused(field, value):
    template = CertificateTemplate(name="Check", **{field: value})
    with pytest.raises(ValidationError) as raised:
        template.full_clean()
    assert field in raised.value.message_dict


@pytest.mark.parametrize(
    "body",
    [
        "Free online training for Londoners.",
        "لندن والوں کے لیے مفت آن لائن تربیت۔",
        "লন্ডনবাসীদের জন্য বিনামূল্যে প্রশিক্ষণ।",
        "",
    ],
)
def test_whole_sentences_in_any_script_are_accepted(body):
    CertificateTemplate(name="Check", body=body).full_clean()


def test_a_courses_certificate_wording_must_be_whole_sentences():
    course = CoursePageFactory(certificate_wording="The course covered noticing the signs.")
    course.full_clean()
    course.certificate_wording = "has completed a short introduction to suicide prevention."
    with pytest.raises(ValidationError) as raised:
        course.full_clean()
    assert "certificate_wording" in raised.value.message_dict


def test_the_cms_refuses_a_closing_text_that_would_run_on_from_the_course_title(admin_client):  # noqa: F811
    template = CertificateTemplate.objects.get(is_default=True)
    response = edit_certificate_template(
        admin_client, template, body="has completed a short introduction.", accent_colour="#1d4f91"
    )
    assert response.status_code == 200
    assert "Start with a capital letter" in response.content.decode()
    template.refresh_from_db()
    assert template.body == "Free online training for Londoners."


@needs_poppler
def test_the_closing_text_and_the_course_wording_print_as_paragraphs_of_their_own():
    course = CoursePageFactory(certificate_wording="The course covered noticing the signs.")
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory(course=course).id)
    lines = [line.strip() for line in pdf_text(certificate).splitlines() if line.strip()]
    assert "Free online training for Londoners." in lines
    assert "The course covered noticing the signs." in lines


def test_the_default_template_prints_the_standard_wording_translated():
    template = CertificateTemplate.objects.get(is_default=True)
    assert (template.heading, template.intro, template.completion_text) == ("", "", "")


# The trainer's wording from a translation of the template.


@pytest.fixture
def polish_template():
    from wagtail.models import Locale

    polish = Locale.objects.get_or_create(language_code="pl")[0]
    source = CertificateTemplate.objects.get(is_default=True)
    translation = source.copy_for_translation(polish)
    translation.heading = "Zaświadczenie ukończenia szkolenia"
    translation.body = "Bezpłatne szkolenie online dla mieszkańców Londynu."
    translation.save()
    return translation


@needs_poppler
def test_a_polish_learner_gets_the_polish_translation_of_the_template(polish_template):
    polish = services.certificate_issue(enrollment_id=EnrollmentFactory(user__preferred_language="pl").id)
    english = services.certificate_issue(enrollment_id=EnrollmentFactory(user__preferred_language="").id)
    assert polish.template == polish_template
    assert polish.wording["wording_language"] == "pl"
    text = pdf_text(polish)
    assert "Zaświadczenie ukończenia szkolenia" in text
    assert "Bezpłatne szkolenie online dla mieszkańców Londynu." in text
    assert "Free online training for Londoners." not in text
    assert "Free online training for Londoners." in pdf_text(english)


@needs_poppler
def test_without_a_translation_the_wording_prints_in_english_tagged_as_english():
    enrollment = EnrollmentFactory(user__preferred_language="pl")
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    assert certificate.wording["wording_language"] == "en-gb"
    from certificates import rendering

    html = rendering._template().render(
        {**rendering._context(services.certificate_data(certificate=certificate)), "fit": 0}
    )
    assert '<p class="body" dir="ltr" lang="en-GB">Free online training for Londoners.</p>' in html
    assert '<html lang="pl"' in html


def test_a_translation_does_not_take_the_course_links_of_its_source(polish_template):
    from certificates.models import CertificateTemplateCourse

    course = CoursePageFactory()
    source = CertificateTemplate.objects.create(name="Course template", heading="Course certificate")
    CertificateTemplateCourse.objects.create(template=source, course=course)
    translation = source.copy_for_translation(polish_template.locale)
    translation.save()
    assert not translation.course_links.exists()
    from certificates import selectors

    assert selectors.template_for_course(course_id=course.pk, language="pl") == translation
    assert selectors.template_for_course(course_id=course.pk, language="en-gb") == source


@pytest.fixture
def visitor_language(settings):
    """The platform's language middleware takes a first-time visitor's language from their browser
    (Accept-Language) on the language-neutral verify page."""
    from django.utils import translation

    yield
    translation.deactivate()  # the middleware leaves the last request's language active


def test_the_verify_page_shows_the_certificate_in_the_visitors_language(client, visitor_language):
    enrollment = EnrollmentFactory(user__full_name="Amani Okoro", completed_at=completed(date(2026, 11, 26)))
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    certificate.valid_until = date(2029, 11, 26)
    certificate.save(update_fields=["valid_until"])
    polish = client.get(certificate.get_verify_url(), HTTP_ACCEPT_LANGUAGE="pl").content.decode()
    assert "26 listopada 2026" in polish and "26 listopada 2029" in polish
    assert '<dd lang="pl" dir="auto">Amani Okoro</dd>' in polish  # a Latin name on a Polish page
    english_visitor = Client()  # another visitor: the first one's visit stays in Polish
    english = english_visitor.get(certificate.get_verify_url(), HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "26 November 2026" in english
