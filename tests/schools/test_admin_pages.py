"""The schools admin pages as programme staff meet them: their own titles, one Schools menu,
lead requests counted on the dashboard, and an upload that failed never announced as importing."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lms.queueing import enqueue
from schools import services
from schools.models import GiasImport

from .factories import CampaignFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url_name, title",
    [
        ("schools_gias_import", "Import the schools register"),
        ("schools_report_campaign", "Campaign progress"),
        ("schools_report_boroughs", "Coverage by borough"),
        ("schools_report_uncovered", "Institutions not yet covered"),
        ("schools_report_outreach", "Outreach list"),
    ],
)
def test_each_page_is_headed_and_titled_with_its_own_name(admin_client, url_name, title):
    CampaignFactory()
    page = admin_client.get(reverse(url_name)).content.decode()
    assert f"<title>{title}" in page
    assert re.search(r'<h1 class="w-sr-only">\s*' + re.escape(title), page)  # was "Home"
    assert re.search(r"breadcrumb.*?" + re.escape(title), page, re.S)


def test_register_imports_lead_requests_and_reports_sit_in_the_schools_menu(admin_client):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    for label in ("Register imports", "Lead requests", "Campaign progress", "Outreach list", "Institutions"):
        assert label in page, label


def test_the_dashboard_counts_waiting_lead_requests(admin_client):
    assert (
        "No request to be a lead is waiting."
        in admin_client.get(reverse("wagtailadmin_home")).content.decode()
    )
    for _ in range(2):
        MembershipFactory(lead_requested_at=timezone.now())
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<strong>2</strong> requests to be a lead are waiting for a decision" in page
    assert "?lead_requested=true" in page


def test_a_failed_upload_is_never_announced_as_being_imported(admin_client, celery_eager, monkeypatch):
    # Without a broker the task runs during the upload itself (queued once the upload commits).
    monkeypatch.setattr(services, "enqueue_on_commit", enqueue)
    upload = SimpleUploadedFile("report.xlsx", b"PK\x03\x04\x00\x00binary", content_type="application/zip")
    response = admin_client.post(reverse("schools_gias_import"), {"file": upload})
    assert GiasImport.objects.get().status == GiasImport.Status.FAILED
    texts = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert texts == [("error", "report.xlsx was not imported: see why below.")]


def test_a_running_import_shows_the_rows_read_so_far(admin_client):
    record = GiasImport.objects.create(
        file=SimpleUploadedFile("big.csv", b"x"),
        original_name="big.csv",
        status=GiasImport.Status.RUNNING,
        started_at=timezone.now(),
    )
    services._progress_reporter(record.pk)(12000)
    page = admin_client.get(reverse("schools_gias_import_detail", args=[record.pk])).content.decode()
    assert "12,000 rows read so far." in page


def test_borough_report_has_a_not_given_row_and_a_total_row_and_exports_them(admin_client):
    from datetime import timedelta

    from tests.factories import CoursePageFactory, UserFactory

    from .factories import InstitutionFactory, certify

    campaign = CampaignFactory()
    course = CoursePageFactory()
    for borough in ("", "", "E09000007"):  # two learners gave no borough, one gave Camden
        certify(UserFactory(borough=borough), course, when=timezone.now() - timedelta(days=2))
    for _ in range(3):
        InstitutionFactory()
    url = reverse("schools_report_boroughs")
    page = admin_client.get(url, {"campaign": campaign.pk}).content.decode()
    assert "Borough not given" in page and "<strong>Total</strong>" in page
    response = admin_client.get(url, {"campaign": campaign.pk, "export": "csv"})
    lines = response.content.decode("utf-8-sig").splitlines()
    not_given = next(line for line in lines if line.startswith("Borough not given"))
    total = next(line for line in lines if line.startswith("Total"))
    learners = 6  # the "Learners completed" column
    assert not_given.split(",")[learners] == "2" and total.split(",")[learners] == "3"
    assert total.split(",")[2:4] == ["0", "3"]  # covered, counted


def test_the_institution_page_shows_leads_members_coverage_and_history_not_raw_fields(admin_client):
    from tests.factories import UserFactory

    from .factories import InstitutionFactory

    CampaignFactory(name="Every school")
    school = InstitutionFactory(name="Elm Park Primary", ukprn=None, head_name="Ms Ada Head")
    MembershipFactory(institution=school, role="lead", user=UserFactory(full_name="Lee Lead"))
    MembershipFactory(institution=school, shares_completion=False)
    page = admin_client.get(reverse("schools_institution:inspect", args=[school.pk])).content.decode()
    assert "Lee Lead" in page and "2 members of staff joined, 1 sharing their training." in page
    assert "Every school:" in page and "not yet covered (0 trained, 1 needed)" in page
    assert "Ms Ada Head" in page and "Added " in page
    assert "None" not in page.split('id="institution-register"')[1]


def test_the_users_list_filters_staff_from_learners(admin_client):
    from tests.factories import UserFactory

    UserFactory(full_name="Stella Staff", is_staff=True)
    UserFactory(full_name="Leo Learner")
    staff = admin_client.get("/admin/users/", {"account": "staff"}).content.decode()
    assert "Stella Staff" in staff and "Leo Learner" not in staff
    learners = admin_client.get("/admin/users/", {"account": "learner"}).content.decode()
    assert "Leo Learner" in learners and "Stella Staff" not in learners


def test_campaign_report_has_a_date_range_a_running_total_chart_and_its_export(admin_client):
    import csv
    import io
    from datetime import datetime

    from tests.factories import CoursePageFactory, UserFactory

    from .factories import certify

    campaign = CampaignFactory(learner_target=100_000)
    course = CoursePageFactory()
    for day in (1, 8, 8, 15):  # three weeks of January 2025: 1, 2 and 1 completions
        when = timezone.make_aware(datetime(2025, 1, day, 12))
        certify(UserFactory(), course, when=when)
    url = reverse("schools_report_campaign")
    page = admin_client.get(url, {"campaign": campaign.pk}).content.decode()
    assert '<svg class="line-chart"' in page and "Completions so far" in page
    assert "100,000" in page  # thousands separators
    response = admin_client.get(url, {"campaign": campaign.pk, "start": "2025-01-06", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Week beginning", "Completions", "Unique learners", "Completions so far"]
    assert [r[1:] for r in rows[1:]] == [["2", "2", "3"], ["1", "1", "4"]]  # the total counts week one
    bad = admin_client.get(url, {"campaign": campaign.pk, "start": "2025-02-01", "end": "2025-01-01"})
    assert "The end date is before the start date." in bad.content.decode()
