"""Wagtail admin: registry browsing, register upload, leads, campaigns and coverage reports."""

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from schools.models import Campaign, GiasImport, Institution, InstitutionStatus, Membership
from tests.factories import CoursePageFactory, UserFactory, give_totp

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "gias" / "example_schools_data.csv"


def trainer(client):
    """A trainer: uses the CMS admin but holds no schools permissions."""
    user = UserFactory(is_staff=True)
    group = Group.objects.create(name="Course writers without schools access")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    give_totp(user)
    client.force_login(user)
    return client


def test_registry_search_by_name_urn_postcode_and_filters(admin_client):
    camden, hackney = borough("Camden"), borough("Hackney")
    InstitutionFactory(name="Elm Park Primary", urn=111111, postcode="NW1 2AB", borough=camden)
    InstitutionFactory(name="Oak College", urn=None, kind="fe_college", postcode="E8 1AA", borough=hackney)
    InstitutionFactory(name="Old Closed School", status=InstitutionStatus.CLOSED, borough=hackney)
    url = "/admin/schools/institutions/"
    for query in ("elm park", "111111", "nw12ab"):
        page = admin_client.get(url, {"q": query}).content.decode()
        assert "Elm Park Primary" in page and "Oak College" not in page, query
    page = admin_client.get(url, {"borough": hackney.pk, "status": "open"}).content.decode()
    assert "Oak College" in page and "Elm Park" not in page and "Old Closed" not in page
    page = admin_client.get(url, {"kind": "fe_college"}).content.decode()
    assert "Oak College" in page and "Elm Park" not in page


def test_registry_filter_by_covered(admin_client):
    campaign = CampaignFactory(starts_on=date(2024, 1, 1))
    course = CoursePageFactory()
    covered = InstitutionFactory(name="Covered Academy")
    InstitutionFactory(name="Waiting Academy")
    member = MembershipFactory(institution=covered).user
    certify(member, course, when=timezone.now() - timedelta(days=2))
    url = "/admin/schools/institutions/"
    page = admin_client.get(url, {"coverage": f"c{campaign.pk}"}).content.decode()
    assert "Covered Academy" in page and "Waiting Academy" not in page
    page = admin_client.get(url, {"coverage": f"u{campaign.pk}"}).content.decode()
    assert "Waiting Academy" in page and "Covered Academy" not in page


def test_programme_staff_add_a_university(admin_client):
    response = admin_client.post(
        "/admin/schools/institutions/new/",
        {
            "name": "University of Somewhere",
            "kind": "university",
            "status": "open",
            "borough": borough("Camden").pk,
            "postcode": "WC1E 6BT",
            "urn": "",
            "ukprn": "10007784",
            "establishment_type": "",
            "phase": "",
            "opened_on": "",
            "closed_on": "",
            "pupil_count": "",
        },
    )
    assert response.status_code == 302
    uni = Institution.objects.get(name="University of Somewhere")
    assert (uni.kind, uni.urn, uni.ukprn, uni.source) == ("university", None, 10007784, "manual")


def test_upload_runs_the_import_as_a_task_and_shows_the_summary(
    admin_client, celery_eager, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("edubasealldata.csv", EXAMPLE.read_bytes(), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("schools_gias_import"), {"file": upload})
    record = GiasImport.objects.get()
    assert response["Location"] == reverse("schools_gias_import_detail", args=[record.pk])
    assert record.status == GiasImport.Status.DONE and record.summary["created"] == 9
    page = admin_client.get(response["Location"]).content.decode()
    assert "Skipped (outside London)" in page and "Line 14:" in page
    assert Institution.objects.count() == 9


def test_upload_of_a_bad_file_reports_why_and_changes_nothing(
    admin_client, celery_eager, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("report.xlsx", b"PK\x03\x04\x00\x00binary", content_type="application/zip")
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("schools_gias_import"), {"file": upload})
    record = GiasImport.objects.get()
    assert record.status == GiasImport.Status.FAILED
    page = admin_client.get(reverse("schools_gias_import_detail", args=[record.pk])).content.decode()
    assert "Nothing was imported" in page and "binary file" in page
    assert Institution.objects.count() == 0


def test_grant_and_withdraw_lead(admin_client):
    membership = MembershipFactory()
    membership.lead_requested_at = timezone.now()
    membership.save()
    page = admin_client.get("/admin/schools/memberships/", {"lead_requested": "true"}).content.decode()
    assert reverse("schools_lead_grant", args=[membership.pk]) in page
    admin_client.post(reverse("schools_lead_grant", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.role == Membership.Role.LEAD and membership.lead_requested_at is None
    admin_client.post(reverse("schools_lead_withdraw", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.role == Membership.Role.STAFF


def test_campaign_edit_with_kinds_as_checkboxes(admin_client):
    response = admin_client.post(
        "/admin/schools/campaigns/new/",
        {
            "name": "Youth MHFA in colleges",
            "starts_on": "2025-09-01",
            "ends_on": "",
            "programme": "youth_mhfa",
            "learner_target": "",
            "institution_kinds": ["fe_college", "sixth_form_college"],
            "staff_needed": "2",
            "certificate_valid_months": "36",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    campaign = Campaign.objects.get(name="Youth MHFA in colleges")
    assert campaign.institution_kinds == ["fe_college", "sixth_form_college"] and campaign.staff_needed == 2


def test_reports_show_figures_and_export(admin_client):
    campaign = CampaignFactory(starts_on=date(2024, 1, 1))
    course = CoursePageFactory()
    school = InstitutionFactory(name="Elm Park Primary", borough=borough("Camden"))
    InstitutionFactory(name="Oak Lane", borough=borough("Camden"))
    certify(MembershipFactory(institution=school).user, course, when=timezone.now() - timedelta(days=1))
    page = admin_client.get(reverse("schools_report_campaign")).content.decode()
    assert campaign.name in page and "Unique learners completed" in page
    page = admin_client.get(reverse("schools_report_boroughs")).content.decode()
    assert "Camden" in page and "50.0%" in page
    page = admin_client.get(
        reverse("schools_report_uncovered"), {"borough": borough("Camden").pk}
    ).content.decode()
    assert "Oak Lane" in page and "Elm Park Primary" not in page

    response = admin_client.get(reverse("schools_report_uncovered"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "Oak Lane" in response.content.decode("utf-8-sig")
    response = admin_client.get(reverse("schools_report_boroughs"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    # A heading, 33 boroughs, "Borough not given" and the total.
    assert rows[0][0] == "Borough" and len(rows) == 36 and rows[-1][0] == "Total"
    camden = next(r for r in rows if r[0] == "Camden")
    assert (camden[2], camden[3], camden[5]) == (1, 2, 50.0)
    weekly = admin_client.get(reverse("schools_report_campaign"), {"export": "csv"}).content.decode(
        "utf-8-sig"
    )
    assert weekly.splitlines()[0] == "Week beginning,Completions,Unique learners,Completions so far"


def test_trainers_without_schools_permissions_cannot_see_reports_or_upload(client):
    trainer(client)
    for name in (
        "schools_report_campaign",
        "schools_report_boroughs",
        "schools_report_uncovered",
        "schools_gias_import",
    ):
        response = client.get(reverse(name))  # Wagtail turns "permission denied" into a redirect home
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    membership = MembershipFactory()
    assert client.post(reverse("schools_lead_grant", args=[membership.pk]))["Location"] == "/admin/"
    membership.refresh_from_db()
    assert membership.role == Membership.Role.STAFF


def test_programme_staff_and_learners_search_the_registry_by_the_same_rule(admin_client):
    InstitutionFactory(name="Birch Park Primary", urn=111111, postcode="NW1 2AB")
    InstitutionFactory(name="Park View College", urn=None, ukprn=10001234, postcode="E8 1AA")
    InstitutionFactory(name="Old Closed School", status=InstitutionStatus.CLOSED, postcode="NW1 9ZZ")
    learner = Client()
    learner.force_login(UserFactory())
    names = ["Birch Park Primary", "Park View College", "Old Closed School"]
    for query, expected in [
        ("park", {"Birch Park Primary", "Park View College"}),
        ("10001234", {"Park View College"}),
        ("nw1", {"Birch Park Primary", "Old Closed School"}),
        ("e8 1a", {"Park View College"}),
    ]:
        admin_page = admin_client.get("/admin/schools/institutions/", {"q": query}).content.decode()
        learner_page = learner.get(reverse("schools:join"), {"q": query}).content.decode()
        assert {n for n in names if n in admin_page} == expected, query
        # learners are never offered a closed institution to join
        assert {n for n in names if n in learner_page} == expected - {"Old Closed School"}, query


def test_a_closed_institution_with_trained_staff_is_not_listed_as_covered(admin_client):
    campaign = CampaignFactory(starts_on=date(2024, 1, 1))
    course = CoursePageFactory()
    closed = InstitutionFactory(name="Shut Academy", status=InstitutionStatus.CLOSED)
    certify(MembershipFactory(institution=closed).user, course, when=timezone.now() - timedelta(days=2))
    page = admin_client.get("/admin/schools/institutions/", {"coverage": f"c{campaign.pk}"}).content.decode()
    assert "Shut Academy" not in page
