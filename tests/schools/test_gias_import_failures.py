"""The register import never hangs and never loses a whole file to one bad cell.

Every failure ends an upload as failed with a reason a person understands; a bad cell rejects its
own row (with its line number), the other rows import; an upload whose task died is marked failed
once its time limit has passed.
"""

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from schools import gias, services
from schools.models import GiasImport, Institution
from schools.services import gias_import_bytes
from schools.tasks import import_gias_upload, sweep_gias_imports

from .test_gias_import import csv_bytes

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "gias" / "example_schools_data.csv"
GOOD = "30,202,Camden,Good School,Community school,LA,Open,Primary,,,,,,London"
LATER = "31,202,Camden,Later School,Community school,LA,Open,Primary,,,,,,London"


@pytest.mark.parametrize(
    ("pupils", "message"),
    [
        ("99999999999", "NumberOfPupils '99999999999' is too large"),
        ("2147483648", "NumberOfPupils '2147483648' is too large"),
        ("1e400", "NumberOfPupils '1e400' is not a whole number"),
        ("nan", "NumberOfPupils 'nan' is not a whole number"),
        ("9" * 500, "is too large"),
    ],
)
def test_an_out_of_range_number_rejects_its_row_and_the_rest_of_the_file_imports(pupils, message):
    summary = gias_import_bytes(
        raw=csv_bytes(
            GOOD,
            f"32,202,Camden,Huge School,Community school,LA,Open,Primary,,,{pupils},,,London",
            LATER,
        )
    )
    assert summary.created == 2
    assert summary.rejected == 1
    [[line, reason]] = summary.rejections
    assert line == 3 and reason.startswith("URN 32: ") and message in reason
    assert len(reason) < 200  # the reason quotes the cell, not 5,000 digits of it
    assert sorted(Institution.objects.values_list("urn", flat=True)) == [30, 31]


def test_the_largest_number_the_database_holds_is_accepted():
    row = "32,202,Camden,Big School,Community school,LA,Open,Primary,,,2147483647,2147483647,,London"
    assert gias_import_bytes(raw=csv_bytes(row)).created == 1
    assert Institution.objects.get(urn=32).pupil_count == 2_147_483_647


def test_an_out_of_range_urn_or_ukprn_rejects_its_row():
    summary = gias_import_bytes(
        raw=csv_bytes(
            "99999999999,202,Camden,Big URN,Community school,LA,Open,Primary,,,,,,London",
            "33,202,Camden,Big UKPRN,Community school,LA,Open,Primary,,,,99999999999,,London",
            GOOD,
        )
    )
    reasons = dict(summary.rejections)
    assert "URN '99999999999' is too large" in reasons[2]
    assert "UKPRN '99999999999' is too large" in reasons[3]
    assert list(Institution.objects.values_list("urn", flat=True)) == [30]


def test_an_oversized_quoted_field_rejects_its_row_with_its_lines_and_later_rows_import():
    # Far beyond the csv module's own 128 KB field limit, and spanning several lines.
    huge = "A very long name\r\n" * 12_000
    summary = gias_import_bytes(
        raw=csv_bytes(
            GOOD,
            f'34,202,Camden,"{huge}",Community school,LA,Open,Primary,,,,,,London',
            LATER,
        )
    )
    assert summary.created == 2
    [[line, reason]] = summary.rejections
    assert line == 3
    assert "EstablishmentName is 216,000 characters long" in reason
    assert "a quote" in reason and "(lines 3-12003) was not imported" in reason
    assert sorted(Institution.objects.values_list("urn", flat=True)) == [30, 31]
    # The csv module's limit is as it was: nothing else in the process is affected.
    assert csv.field_size_limit() == 131072


def test_a_quote_never_closed_is_reported_not_silently_swallowing_the_rows_after_it():
    summary = gias_import_bytes(
        raw=csv_bytes(
            GOOD,
            '35,202,Camden,"Unclosed School,Community school,LA,Open,Primary,,,,,,London',
            *[f"4{n},202,Camden,School {n},Community school,LA,Open,Primary,,,,,,London" for n in "012"],
        )
    )
    assert summary.created == 1
    [[line, reason]] = summary.rejections
    assert line == 3
    # Everything after the stray quote became one field: the person is told which lines were lost.
    assert "URN 35" in reason and "a quote" in reason and "(lines 3-6) was not imported" in reason


def test_a_record_the_csv_module_cannot_read_is_rejected_and_reading_continues():
    previous = csv.field_size_limit(20)  # what a lower limit elsewhere in the process would do
    try:
        reader = csv.reader(["a,b\n", "1," + "x" * 30 + "\n", "2,y\n"])
        next(reader)
        records = list(gias._records(reader))
    finally:
        csv.field_size_limit(previous)
    assert [(first, cells) for first, _, cells, _ in records] == [(2, None), (3, ["2", "y"])]
    assert "field larger than field limit" in str(records[0][3])


@pytest.mark.parametrize("code", ["²", "9" * 500, "-202", " "])
def test_an_odd_local_authority_code_never_stops_the_file(code):
    summary = gias_import_bytes(
        raw=csv_bytes(GOOD, f"36,{code},Somewhere,Odd Code,Community school,LA,Open,Primary,,,,,,London")
    )
    assert summary.created == 1
    [[line, reason]] = summary.rejections
    assert line == 3 and "is not a London borough" in reason


def test_a_close_date_before_the_open_date_already_held_rejects_the_row_not_the_file():
    gias_import_bytes(
        raw=csv_bytes("37,202,Camden,Opened School,Community school,LA,Open,Primary,01-09-2010,,,,,London")
    )
    header = "URN,LA (code),EstablishmentName,EstablishmentStatus (name),CloseDate\r\n"
    summary = gias_import_bytes(
        raw=csv_bytes("37,202,Opened School,Closed,31-08-2001", "38,202,New School,Open,", header=header)
    )
    [[line, reason]] = summary.rejections
    assert line == 2 and "CloseDate 31-08-2001 would be before the OpenDate 01-09-2010" in reason
    assert summary.created == 1
    assert Institution.objects.get(urn=37).closed_on is None


def test_the_command_reports_bad_rows_instead_of_a_traceback(tmp_path, capsys):
    path = tmp_path / "register.csv"
    path.write_bytes(
        csv_bytes(GOOD, "32,202,Camden,Huge School,Community school,LA,Open,Primary,,,99999999999,,,London")
    )
    call_command("import_gias", str(path))
    out = capsys.readouterr().out
    assert "Created: 1" in out and "Rejected: 1" in out
    assert "line 3: URN 32: NumberOfPupils '99999999999' is too large" in out


# --- Admin uploads ---------------------------------------------------------------------------


def upload(admin_client, raw, django_capture_on_commit_callbacks, name="edubasealldata.csv"):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("schools_gias_import"), {"file": SimpleUploadedFile(name, raw)})
    return GiasImport.objects.get()


def test_an_upload_with_a_bad_cell_imports_the_other_rows_and_lists_the_rejection(
    admin_client, celery_eager, django_capture_on_commit_callbacks
):
    raw = csv_bytes(GOOD, "32,202,Camden,Huge School,Community school,LA,Open,Primary,,,99999999999,,,London")
    record = upload(admin_client, raw, django_capture_on_commit_callbacks)
    assert record.status == GiasImport.Status.DONE
    page = admin_client.get(reverse("schools_gias_import_detail", args=[record.pk])).content.decode()
    assert "Line 3: URN 32: NumberOfPupils &#x27;99999999999&#x27; is too large" in page
    assert 'http-equiv="refresh"' not in page


def test_an_upload_whose_file_is_gone_fails_with_a_reason(
    admin_client, celery_eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        file = SimpleUploadedFile("edubasealldata.csv", csv_bytes(GOOD))
        admin_client.post(reverse("schools_gias_import"), {"file": file})
    record = GiasImport.objects.get()
    record.file.storage.delete(record.file.name)  # e.g. media kept on another machine
    import_gias_upload(record.pk)
    record.refresh_from_db()
    assert record.status == GiasImport.Status.FAILED
    assert "The uploaded file could not be read" in record.error and "upload the file again" in record.error
    assert record.finished_at is not None


def test_an_import_stopped_at_its_soft_time_limit_is_failed_with_a_reason(
    admin_client, celery_eager, django_capture_on_commit_callbacks, monkeypatch
):
    def too_slow(**kwargs):  # what Celery raises inside the task when the soft limit passes
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(services, "gias_import_bytes", too_slow)
    record = upload(admin_client, csv_bytes(GOOD), django_capture_on_commit_callbacks)
    assert record.status == GiasImport.Status.FAILED
    assert "took longer than its limit of 10 minutes" in record.error


def test_an_unexpected_error_fails_the_upload_instead_of_leaving_it_importing(
    admin_client, celery_eager, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(**kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "gias_import_bytes", broken)
    record = upload(admin_client, csv_bytes(GOOD), django_capture_on_commit_callbacks)
    assert record.status == GiasImport.Status.FAILED
    assert "unexpected error (RuntimeError)" in record.error
    assert "disk on fire" not in record.error  # details go to the logs
    page = admin_client.get(reverse("schools_gias_import_detail", args=[record.pk])).content.decode()
    assert "Nothing was imported" in page and 'http-equiv="refresh"' not in page


def test_an_upload_whose_task_died_is_failed_after_its_time_limit_and_the_page_stops_refreshing(admin_client):
    started = timezone.now() - timedelta(seconds=services.GIAS_IMPORT_TIME_LIMIT + 30)
    record = GiasImport.objects.create(
        file="gias-imports/x.csv", original_name="x.csv", status=GiasImport.Status.RUNNING, started_at=started
    )
    detail = reverse("schools_gias_import_detail", args=[record.pk])
    page = admin_client.get(detail).content.decode()
    # Within the limit plus a minute's grace it may still be running: the page keeps refreshing.
    assert 'http-equiv="refresh"' in page and "Importing" in page

    deadline = services.upload_queue(GiasImport).running_deadline()
    record.started_at = timezone.now() - deadline - timedelta(seconds=1)
    record.save()
    page = admin_client.get(detail).content.decode()
    record.refresh_from_db()
    assert record.status == GiasImport.Status.FAILED
    assert "did not finish within its time limit of 11 minutes" in record.error
    assert 'http-equiv="refresh"' not in page and "Not imported" in page
    # A late redelivery of the dead task changes nothing.
    import_gias_upload(record.pk)
    record.refresh_from_db()
    assert record.status == GiasImport.Status.FAILED


def test_the_sweep_fails_dead_and_never_started_uploads_and_requeues_waiting_ones(
    celery_eager, django_capture_on_commit_callbacks
):
    now = timezone.now()
    dead = GiasImport.objects.create(
        file="a.csv", original_name="a.csv", status=GiasImport.Status.RUNNING,
        started_at=now - timedelta(minutes=15),
    )
    running = GiasImport.objects.create(
        file="b.csv", original_name="b.csv", status=GiasImport.Status.RUNNING,
        started_at=now - timedelta(minutes=3),
    )
    never = GiasImport.objects.create(
        file="c.csv", original_name="c.csv", created_at=now - timedelta(hours=2)
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert sweep_gias_imports() == 0
    assert callbacks == []
    statuses = {r.original_name: r.status for r in GiasImport.objects.all()}
    assert statuses == {"a.csv": "failed", "b.csv": "running", "c.csv": "failed"}
    assert "never started" in GiasImport.objects.get(pk=never.pk).error
    assert dead.pk != running.pk

    # An upload waiting a few minutes (its task perhaps never queued) is queued again and imported.
    waiting = GiasImport.objects.create(
        file=SimpleUploadedFile("d.csv", csv_bytes(GOOD)), original_name="d.csv",
        created_at=now - timedelta(minutes=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_gias_imports() == 1
    waiting.refresh_from_db()
    assert waiting.status == GiasImport.Status.DONE and waiting.summary["created"] == 1


def test_running_the_import_task_twice_imports_once(
    admin_client, celery_eager, django_capture_on_commit_callbacks
):
    record = upload(admin_client, EXAMPLE.read_bytes(), django_capture_on_commit_callbacks)
    finished = record.finished_at
    import_gias_upload(record.pk)
    record.refresh_from_db()
    assert record.status == GiasImport.Status.DONE and record.finished_at == finished
