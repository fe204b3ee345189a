"""Preferences and one-click unsubscribe over HTTP: signed per-learner links that work without
signing in, a GET that changes nothing, and forged or altered links that do nothing."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from lms.notifications.models import EmailOptOut
from lms.notifications.services import email_send
from lms.notifications.tokens import unsubscribe_token
from tests.factories import UserFactory
from tests.notifications.conftest import REMINDER

pytestmark = pytest.mark.django_db


def _unsubscribe_path(message):
    return message.extra_headers["List-Unsubscribe"][1:-1].split("://", 1)[1].split("/", 1)[1]


def test_one_click_unsubscribe_from_the_header_works_without_signing_in(reminder_kind):
    user = UserFactory()
    email_send(kind=REMINDER, user=user, key="k1", context={})
    path = "/" + _unsubscribe_path(mail.outbox[0])
    mail_program = Client(enforce_csrf_checks=True)  # no cookies, no CSRF token: as RFC 8058 posts

    response = mail_program.post(path, data="List-Unsubscribe=One-Click",
                                 content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert "You will no longer get" in response.content.decode()
    assert EmailOptOut.objects.filter(user=user, kind=REMINDER, source="unsubscribe").exists()
    assert not email_send(kind=REMINDER, user=user, key="k2", context={})
    assert len(mail.outbox) == 1


def test_opening_the_link_asks_first_and_changes_nothing(reminder_kind):
    user = UserFactory()
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(user=user, kind=REMINDER)])

    response = Client().get(path)

    assert response.status_code == 200
    assert "Stop these emails" in response.content.decode()
    assert not EmailOptOut.objects.exists()


@pytest.mark.parametrize("alter", ["signature", "user", "kind", "garbage"])
def test_a_forged_or_altered_link_does_nothing(reminder_kind, alter):
    user, other = UserFactory(), UserFactory()
    token = unsubscribe_token(user=user, kind=REMINDER)
    if alter == "signature":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    elif alter == "user":  # someone else's id with this learner's signature
        forged = unsubscribe_token(user=other, kind=REMINDER)
        token = forged.rsplit(":", 1)[0] + ":" + token.rsplit(":", 1)[1]
    elif alter == "kind":  # an essential kind cannot be unsubscribed from, even when signed
        token = unsubscribe_token(user=user, kind="certificates.issued")
    else:
        token = "not-a-token"
    path = reverse("notifications:unsubscribe", args=[token])

    for response in (Client().get(path), Client().post(path, data={"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert not EmailOptOut.objects.exists()


def test_the_preferences_page_needs_signing_in(client, reminder_kind):
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_learner_turns_reminders_off_and_on_again(client, reminder_kind):
    user = UserFactory()
    client.force_login(user)
    url = reverse("notifications:preferences")

    page = client.get(url).content.decode()
    assert "Reminders about a course you started" in page
    assert 'value="tests.reminder"' in page and "checked" in page

    response = client.post(url, {})  # nothing ticked
    assert response.status_code == 302
    assert EmailOptOut.objects.filter(user=user, kind=REMINDER, source="preferences").exists()
    assert "checked" not in client.get(url).content.decode().split('value="tests.reminder"')[1][:40]

    client.post(url, {"receive": [REMINDER]})
    assert not EmailOptOut.objects.filter(user=user, kind=REMINDER).exists()


def test_a_choice_that_is_not_offered_is_refused(client, reminder_kind):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("notifications:preferences"), {"receive": ["certificates.issued"]})
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not EmailOptOut.objects.exists()
