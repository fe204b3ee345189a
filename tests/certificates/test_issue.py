"""Issuing: one certificate per completion, rendered, stored privately and emailed once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from certificates import services
from certificates.models import Certificate, CertificateTemplate, CertificateTemplateCourse
from certificates.tasks import issue_certificate
from tests.certificates.factories import EnrollmentFactory
from tests.certificates.pdf import qr_image_size
from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager(celery_eager):
    """Tasks run in-process here, whatever broker CI configures (a real worker: test_worker.py)."""


def test_completing_a_course_issues_one_certificate_with_pdf_and_one_email(settings):
    enrollment = EnrollmentFactory(user__full_name="Zoë Ó'Brien")

    certificate_id = issue_certificate.delay(enrollment.id).get()

    certificate = Certificate.objects.get(pk=certificate_id)
    assert certificate.enrollment == enrollment
    assert certificate.user == enrollment.user and certificate.course_id == enrollment.course_id
    assert certificate.learner_name == "Zoë Ó'Brien"
    assert certificate.course_title == enrollment.course.title
    assert certificate.completed_at == enrollment.completed_at
    assert certificate.course_revision_id == enrollment.course.live_revision_id is not None
    assert certificate.pdf.storage.open(certificate.pdf.name).read(5) == b"%PDF-"
    assert certificate.emailed_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [enrollment.user.email]
    assert f"{settings.SITE_URL}/certificates/{certificate.display_code}/" in message.body
    assert f"{settings.SITE_URL}/certificates/verify/{certificate.display_code}/" in message.body
    assert ".pdf" not in message.body  # a link to the page, never to the file
    assert "116 123" in message.body  # support information travels with every message


def test_running_the_task_twice_leaves_one_certificate_one_file_and_one_email():
    enrollment = EnrollmentFactory()
    first = issue_certificate.delay(enrollment.id).get()
    pdf_name = Certificate.objects.get(pk=first).pdf.name

    second = issue_certificate.delay(enrollment.id).get()

    assert first == second
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.get(pk=first).pdf.name == pdf_name
    assert len(mail.outbox) == 1


def test_an_unfinished_enrollment_gets_no_certificate():
    enrollment = EnrollmentFactory(completed_at=None)
    assert issue_certificate.delay(enrollment.id).get() is None
    assert issue_certificate.delay(999_999).get() is None
    assert not Certificate.objects.exists()
    assert mail.outbox == []


def test_pdfs_are_stored_privately_outside_media_root(settings):
    enrollment = EnrollmentFactory()
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    path = certificate.pdf.storage.path(certificate.pdf.name)
    assert path.startswith(settings.PRIVATE_MEDIA_ROOT)
    assert not path.startswith(settings.MEDIA_ROOT)
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018 - there is no public URL to hand out


class MailServerDown:
    """An email backend whose server refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_failed_email_is_not_recorded_as_sent_and_is_sent_on_the_next_run(settings):
    enrollment = EnrollmentFactory()
    working_backend = settings.EMAIL_BACKEND

    settings.EMAIL_BACKEND = "tests.certificates.test_issue.MailServerDown"
    with pytest.raises(ConnectionRefusedError):
        services.certificate_issue(enrollment_id=enrollment.id)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.emailed_at is None and certificate.pdf  # issued and rendered, not emailed

    settings.EMAIL_BACKEND = working_backend
    services.certificate_issue(enrollment_id=enrollment.id)
    certificate.refresh_from_db()
    assert certificate.emailed_at is not None
    assert len(mail.outbox) == 1


def test_the_default_template_wording_is_printed_and_frozen_at_issue():
    enrollment = EnrollmentFactory()
    template = CertificateTemplate.objects.get(is_default=True)
    template.heading = "Certificate of achievement"
    template.signatory_name = "Dr Amara Okafor"
    template.save()
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    assert certificate.template == template
    assert certificate.wording["heading"] == "Certificate of achievement"

    template.heading = "Completely different wording"
    template.save()
    services.certificate_issue(enrollment_id=enrollment.id)  # e.g. the sweep runs again
    services.certificate_render(certificate=certificate)  # or the file had to be re-rendered
    certificate.refresh_from_db()
    assert certificate.wording["heading"] == "Certificate of achievement"
    data = services.certificate_data(certificate=certificate)
    assert data.heading == "Certificate of achievement"
    assert data.signatory_name == "Dr Amara Okafor"


def printed(certificate):
    """The wording as it is printed on the certificate's PDF."""
    from certificates import rendering

    return rendering._context(services.certificate_data(certificate=certificate))


def test_a_course_can_choose_its_own_template_and_its_wording():
    course = CoursePageFactory(
        title="Youth MHFA e-learning",
        programme="youth_mhfa",
        certificate_wording="Covers spotting signs and talking with young people.",
    )
    template = CertificateTemplate.objects.create(name="Youth MHFA", heading="Youth MHFA certificate")
    CertificateTemplateCourse.objects.create(template=template, course=course)
    other = EnrollmentFactory()
    chosen = EnrollmentFactory(course=course)

    assert services.certificate_issue(enrollment_id=chosen.id).wording["heading"] == "Youth MHFA certificate"
    standard = services.certificate_issue(enrollment_id=other.id)
    assert standard.wording["heading"] == ""  # the standard heading, printed in the learner's language
    assert printed(standard)["heading"] == "Certificate of completion"
    assert Certificate.objects.get(enrollment=chosen).wording["course_wording"].startswith("Covers")


def test_with_no_template_at_all_the_built_in_wording_is_used():
    CertificateTemplate.objects.all().delete()
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    assert certificate.template is None
    assert printed(certificate)["heading"] == "Certificate of completion"
    assert printed(certificate)["intro"] == "This is to certify that"


def test_only_one_template_can_be_the_default():
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateTemplate.objects.create(name="Second default", is_default=True)


def test_revoking_needs_a_reason_and_stops_the_email():
    enrollment = EnrollmentFactory()
    certificate = services.certificate_get_or_create(enrollment=enrollment)
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, reason="  ", by=None)
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=None)
    services.certificate_issue(enrollment_id=enrollment.id)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None and certificate.revoked_reason == "Issued in error"
    assert mail.outbox == []


def test_the_database_refuses_a_revocation_without_a_reason():
    from django.db import IntegrityError, transaction

    certificate = services.certificate_get_or_create(enrollment=EnrollmentFactory())
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(revoked_at=timezone.now())


def test_a_second_certificate_for_the_same_enrollment_is_refused_by_the_database():
    from django.db import IntegrityError, transaction

    enrollment = EnrollmentFactory()
    existing = services.certificate_get_or_create(enrollment=enrollment)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            enrollment=enrollment,
            user=existing.user,
            course=existing.course,
            code="0" * 16,
            learner_name="x",
            course_title="x",
            completed_at=timezone.now(),
        )
    assert services.certificate_get_or_create(enrollment=enrollment) == existing


def test_a_code_collision_draws_a_new_code(monkeypatch):
    taken = services.certificate_get_or_create(enrollment=EnrollmentFactory())
    codes = iter([taken.code, "ABCDEFGHJKMNPQRS"])
    monkeypatch.setattr(services, "generate_code", lambda: next(codes))
    fresh = services.certificate_get_or_create(enrollment=EnrollmentFactory())
    assert fresh.code == "ABCDEFGHJKMNPQRS"


def test_selector_for_my_learning_returns_certificates_by_enrollment_in_one_query(
    django_assert_num_queries,
):
    from certificates.selectors import certificate_for_enrollments

    with_cert = [EnrollmentFactory() for _ in range(3)]
    without = EnrollmentFactory(completed_at=None)
    for enrollment in with_cert:
        services.certificate_get_or_create(enrollment=enrollment)
    with django_assert_num_queries(1):
        found = certificate_for_enrollments(enrollment_ids=[e.id for e in [*with_cert, without]])
    assert set(found) == {e.id for e in with_cert}
    assert found[with_cert[0].id].enrollment_id == with_cert[0].id
    assert certificate_for_enrollments(enrollment_ids=[]) == {}


@pytest.mark.needs("poppler")
def test_template_signature_and_logo_images_are_snapshotted_and_printed(tmp_path):
    import subprocess

    from wagtail_factories import ImageFactory

    template = CertificateTemplate.objects.get(is_default=True)
    template.signature_image = ImageFactory(file__width=400, file__height=120)
    template.logo_image = ImageFactory(file__width=200, file__height=200)
    template.save()
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    assert certificate.wording["signature_file"].startswith("images/")
    assert certificate.wording["logo_file"].startswith("images/")
    path = tmp_path / "c.pdf"
    path.write_bytes(certificate.pdf.read())
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.strip().splitlines()[2:]
    # Both images are embedded in the PDF (renditions never upscale, so at their own sizes), and
    # the QR code.
    sizes = sorted(tuple(int(n) for n in line.split()[3:5]) for line in listing)
    qr = qr_image_size(services.certificate_data(certificate=certificate).verify_url)
    assert sizes == sorted([(200, 200), (400, 120), qr]), listing
