"""Staff accounts: the "Programme staff" group can run the schools side of the admin and nothing
else; Wagtail's unused default "Editors" group is gone, "Moderators" stays while a workflow uses it."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import UserFactory, give_totp

from .factories import CampaignFactory

pytestmark = pytest.mark.django_db


def _programme_staff():
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Programme staff"))
    give_totp(user)
    client = Client()
    client.force_login(user)
    return user, client


def test_programme_staff_run_the_register_leads_campaigns_and_reports():
    CampaignFactory()
    user, client = _programme_staff()
    for perm in (
        "schools.view_campaign",
        "schools.add_giasimport",
        "schools.change_membership",
        "schools.change_institution",
        "wagtailadmin.access_admin",
    ):
        assert user.has_perm(perm), perm
    for url in (
        "/admin/schools/reports/outreach/",
        "/admin/schools/import/",
        "/admin/schools/institutions/",
        "/admin/schools/memberships/?lead_requested=true",
    ):
        assert client.get(url).status_code == 200, url
    assert not user.has_perm("wagtailcore.publish_page")
    assert not user.has_perm("certificates.change_certificate")


def test_unused_default_groups_are_gone_and_used_ones_stay():
    assert not Group.objects.filter(name="Editors").exists()
    assert Group.objects.filter(name="Moderators").exists()  # Wagtail's "Moderators approval" task names it
    assert {"Trainers", "Reviewers", "Programme staff"} <= set(Group.objects.values_list("name", flat=True))


def test_programme_staff_handle_data_requests_external_training_and_the_confidence_report():
    user, client = _programme_staff()
    for perm in (
        "privacy.change_datarequest",
        "schools.view_leadexport",
        "schools.change_externalrecord",
        "schools.add_registerimport",
        "courses.view_confidenceresponse",
    ):
        assert user.has_perm(perm), perm
    assert client.get("/admin/privacy/requests/").status_code == 200
    assert client.get("/admin/courses/reports/confidence/").status_code == 200
    assert not user.has_perm("courses.add_confidencecheck")  # trainers write the statements


def test_trainers_and_reviewers_write_confidence_checks():
    for name in ("Trainers", "Reviewers"):
        permissions = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"add_confidencecheck", "change_confidencecheck"} <= permissions
