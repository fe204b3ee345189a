"""Wagtail admin: programme staff edit certificate templates and revoke certificates with a reason."""

import pytest
from django.contrib.auth.models import Group, Permission

from certificates import services
from certificates.models import Certificate, CertificateTemplate
from tests.certificates.factories import EnrollmentFactory, edit_certificate_template
from tests.factories import CoursePageFactory, UserFactory, give_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate():
    return services.certificate_issue(enrollment_id=EnrollmentFactory(user__full_name="Dara Quinn").id)


def programme_staff(*codenames):
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name=f"Programme staff {user.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    give_totp(user)
    return user


def test_the_certificate_register_lists_and_searches_certificates(admin_client, certificate):
    page = admin_client.get("/admin/certificate/", {"q": "Dara"}).content.decode()
    assert "Dara Quinn" in page and certificate.display_code in page
    assert "/admin/certificate/edit/" not in page and "/admin/certificate/new/" not in page
    inspect = admin_client.get(f"/admin/certificate/inspect/{certificate.pk}/")
    assert inspect.status_code == 200


def test_staff_revoke_a_certificate_with_a_reason_shown_on_the_verify_page(client, certificate):
    staff = programme_staff("view_certificate", "revoke_certificate")
    client.force_login(staff)
    url = f"/admin/certificate/revoke/{certificate.pk}/"
    assert client.get(url).status_code == 200

    missing_reason = client.post(url, {"reason": "  "})
    assert missing_reason.status_code == 200
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None

    response = client.post(url, {"reason": "Completed on a shared account"})
    assert response.status_code == 302
    revoked = Certificate.objects.get(pk=certificate.pk)
    assert revoked.revoked_at and revoked.revoked_by == staff
    client.logout()
    page = client.get(certificate.get_verify_url()).content.decode()
    assert "Revoked" in page and "Completed on a shared account" in page


def test_staff_without_the_revoke_permission_cannot_revoke(client, certificate):
    client.force_login(programme_staff("view_certificate"))
    url = f"/admin/certificate/revoke/{certificate.pk}/"
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"reason": "No"})
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None


def test_programme_staff_edit_a_template_and_choose_it_for_a_course(client):
    course = CoursePageFactory(title="Youth MHFA e-learning", programme="youth_mhfa")
    client.force_login(programme_staff("add_certificatetemplate", "change_certificatetemplate"))
    response = client.post(
        "/admin/snippets/certificates/certificatetemplate/add/",
        {
            "name": "Youth MHFA",
            "heading": "Youth MHFA certificate",
            "intro": "This is to certify that",
            "completion_text": "has completed",
            "body": "",
            "signatory_name": "Sam Lee",
            "signatory_role": "Programme lead",
            "accent_colour": "#00703c",
            "course_links-TOTAL_FORMS": "1",
            "course_links-INITIAL_FORMS": "0",
            "course_links-MIN_NUM_FORMS": "0",
            "course_links-MAX_NUM_FORMS": "1000",
            "course_links-0-course": str(course.pk),
            "course_links-0-id": "",
            "course_links-0-ORDER": "1",
            "course_links-0-DELETE": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    template = CertificateTemplate.objects.get(name="Youth MHFA")
    certificate = services.certificate_issue(enrollment_id=EnrollmentFactory(course=course).id)
    assert certificate.template == template
    assert certificate.wording["signatory_name"] == "Sam Lee"


def test_a_bad_accent_colour_is_refused(admin_client):
    template = CertificateTemplate.objects.get(is_default=True)
    response = edit_certificate_template(
        admin_client, template, heading="x", intro="x", completion_text="x", accent_colour="red;}"
    )
    assert response.status_code == 200
    template.refresh_from_db()
    assert template.accent_colour == "#1d4f91"
