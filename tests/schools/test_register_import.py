"""Attendance register import over HTTP: rows for existing accounts become confirmed records, people
without an account are invited once and claim their record when they verify the address, every
unusable row is reported with its line and reason, and importing the same file again changes nothing."""

from datetime import date, timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lms.notifications.models import EmailSend
from schools import selectors
from schools.models import ExternalRecord, InstitutionKind, Membership, RegisterImport
from schools.register_import import RegisterSummary, register_import_bytes
from schools.services import upload_queue
from schools.tasks import sweep_gias_imports
from tests.factories import UserFactory

from .external_helpers import training
from .factories import CampaignFactory, InstitutionFactory

pytestmark = pytest.mark.django_db

HEADER = "email,name,date,training,institution URN"


@pytest.fixture
def world():
    campaign = CampaignFactory(institution_kinds=[InstitutionKind.SCHOOL], starts_on=date(2024, 1, 1))
    return {
        "campaign": campaign,
        "school": InstitutionFactory(name="Elm Park Primary", urn=100001),
        "training": training(campaign, name="Youth MHFA two-day"),
        "ada": UserFactory(email="ada@example.org", full_name="Ada Account"),
        "unverified": UserFactory(email="una@example.org", verified=False),
    }


def register(*lines) -> bytes:
    return ("\r\n".join([HEADER, *lines]) + "\r\n").encode("utf-8")


GOOD_AND_BAD = register(
    "ADA@example.org,Ada Account,14/03/2025,Youth MHFA two-day,100001",  # 2: account: confirmed
    "new@example.org,Nia New,14/03/2025,youth mhfa  two-day,100001",  # 3: no account: waits, invited
    "una@example.org,Una Unverified,14/03/2025,Youth MHFA two-day,100001",  # 4: unverified: waits
    "not-an-email,Bad Email,14/03/2025,Youth MHFA two-day,100001",  # 5
    "bob@example.org,Bob,31/02/2025,Youth MHFA two-day,100001",  # 6: no such date
    "bob@example.org,Bob,14/03/2025,Knitting for beginners,100001",  # 7: unknown training
    "bob@example.org,Bob,14/03/2025,Youth MHFA two-day,999999",  # 8: unknown URN
    "ada@example.org,Ada Account,14/03/2025,Youth MHFA two-day,100001",  # 9: repeats line 2
    "cat@example.org,Cat,14/03/2099,Youth MHFA two-day,100001",  # 10: future
    "short@example.org,Short",  # 11: too few fields
    '=HYPERLINK("http://evil"),Eve,14/03/2025,Youth MHFA two-day,100001',  # 12: formula, not an email
)


def upload(client, raw, name="register.csv"):
    return client.post(
        reverse("schools_register_import"), {"file": SimpleUploadedFile(name, raw, "text/csv")}
    )


def test_register_with_bad_rows_then_the_same_file_again(
    admin_client, world, mailoutbox, celery_eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, GOOD_AND_BAD)
    first = RegisterImport.objects.get()
    assert response["Location"] == reverse("schools_register_import_detail", args=[first.pk])
    assert first.status == "done", first.error
    summary = first.summary
    assert (summary["rows_read"], summary["confirmed"], summary["waiting"], summary["rejected"]) == (
        11,
        1,
        2,
        8,
    )
    reasons = dict((line, reason) for line, reason in summary["rejections"])
    assert sorted(reasons) == [5, 6, 7, 8, 9, 10, 11, 12]
    assert "not an email address" in reasons[5] and "not a date" in reasons[6]
    assert "not one of the recognised external trainings" in reasons[7] and "URN '999999'" in reasons[8]
    assert "already appear on line 2" in reasons[9] and "in the future" in reasons[10]
    page = admin_client.get(response["Location"]).content.decode()
    assert "Line 7:" in page and "Knitting for beginners" in page

    ada_record = ExternalRecord.objects.get(user=world["ada"])
    assert (ada_record.status, ada_record.source, ada_record.institution) == (
        "confirmed",
        "register",
        world["school"],
    )
    # The register says where Ada works: a confirmed membership that shares nothing with the lead.
    membership = Membership.objects.get(user=world["ada"])
    assert membership.confirmed_at and not membership.shares_completion
    # The two without a verified account wait, and are invited once each.
    assert sorted(m.to[0] for m in mailoutbox) == ["new@example.org", "una@example.org"]
    assert "Youth MHFA two-day" in mailoutbox[0].body and "/accounts/signup/" in mailoutbox[0].body
    assert ExternalRecord.objects.filter(user__isnull=True).count() == 2
    # Each invitation is in the platform's send log, under its own kind.
    assert EmailSend.objects.filter(kind="schools.register_invitation", status="sent").count() == 2

    # The rejected rows download as CSV, formulas disarmed.
    rejected = admin_client.get(reverse("schools_register_import_rejections", args=[first.pk]))
    text = rejected.content.decode("utf-8-sig")
    assert "Knitting for beginners" in text and "\n=" not in text and ",=" not in text

    # The same file again: nothing new, nobody emailed twice.
    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, GOOD_AND_BAD)
    second = RegisterImport.objects.exclude(pk=first.pk).get()
    assert (second.summary["unchanged"], second.summary["confirmed"], second.summary["waiting"]) == (3, 0, 0)
    assert ExternalRecord.objects.count() == 3 and len(mailoutbox) == 2
    assert selectors.campaign_summary(campaign=world["campaign"])["learners_completed"] == 1


def test_a_waiting_record_is_claimed_when_its_address_is_verified(
    client, admin_client, world, mailoutbox, celery_eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(admin_client, GOOD_AND_BAD)
    mailoutbox.clear()
    # Nia signs up with the address the register gave, and confirms it from her email.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {
                "email": "new@example.org",
                "full_name": "Nia New",
                "password1": "a-long-unusual-passphrase-41",
                "password2": "a-long-unusual-passphrase-41",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ExternalRecord.objects.get(email="new@example.org").user is None  # not before verifying
    link = next(word for word in mailoutbox[-1].body.split() if "/confirm-email/" in word)
    path = link.split("://", 1)[-1].split("/", 1)[1]
    client.post("/" + path)
    nia = EmailAddress.objects.get(email="new@example.org")
    assert nia.verified
    record = ExternalRecord.objects.get(email="new@example.org")
    assert record.user_id == nia.user_id and record.status == "confirmed"
    assert Membership.objects.filter(user_id=nia.user_id, institution=world["school"]).exists()
    assert selectors.campaign_summary(campaign=world["campaign"])["learners_completed"] == 2
    client.force_login(record.user)
    assert "Youth MHFA two-day" in client.get(reverse("courses:my_learning")).content.decode()


def test_a_file_that_is_not_a_register_fails_with_a_reason(
    admin_client, world, celery_eager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, b"name,colour\nAda,blue\n")
    record = RegisterImport.objects.get()
    assert record.status == "failed" and "missing column(s): 'email'" in record.error
    assert not ExternalRecord.objects.exists()
    # The upload's page says it was not imported, and why.
    page = admin_client.get(response["Location"]).content.decode()
    assert "Not imported" in page and "missing column(s)" in page


def test_a_register_import_whose_task_died_is_failed_and_one_never_queued_is_queued_again(
    admin_client, world, celery_eager, django_capture_on_commit_callbacks
):
    now = timezone.now()
    stuck = RegisterImport.objects.create(
        file="registers/x.csv", original_name="x.csv", status=RegisterImport.Status.RUNNING,
        started_at=now - timedelta(minutes=3),
    )
    detail = reverse("schools_register_import_detail", args=[stuck.pk])
    page = admin_client.get(detail).content.decode()
    # Within its limit it may still be running: the page refreshes and says when it will give up.
    assert 'http-equiv="refresh"' in page and "within about 7 minutes" in page

    stuck.started_at = now - upload_queue(RegisterImport).running_deadline() - timedelta(seconds=1)
    stuck.save()
    page = admin_client.get(detail).content.decode()
    stuck.refresh_from_db()
    assert stuck.status == RegisterImport.Status.FAILED
    assert "did not finish within its time limit of 6 minutes" in stuck.error
    assert 'http-equiv="refresh"' not in page and "Not imported" in page

    # A register upload whose task was never queued (the broker was down) is queued again by the
    # sweep, and imported.
    waiting = RegisterImport.objects.create(
        file=SimpleUploadedFile("late.csv", GOOD_AND_BAD, "text/csv"), original_name="late.csv",
        created_at=now - timedelta(minutes=5),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_gias_imports() == 1
    waiting.refresh_from_db()
    assert waiting.status == RegisterImport.Status.DONE and waiting.summary["confirmed"] == 1


def test_only_programme_staff_import_registers(client, world):
    client.force_login(UserFactory())
    assert client.get(reverse("schools_register_import")).status_code in (302, 403)


# PostgreSQL: SQLite splits a bulk insert into batches of at most 999 parameters, so there the count
# grows with the rows by design of SQLite, not of the import.
@pytest.mark.needs("postgresql")
@pytest.mark.parametrize("rows", [10, 200])
def test_register_import_runs_a_fixed_number_of_queries(world, rows, django_assert_num_queries):
    lines = [f"p{n}@example.org,Person {n},14/03/2025,Youth MHFA two-day,100001" for n in range(rows)]
    lines += [f"known{n}@example.org,X,14/03/2025,Youth MHFA two-day,100001" for n in range(3)]
    for n in range(3):
        UserFactory(email=f"known{n}@example.org")
    # Trainings, institutions, records held, verified accounts, insert records, insert memberships,
    # and the savepoint around them.
    with django_assert_num_queries(8):
        summary = register_import_bytes(raw=register(*lines), file_name="big.csv")
    assert isinstance(summary, RegisterSummary) and summary.rejected == 0
    assert (summary.waiting, summary.confirmed) == (rows, 3)
