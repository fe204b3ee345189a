"""Verify page (public), the owner's certificate page, download and reissue."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from certificates import services
from certificates.models import Certificate
from tests.certificates.factories import EnrollmentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    enrollment = EnrollmentFactory(user__full_name="Amani Okoro")
    return services.certificate_issue(enrollment_id=enrollment.id)


@pytest.fixture
def owner(certificate):
    return certificate.user


# Verify page ---------------------------------------------------------------------------------


def test_anyone_can_verify_a_certificate_and_sees_only_name_course_date_and_status(
    client, certificate, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(certificate.get_verify_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Amani Okoro" in page
    assert certificate.course_title in page
    assert certificate.completed_at.strftime("%B %Y") in page
    assert "Valid" in page
    assert certificate.user.email not in page
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_form_accepts_a_code_typed_loosely_and_goes_to_its_page(client, certificate):
    typed = certificate.display_code.lower().replace("-", " ")
    response = client.get(reverse("certificates:verify"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == certificate.get_verify_url()


def test_a_loosely_written_code_in_the_address_redirects_to_the_canonical_one(client, certificate):
    response = client.get(f"/certificates/verify/{certificate.code.lower()}/")
    assert response.status_code == 301
    assert response["Location"] == certificate.get_verify_url()


def test_an_unknown_code_says_so_and_reveals_nothing(client, certificate):
    response = client.get("/certificates/verify/0000-0000-0000-0000/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "could not find a certificate" in page
    assert "Amani Okoro" not in page and certificate.course_title not in page


def test_a_malformed_code_gets_a_helpful_error(client):
    response = client.get(reverse("certificates:verify"), {"code": "not a code"})
    assert response.status_code == 400
    assert "16 letters and numbers" in response.content.decode()
    assert client.get("/certificates/verify/%3Cscript%3E/").status_code == 404


def test_a_revoked_certificate_shows_revoked_with_the_reason(client, certificate):
    services.certificate_revoke(certificate=certificate, reason="Completed under another account", by=None)
    page = client.get(certificate.get_verify_url()).content.decode()
    assert "Revoked" in page and "no longer valid" in page
    assert "Completed under another account" in page


def test_names_with_html_are_shown_as_text_on_the_verify_page(client):
    enrollment = EnrollmentFactory(user__full_name='<img src=x onerror="alert(1)">')
    certificate = services.certificate_issue(enrollment_id=enrollment.id)
    page = client.get(certificate.get_verify_url()).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_verification_is_rate_limited_per_network_address(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE = 5
    for _ in range(5):
        assert client.get(certificate.get_verify_url(), REMOTE_ADDR="203.0.113.9").status_code == 200
    blocked = client.get(certificate.get_verify_url(), REMOTE_ADDR="203.0.113.9")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "60"
    assert "Amani Okoro" not in blocked.content.decode()
    form = client.get(reverse("certificates:verify"), {"code": "x"}, REMOTE_ADDR="203.0.113.9")
    assert form.status_code == 429
    # Another address is unaffected.
    assert client.get(certificate.get_verify_url(), REMOTE_ADDR="198.51.100.7").status_code == 200


def test_the_empty_verify_form_is_not_counted(client, settings):
    settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE = 1
    for _ in range(3):
        assert client.get(reverse("certificates:verify")).status_code == 200


# Owner's page and download -------------------------------------------------------------------


def test_the_owner_sees_their_certificate_page(client, certificate, owner, django_assert_max_num_queries):
    client.force_login(owner)
    with django_assert_max_num_queries(8):
        response = client.get(certificate.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert certificate.get_download_url() in page
    assert certificate.get_verify_url() in page
    assert certificate.display_code in page


def test_the_owner_downloads_the_pdf(client, certificate, owner):
    client.force_login(owner)
    response = client.get(certificate.get_download_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"certificate-{certificate.display_code}.pdf" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["colleague", "outsider", "staff_without_permission"])
def test_nobody_else_gets_the_page_or_the_pdf(client, certificate, who):
    if who == "colleague":  # completed the same course
        other = services.certificate_issue(enrollment_id=EnrollmentFactory(course=certificate.course).id)
        user = other.user
    elif who == "outsider":
        user = UserFactory()
    else:
        user = UserFactory(is_staff=True)
    client.force_login(user)
    assert client.get(certificate.get_absolute_url()).status_code == 404
    assert client.get(certificate.get_download_url()).status_code == 404
    assert client.post(reverse("certificates:reissue", args=[certificate.display_code])).status_code == 404


def test_staff_with_permission_can_download(client, certificate):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(staff)
    response = client.get(certificate.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == certificate.pdf.storage.open(certificate.pdf.name).read()


def _pdf_text(data: bytes, tmp_path) -> str:
    import subprocess

    path = tmp_path / "downloaded.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.needs("poppler")
def test_staff_downloading_a_revoked_certificate_get_a_pdf_that_says_it_is_revoked(
    client, certificate, tmp_path
):
    valid = b"".join(client_for_viewer(client).get(certificate.get_download_url()).streaming_content)
    assert "Revoked" not in _pdf_text(valid, tmp_path)
    stored = certificate.pdf.name
    services.certificate_revoke(certificate=certificate, reason="Completed on a shared account", by=None)

    response = client.get(certificate.get_download_url())

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(_pdf_text(b"".join(response.streaming_content), tmp_path).split())
    revoked_on = certificate.revoked_at.strftime("%-d %B %Y")
    assert f"Revoked on {revoked_on}: this certificate is no longer valid." in text
    assert "Amani Okoro" in text and certificate.display_code in text  # still the same certificate
    certificate.refresh_from_db()
    assert certificate.pdf.name == stored  # the stored copy is not replaced by the marked one


def client_for_viewer(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_certificate"))
    client.force_login(staff)
    return client


def test_signed_out_visitors_are_asked_to_sign_in(client, certificate):
    for url in (certificate.get_absolute_url(), certificate.get_download_url(), "/certificates/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_missing_file_is_rendered_again_not_an_error(client, certificate, owner):
    certificate.pdf.storage.delete(certificate.pdf.name)
    client.force_login(owner)
    response = client.get(certificate.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    certificate.refresh_from_db()
    assert certificate.pdf.storage.exists(certificate.pdf.name)


def test_a_revoked_certificate_is_not_downloadable_by_its_owner(client, certificate, owner):
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=None)
    client.force_login(owner)
    assert client.get(certificate.get_download_url()).status_code == 404
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "Revoked" in page and "Issued in error" in page


def test_the_list_shows_only_my_certificates(client, certificate, owner):
    someone_else = services.certificate_issue(enrollment_id=EnrollmentFactory().id)
    client.force_login(owner)
    page = client.get(reverse("certificates:mine")).content.decode()
    assert certificate.get_absolute_url() in page
    assert someone_else.get_absolute_url() not in page


# Reissue after a name change -----------------------------------------------------------------


def test_after_a_name_change_the_owner_can_reissue_keeping_the_code(
    client, certificate, owner, django_capture_on_commit_callbacks
):
    old_pdf = certificate.pdf.name
    owner.full_name = "Amani Okoro-Mensah"
    owner.save()
    client.force_login(owner)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert "Reissue with the name Amani Okoro-Mensah" in page

    with django_capture_on_commit_callbacks(execute=True):  # the old file goes once the row commits
        response = client.post(reverse("certificates:reissue", args=[certificate.display_code]), follow=True)

    assert "now shows the name Amani Okoro-Mensah" in response.content.decode()
    updated = Certificate.objects.get(pk=certificate.pk)
    assert updated.code == certificate.code
    assert updated.learner_name == "Amani Okoro-Mensah"
    assert updated.reissued_at is not None
    assert updated.pdf.name != old_pdf
    assert not certificate.pdf.storage.exists(old_pdf)
    assert "Amani Okoro-Mensah" in client.get(certificate.get_verify_url()).content.decode()


def test_reissue_without_a_name_change_changes_nothing(client, certificate, owner):
    client.force_login(owner)
    response = client.post(reverse("certificates:reissue", args=[certificate.display_code]), follow=True)
    assert "already shows the name" in response.content.decode()
    assert Certificate.objects.get(pk=certificate.pk).reissued_at is None
    assert client.get(reverse("certificates:reissue", args=[certificate.display_code])).status_code == 405


def test_a_revoked_certificate_cannot_be_reissued(client, certificate, owner):
    services.certificate_revoke(certificate=certificate, reason="Issued in error", by=None)
    owner.full_name = "New Name"
    owner.save()
    client.force_login(owner)
    response = client.post(reverse("certificates:reissue", args=[certificate.display_code]), follow=True)
    assert "revoked" in response.content.decode()
    assert Certificate.objects.get(pk=certificate.pk).learner_name == "Amani Okoro"


@pytest.mark.parametrize(
    ("new_name", "offered"),
    [("Amani Okoro", False), ("  Amani Okoro  ", False), ("Amani Okoro-Mensah", True), ("", True)],
)
def test_the_page_offers_a_reissue_exactly_when_reissuing_would_change_the_name(
    client, certificate, owner, new_name, offered
):
    """One rule for both: a blank account name prints the email address, so it is offered too."""
    owner.full_name = new_name
    owner.save()
    client.force_login(owner)
    page = client.get(certificate.get_absolute_url()).content.decode()
    assert ("Reissue with the name" in page) is offered
    client.post(reverse("certificates:reissue", args=[certificate.display_code]))
    reissued = Certificate.objects.get(pk=certificate.pk)
    assert (reissued.reissued_at is not None) is offered
    if offered:
        assert reissued.learner_name == (new_name.strip() or owner.email)
