"""Account emails are the platform's: its layout and name, British English in sentence case, both
parts, the crisis line, every link on the configured public address (never the request's host)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://training.example.org"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver", "evil.example"]


def _html(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def _check_platform_email(message):
    html = _html(message)
    assert message.subject == message.subject[0].upper() + message.subject[1:].lower()  # sentence case
    for part in (message.body, html):
        assert "Hello from" not in part and "{{" not in part and "{%" not in part
        assert "116 123" in part  # the crisis line
        assert "London" in part  # the platform's name
        links = re.findall(r"https?://[^\s\"'<>]+", part)
        assert links
        for link in links:
            assert link.startswith(PUBLIC), link
    return html


def test_sign_up_confirmation_is_the_platforms_own_on_the_public_address(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.learner@example.org", "password1": "a-long-passphrase-9",
         "password2": "a-long-passphrase-9", "full_name": "New Learner", "borough": "",
         "role": ""},
        HTTP_HOST="evil.example",
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Confirm your email address"
    _check_platform_email(message)
    assert f"{PUBLIC}/accounts/confirm-email/" in message.body
    assert "evil.example" not in message.body


def test_signing_up_again_with_an_existing_address_sends_the_platforms_notice(client):
    UserFactory(email="taken@example.org")
    client.post(
        reverse("account_signup"),
        {"email": "taken@example.org", "password1": "a-long-passphrase-9",
         "password2": "a-long-passphrase-9", "full_name": "Someone", "borough": "", "role": ""},
    )
    (message,) = mail.outbox
    assert message.subject == "You already have an account"
    _check_platform_email(message)
    assert "finalize" not in message.body


def test_password_reset_link_is_on_the_public_address(client):
    UserFactory(email="forgetful@example.org")
    client.post(reverse("account_reset_password"), {"email": "forgetful@example.org"},
                HTTP_HOST="evil.example")
    (message,) = mail.outbox
    assert message.subject == "Reset your password"
    _check_platform_email(message)
    assert f"{PUBLIC}/accounts/password/reset/key/" in message.body


def test_changing_a_password_sends_a_security_notice(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("account_change_password"), {
        "oldpassword": DEFAULT_PASSWORD, "password1": "another-long-passphrase-3",
        "password2": "another-long-passphrase-3",
    })
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.subject == "Your password was changed"
    assert message.to == [user.email]
    html = _check_platform_email(message)
    assert "If this was not you, reset your password now" in html
    assert EmailAddress.objects.filter(user=user).exists()
