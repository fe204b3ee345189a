"""Sending for real: through Django's SMTP backend to an SMTP server this test starts, reading back
what it received (both parts, the headers, the links)."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller

from lms.notifications.services import email_send
from tests.factories import UserFactory
from tests.notifications.conftest import REMINDER


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 10
    yield inbox
    controller.stop()


@pytest.mark.django_db
def test_a_reminder_sent_through_a_real_smtp_server_arrives_whole(settings, smtp_server, reminder_kind):
    settings.SITE_URL = "https://training.example.org"
    user = UserFactory(full_name="Noor Rahman")

    assert email_send(kind=REMINDER, user=user, key="k", context={
        "resume_url": "https://training.example.org/courses/sample/module-2/",
    })

    (recipients, raw), = smtp_server.messages
    assert recipients == [user.email]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Your training"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = str(message["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<https://training.example.org/emails/unsubscribe/")
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for part in (text, html):
        assert "Hello Noor Rahman" in part
        assert "https://training.example.org/courses/sample/module-2/" in part
        assert unsubscribe[1:-1] in part
        assert "116 123" in part
