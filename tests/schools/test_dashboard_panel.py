from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from schools.models import InstitutionKind
from tests.factories import CoursePageFactory, StaffUserFactory, UserFactory, give_totp

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, certify

pytestmark = pytest.mark.django_db


def test_programme_staff_see_campaign_figures_and_report_links(client):
    campaign = CampaignFactory(
        name="London goal", learner_target=100_000, institution_kinds=[InstitutionKind.SCHOOL],
        starts_on=date(2024, 1, 1),
    )
    course = CoursePageFactory()
    campaign.courses.add(course)
    teacher = UserFactory()
    MembershipFactory(user=teacher, institution=InstitutionFactory())
    certify(teacher, course, when=timezone.now() - timedelta(days=1))
    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert "Campaign figures" in html and "London goal" in html
    assert "1 learners completed of a target of 100,000" in html
    assert "1 of 1 institutions covered (100.0%)" in html
    assert "/admin/schools/reports/boroughs/" in html


def test_editors_without_report_permission_do_not_see_the_panel(client):
    from django.contrib.auth.models import Group

    trainer = UserFactory(is_staff=True)
    trainer.groups.add(Group.objects.get(name="Trainers"))
    give_totp(trainer)
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert "Campaign figures" not in html
    assert Permission.objects.filter(codename="access_admin").exists()
