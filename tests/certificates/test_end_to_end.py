"""A learner completes a course in the browser's way (posts to the course pages); the certificate
is issued, linked from My learning, downloads for them and verifies for anyone."""

import pytest
from django.core import mail
from django.urls import reverse

from certificates.models import Certificate
from tests.courses.progress_helpers import build_course
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_completing_a_course_produces_a_certificate_that_downloads_and_verifies(
    client, celery_eager, django_capture_on_commit_callbacks
):
    course = build_course(required=2, optional=False, questions=2)
    learner = UserFactory(full_name="Siobhán Nguyễn")
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        for module in course.modules:
            url = reverse("courses:module_complete", args=[course.page.pk, module.pk])
            assert client.post(url).status_code == 302
        url = reverse("courses:quiz_submit", args=[course.page.pk, course.assessment.pk])
        assert client.post(url, course.post_data()).status_code == 302

    certificate = Certificate.objects.get(user=learner)
    assert certificate.learner_name == "Siobhán Nguyễn"
    assert certificate.course_title == course.page.title
    assert len(mail.outbox) == 1 and certificate.get_absolute_url() in mail.outbox[0].body

    my_learning = client.get(reverse("courses:my_learning")).content.decode()
    assert certificate.get_absolute_url() in my_learning

    pdf = client.get(certificate.get_download_url())
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF-")

    client.logout()
    verify = client.get(certificate.get_verify_url()).content.decode()
    assert "Siobhán Nguyễn" in verify and "Valid" in verify
