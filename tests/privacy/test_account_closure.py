"""Delete my account: confirmation with the password (and the second factor), closed at once,
erased after the cool-off unless the holder signs in, emails both times, safe to submit twice."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from lms.accounts.models import AccountErasure, User
from lms.privacy.models import DataRequest
from tests.factories import DEFAULT_PASSWORD, UserFactory, give_totp

from .helpers import run_retention, sign_in, totp_code

pytestmark = pytest.mark.django_db
DELETE = "/accounts/delete/"


@pytest.fixture(autouse=True)
def _eager(celery_eager, settings):
    settings.SITE_URL = "https://training.example.org"
    settings.ACCOUNT_ERASURE_COOL_OFF_DAYS = 14


@pytest.fixture
def learner():
    return UserFactory(email="sam@example.org", full_name="Sam Leaver")


def close(client, learner, captured, **data):
    client.force_login(learner)
    with captured(execute=True):
        return client.post(DELETE, {"password": DEFAULT_PASSWORD, **data})


def closed_until(client, learner, captured):
    """Close the account over HTTP; returns when it is due to be erased."""
    close(client, learner, captured)
    return AccountErasure.objects.get(user=learner).erase_after


def test_the_account_page_links_to_deletion_and_the_page_says_what_happens(client, learner):
    client.force_login(learner)
    page = client.get(reverse("accounts_profile")).content.decode()
    assert f'href="{DELETE}"' in page
    page = client.get(DELETE).content.decode()
    assert "After 14 days we delete everything we hold about you" in page
    assert "sign in with your email address and password and your account opens again" in page
    assert 'type="password"' in page and 'name="code"' not in page  # no second factor set up


def test_a_wrong_or_missing_password_closes_nothing(client, learner, django_capture_on_commit_callbacks):
    client.force_login(learner)
    for data in ({"password": "not-my-password"}, {}):
        response = client.post(DELETE, data)
        assert response.status_code == 200
        assert "The password is not right" in response.content.decode() or (
            "Enter your password" in response.content.decode()
        )
    learner.refresh_from_db()
    assert learner.is_active and not AccountErasure.objects.exists()
    assert client.get(reverse("accounts_profile")).status_code == 200  # still signed in
    assert mail.outbox == []


def test_repeated_wrong_passwords_are_stopped(client, learner):
    client.force_login(learner)
    for _ in range(5):
        client.post(DELETE, {"password": "guess"})
    response = client.post(DELETE, {"password": DEFAULT_PASSWORD})
    assert "Too many wrong passwords" in response.content.decode()
    learner.refresh_from_db()
    assert learner.is_active


def test_the_right_password_closes_at_once_signs_out_and_emails(
    client, learner, django_capture_on_commit_callbacks
):
    other_device = client.__class__()
    other_device.force_login(learner)
    response = close(client, learner, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    erase_after = AccountErasure.objects.get(user=learner).erase_after
    assert "Your account is closed" in page
    assert f"{timezone.localtime(erase_after):%-d %B %Y}" in page
    learner.refresh_from_db()
    assert not learner.is_active
    # Signed out here and everywhere else.
    assert client.get(reverse("accounts_profile")).status_code == 302
    assert other_device.get(reverse("accounts_profile")).status_code == 302
    assert erase_after - timezone.now() > timedelta(days=13, hours=23)
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert email.subject == "Your account is closed and will be deleted"
    assert "Sign in before then" in email.body
    assert "https://training.example.org/accounts/login/" in email.body
    request = DataRequest.objects.get(person=learner)
    assert (request.kind, request.source, request.status) == ("erasure", "account", "open")


def test_submitting_twice_closes_once_and_sends_one_email(
    client, learner, django_capture_on_commit_callbacks
):
    close(client, learner, django_capture_on_commit_callbacks)
    # The same form posted again (a double click, the back button, a replay) from a second session.
    from lms.accounts.closure import account_close

    first = AccountErasure.objects.get(user=learner)
    with django_capture_on_commit_callbacks(execute=True):
        again = account_close(user=User.objects.get(pk=learner.pk))
    assert again.pk == first.pk and again.erase_after == first.erase_after
    assert len(mail.outbox) == 1
    assert DataRequest.objects.filter(person=learner).count() == 1
    assert client.post(DELETE, {"password": DEFAULT_PASSWORD}).status_code == 302  # to sign-in
    assert len(mail.outbox) == 1


def test_an_account_with_two_step_sign_in_also_needs_a_code(
    client, learner, django_capture_on_commit_callbacks
):
    authenticator = give_totp(learner)
    client.force_login(learner)
    assert 'name="code"' in client.get(DELETE).content.decode()
    response = client.post(DELETE, {"password": DEFAULT_PASSWORD})
    assert "Enter the code from your authenticator app" in response.content.decode()
    response = client.post(DELETE, {"password": DEFAULT_PASSWORD, "code": "000000"})
    assert "The code is not right" in response.content.decode()
    learner.refresh_from_db()
    assert learner.is_active
    code = totp_code(authenticator)
    response = close(client, learner, django_capture_on_commit_callbacks, code=code)
    assert response.status_code == 302
    learner.refresh_from_db()
    assert not learner.is_active


def test_a_used_code_cannot_be_replayed(client, learner, django_capture_on_commit_callbacks):
    authenticator = give_totp(learner)
    code = totp_code(authenticator)
    client.force_login(learner)
    # A wrong password first: the code is not spent on it.
    client.post(DELETE, {"password": "wrong", "code": code})
    from allauth.mfa.models import Authenticator

    assert Authenticator.objects.get(pk=authenticator.pk).wrap().validate_code(code)  # spends it
    response = client.post(DELETE, {"password": DEFAULT_PASSWORD, "code": code})
    assert "has been used already" in response.content.decode()
    learner.refresh_from_db()
    assert learner.is_active


def test_erased_after_the_cool_off_not_a_day_early_with_a_last_email(
    client, learner, django_capture_on_commit_callbacks
):
    erase_after = closed_until(client, learner, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    run_retention(erase_after - timedelta(days=1), django_capture_on_commit_callbacks)
    assert User.objects.filter(pk=learner.pk).exists() and mail.outbox == []
    result = run_retention(erase_after, django_capture_on_commit_callbacks)
    assert result["erased"] == 1
    assert not User.objects.filter(pk=learner.pk).exists()
    assert not User.objects.filter(email="sam@example.org").exists()
    [email] = mail.outbox
    assert email.to == ["sam@example.org"] and email.subject == "Your account has been deleted"
    assert "As you asked, we have deleted your account." in email.body
    request = DataRequest.objects.get()
    assert request.status == "done" and request.person is None
    # A second run finds nothing to do and sends nothing.
    run_retention(erase_after + timedelta(days=1), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_signing_in_during_the_cool_off_opens_the_account_again(
    client, learner, django_capture_on_commit_callbacks
):
    erase_after = closed_until(client, learner, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, learner)
    assert "Your account is open again and will not be deleted" in response.content.decode()
    assert [m.subject for m in mail.outbox] == [
        "Your account is closed and will be deleted", "Your account is open again"
    ]
    learner.refresh_from_db()
    assert learner.is_active and not AccountErasure.objects.exists()
    assert client.get(reverse("accounts_profile")).status_code == 200
    assert DataRequest.objects.get().status == "withdrawn"
    run_retention(erase_after + timedelta(days=1), django_capture_on_commit_callbacks)
    assert User.objects.filter(pk=learner.pk, is_active=True).exists()


def test_a_wrong_password_does_not_open_a_closed_account(
    client, learner, django_capture_on_commit_callbacks
):
    close(client, learner, django_capture_on_commit_callbacks)
    sign_in(client, learner, password="not-it")
    learner.refresh_from_db()
    assert not learner.is_active and AccountErasure.objects.exists()


def test_with_two_step_sign_in_the_account_opens_only_after_the_code(
    client, learner, django_capture_on_commit_callbacks
):
    authenticator = give_totp(learner)
    close(client, learner, django_capture_on_commit_callbacks, code=totp_code(authenticator))
    response = sign_in(client, learner)
    assert response.redirect_chain[-1][0].startswith("/accounts/2fa/authenticate/")
    learner.refresh_from_db()
    assert not learner.is_active  # the password alone opens nothing
    with time_machine.travel(timezone.now() + timedelta(seconds=31), tick=False):
        response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(authenticator)},
                               follow=True)
    assert "Your account is open again" in response.content.decode()
    learner.refresh_from_db()
    assert learner.is_active


def test_after_the_cool_off_signing_in_no_longer_opens_it(
    client, learner, django_capture_on_commit_callbacks
):
    erase_after = closed_until(client, learner, django_capture_on_commit_callbacks)
    with time_machine.travel(erase_after + timedelta(minutes=1), tick=False):
        sign_in(client, learner)
    learner.refresh_from_db()
    assert not learner.is_active


def test_a_closed_account_gets_no_other_emails(client, learner, django_capture_on_commit_callbacks):
    from lms.notifications.services import email_send

    close(client, learner, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    learner.refresh_from_db()
    sent = email_send(kind="courses.unfinished", user=learner, key="test:closed", context={
        "course_title": "A course", "module_title": "A module", "resume_url": "https://x/", "number": 1,
    })
    assert sent is False and mail.outbox == []
