"""Download my data, over HTTP: asking (twice), the email, the archive's contents, who may download
it, and its deletion after 7 days."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms.privacy import services
from lms.privacy.models import DataExport
from lms.privacy.registry import entries
from tests.factories import DEFAULT_PASSWORD, UserFactory

from .builders import EMAIL, NAME, person_with_everything

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

EXPORT_URL = "/accounts/my-data/"


@pytest.fixture
def person():
    return person_with_everything(courses=2, completed=1)


def _ask(client, capture):
    with capture(execute=True):
        return client.post(EXPORT_URL)


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[-1].split("/", 1)[-1]


def test_asking_twice_prepares_one_copy_and_emails_a_link_that_only_the_owner_can_open(
    client, person, django_capture_on_commit_callbacks
):
    client.force_login(person)
    assert "Download my data" in client.get("/accounts/profile/").content.decode()
    mail.outbox.clear()

    # A double click: the second post finds the export the first started; one task builds it.
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(EXPORT_URL)
        second = client.post(EXPORT_URL)
    assert first.status_code == second.status_code == 302
    export = DataExport.objects.get(user=person)
    assert export.status == DataExport.Status.READY
    assert [m.to for m in mail.outbox] == [[EMAIL]]
    assert mail.outbox[0].subject == "Your data is ready to download"
    link = _path(next(w for w in mail.outbox[0].body.split() if "/accounts/my-data/" in w))
    assert link == reverse("privacy:download", kwargs={"public_id": export.public_id})

    page = client.get("/accounts/profile/").content.decode()
    assert link in page and "Available until" in page

    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "no-store" in response["Cache-Control"]
    assert zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).testzip() is None

    # Someone else, signed in, gets a 404; nobody signed out gets the file.
    client.logout()
    assert client.get(link).status_code == 302
    assert client.login(email=UserFactory().email, password=DEFAULT_PASSWORD)
    assert client.get(link).status_code == 404


def test_one_export_is_prepared_at_a_time(person):
    """Without a worker (the task is queued, not run), every further request returns the same one."""
    first = services.person_export_start(person)
    assert services.person_export_start(person) == first
    assert DataExport.objects.filter(user=person).count() == 1
    assert first.status == DataExport.Status.PENDING


def test_the_archive_holds_every_registered_entry_and_the_certificate_pdfs(
    client, person, django_capture_on_commit_callbacks
):
    client.force_login(person)
    _ask(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=person, status="ready")
    response = client.get(reverse("privacy:download", kwargs={"public_id": export.public_id}))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = set(archive.namelist())
    keys = [entry.key for entry in entries()]
    assert {"summary.html", "data.json"} <= names
    assert {f"csv/{key}.csv" for key in keys} <= names

    data = json.loads(archive.read("data.json"))
    assert set(data["sections"]) == set(keys)
    sections = {key: section["rows"] for key, section in data["sections"].items()}
    assert sections["accounts.profile"][0]["full_name"] == NAME
    addresses = {row["email"] for row in sections["accounts.email_addresses"]}
    assert addresses == {EMAIL, "zadie.other@example.org"}
    assert len(sections["courses.enrollments"]) == 2
    assert len(sections["courses.module_progress"]) == 4
    assert [row["score"] for row in sections["courses.assessment_attempts"]] == [100, 100]
    [membership] = sections["schools.memberships"]
    assert membership["shares_completion"]
    assert [row["kind"] for row in sections["notifications.preferences"]] == ["courses.unfinished"]
    assert "certificates.issued" in {row["kind"] for row in sections["notifications.sent"]}
    assert any(row.get("type") == "totp" for row in sections["accounts.sign_in"])
    assert "secret" not in json.dumps(sections["accounts.sign_in"]).lower()

    [certificate] = sections["certificates.certificates"]
    pdf = archive.read(certificate["pdf"])
    assert pdf.startswith(b"%PDF")

    summary = archive.read("summary.html").decode()
    assert NAME in summary and certificate["verification_code"] in summary
    for entry in entries():
        assert str(entry.label) in summary.replace("&#x27;", "'")
    assert "<script" not in summary and "<style" not in summary

    csv_rows = archive.read("csv/courses.enrollments.csv").decode().splitlines()
    assert csv_rows[0].split(",")[:1] == ["started_at"] and len(csv_rows) == 3


def test_a_spreadsheet_never_runs_a_name_as_a_formula(client, django_capture_on_commit_callbacks):
    person = person_with_everything(courses=0, completed=0, full_name="=HYPERLINK(1)")
    content = services.person_export_archive(person, generated_at=timezone.now())
    profile = zipfile.ZipFile(io.BytesIO(content)).read("csv/accounts.profile.csv").decode()
    assert "'=HYPERLINK(1)" in profile


def test_the_file_is_deleted_after_7_days(client, person, django_capture_on_commit_callbacks):
    client.force_login(person)
    _ask(client, django_capture_on_commit_callbacks)
    export = DataExport.objects.get(user=person, status="ready")
    link = reverse("privacy:download", kwargs={"public_id": export.public_id})
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)

    with time_machine.travel(timezone.now() + timedelta(days=6, hours=23)):
        services.exports_purge_expired()
        assert client.get(link).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        assert client.get(link).status_code == 404  # expired, even before the purge runs
        assert services.exports_purge_expired() == 1
        assert not storage.exists(name)
        assert not DataExport.objects.filter(pk=export.pk).exists()
        assert "Ask for a copy of my data" in client.get("/accounts/profile/").content.decode()


def test_the_purge_runs_every_hour():
    from django.conf import settings

    assert any(
        job["task"] == "lms.privacy.tasks.purge_exports" for job in settings.CELERY_BEAT_SCHEDULE.values()
    )


def test_asking_needs_sign_in_and_a_post(client, person):
    assert client.post(EXPORT_URL).status_code == 302
    assert not DataExport.objects.exists()
    client.force_login(person)
    assert client.get(EXPORT_URL).status_code == 405


def test_gathering_the_data_takes_the_same_queries_however_many_courses(django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    small = person_with_everything(courses=1, completed=1, pdfs=False)
    big = person_with_everything(courses=4, completed=3, pdfs=False, email="b@example.org", full_name="B B")
    with CaptureQueriesContext(connection) as captured:
        services.person_export_data(small)
    with django_assert_num_queries(len(captured.captured_queries)):
        services.person_export_data(big)


def test_running_the_task_again_builds_and_emails_nothing_more(person):
    export = services.person_export_start(person)
    mail.outbox.clear()
    services.person_export_build(export_id=export.pk)
    name = DataExport.objects.get(pk=export.pk).file.name
    services.person_export_build(export_id=export.pk)
    assert DataExport.objects.get(pk=export.pk).file.name == name
    assert len(mail.outbox) == 1
