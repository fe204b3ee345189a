"""Data requests in the admin: the list with the one-month deadline, a request recorded by staff
for someone who wrote in, carried out (erasure, export) with every action logged."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from lms.accounts.models import User
from lms.privacy.models import DataRequest, DataRequestAction, one_month_after
from tests.factories import DEFAULT_PASSWORD, UserFactory, give_totp

pytestmark = pytest.mark.django_db
LIST = "/admin/privacy/requests/"


@pytest.fixture(autouse=True)
def _eager(celery_eager):
    pass


def test_the_deadline_is_one_calendar_month():
    assert one_month_after(date(2026, 3, 15)) == date(2026, 4, 15)
    assert one_month_after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert one_month_after(date(2028, 1, 31)) == date(2028, 2, 29)
    assert one_month_after(date(2026, 12, 20)) == date(2027, 1, 20)


def test_staff_record_a_postal_request_and_see_it_with_its_deadline(admin_client, admin_user):
    UserFactory(email="writer@example.org", full_name="Pat Writer")
    response = admin_client.post(reverse("privacy_request_create"), {
        "kind": "erasure", "source": "post", "email": "WRITER@example.org",
        "received_on": "2026-01-31", "notes": "Letter dated 29 January; signature checked.",
    })
    request = DataRequest.objects.get()
    assert response.status_code == 302
    assert (request.person.email, request.source, request.due_on) == (
        "writer@example.org", "post", date(2026, 2, 28)
    )
    [received] = request.actions.all()
    assert received.action == "received" and received.actor == admin_user
    page = admin_client.get(LIST).content.decode()
    assert "writer@example.org" in page and "28 Feb 2026" in page and "Overdue" in page


def test_an_unknown_address_is_refused(admin_client):
    response = admin_client.post(reverse("privacy_request_create"), {
        "kind": "export", "source": "email", "email": "nobody@example.org", "received_on": "2026-11-30",
    })
    assert response.status_code == 200 and "No account has this email address." in response.content.decode()
    assert not DataRequest.objects.exists()


def test_staff_carry_out_an_erasure_once_and_it_is_logged(admin_client, admin_user):
    person = UserFactory(email="writer@example.org")
    admin_client.post(reverse("privacy_request_create"), {
        "kind": "erasure", "source": "email", "email": person.email, "received_on": "2026-11-30",
    })
    request = DataRequest.objects.get()
    url = reverse("privacy_request_detail", args=[request.pk])
    assert "Erase their account and data" in admin_client.get(url).content.decode()
    admin_client.post(url, {"action": "erase"})  # not confirmed: nothing happens
    assert User.objects.filter(pk=person.pk).exists()
    response = admin_client.post(url, {"action": "erase", "confirm": "yes"}, follow=True)
    assert "Their account and data have been erased." in response.content.decode()
    assert not User.objects.filter(pk=person.pk).exists()
    request.refresh_from_db()
    assert request.status == "done" and request.person is None and request.completed_at
    assert [(a.action, a.actor) for a in request.actions.all()] == [
        ("received", admin_user), ("erased", admin_user)
    ]
    admin_client.post(url, {"action": "erase", "confirm": "yes"})  # a replay erases nothing more
    assert request.actions.count() == 2
    assert "an erased account" in admin_client.get(LIST + "?all=1").content.decode()


def test_an_export_on_someones_behalf_is_started_downloaded_and_logged(
    admin_client, admin_user, celery_eager, django_capture_on_commit_callbacks
):
    person = UserFactory(email="asker@example.org")
    admin_client.post(reverse("privacy_request_create"), {
        "kind": "export", "source": "email", "email": person.email, "received_on": "2026-11-30",
    })
    request = DataRequest.objects.get()
    url = reverse("privacy_request_detail", args=[request.pk])
    download = reverse("privacy_request_download", args=[request.pk])
    assert admin_client.get(download)["Location"] == "/admin/"  # nothing to download yet
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "export"})
    assert request.actions.filter(action="export_started", actor=admin_user).exists()
    assert download in admin_client.get(url).content.decode()
    response = admin_client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert b"".join(response.streaming_content).startswith(b"PK")  # the person's ZIP
    assert request.actions.filter(action="export_downloaded", actor=admin_user).exists()
    admin_client.post(url, {"action": "done"})
    request.refresh_from_db()
    assert request.status == "done"
    assert list(request.actions.values_list("action", flat=True)) == [
        "received", "export_started", "export_downloaded", "closed"
    ]


def test_only_staff_with_the_permission_see_requests(client):
    DataRequest.objects.create(kind="export", source="email", person=UserFactory())
    learner = UserFactory()
    client.force_login(learner)
    assert client.get(LIST).status_code in (302, 403)
    trainer = UserFactory(is_staff=True)
    group = Group.objects.create(name="Trainers without data requests")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    trainer.groups.add(group)
    give_totp(trainer)
    staff_client = Client()
    staff_client.force_login(trainer)
    assert staff_client.get(LIST).status_code in (302, 403)
    group.permissions.add(Permission.objects.get(codename="view_datarequest"))
    assert staff_client.get(LIST).status_code == 200
    detail = reverse("privacy_request_detail", args=[DataRequest.objects.get().pk])
    assert staff_client.post(detail, {"action": "done"}).status_code in (302, 403)
    assert DataRequest.objects.get().status == "open"


def test_closing_an_account_appears_as_a_request_from_the_account(
    client, admin_client, django_capture_on_commit_callbacks
):
    person = UserFactory(email="leaver@example.org")
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/delete/", {"password": DEFAULT_PASSWORD})
    page = admin_client.get(LIST).content.decode()
    assert "leaver@example.org" in page and "From their account" in page
    assert DataRequestAction.objects.get().actor is None
