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
