"""The platform's emails: one layout with both parts, absolute links on the public address, at most
one send per (kind, key), failures retried, opt-outs, deactivated and unverified accounts respected."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db.models import QuerySet

from certificates.emails import CERTIFICATE_ISSUED
from lms.notifications.dispatch import emails_dispatch_due
from lms.notifications.models import EmailChoice, EmailSend
from lms.notifications.registry import Due
from lms.notifications.services import email_send
from tests.concurrency import Rendezvous, run_together
from tests.factories import UserFactory
from tests.notifications.conftest import REMINDER

LONDON = ZoneInfo("Europe/London")


def _html(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")


def _links(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


@pytest.mark.django_db
def test_an_essential_email_has_both_parts_the_layout_and_no_unsubscribe(settings):
    settings.SITE_URL = "https://training.example.org"
    user = UserFactory(full_name="Ada Lovelace")
    context = {
        "certificate": {"learner_name": "Ada Lovelace", "course_title": "Sample course",
                        "display_code": "ABCD-EFGH-JKMN-PQRS"},
        "page_url": "https://training.example.org/certificates/ABCD-EFGH-JKMN-PQRS/",
        "verify_url": "https://training.example.org/certificates/verify/ABCD-EFGH-JKMN-PQRS/",
    }

    assert email_send(kind=CERTIFICATE_ISSUED, user=user, key="certificate:1", context=context)

    (message,) = mail.outbox
    html = _html(message)
    assert message.subject == "Your certificate is ready"
    assert message.to == [user.email]
    for part in (message.body, html):
        assert "Hello Ada Lovelace" in part
        assert "Samaritans" in part and "116 123" in part  # the crisis line, in every email
        assert "essential email" in part
        assert "{{" not in part and "{%" not in part  # nothing left unrendered
        assert settings.SITE_NAME in part
        for link in _links(part):
            assert link.rstrip("/") == settings.SITE_URL or link.startswith(settings.SITE_URL + "/")
    assert "List-Unsubscribe" not in message.extra_headers
    assert html.startswith("<!DOCTYPE html>") and 'lang="en-gb"' in html


@pytest.mark.django_db
def test_a_non_essential_email_carries_one_click_unsubscribe(settings, reminder_kind):
    settings.SITE_URL = "https://training.example.org"
    user = UserFactory(full_name="Sam Lee")

    email_send(kind=REMINDER, user=user, key="enrollment:1:day3",
               context={"resume_url": "https://training.example.org/courses/sample/module-2/"})

    (message,) = mail.outbox
    assert message.subject == "Your training"  # says nothing of the topic on a lock screen
    header = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<https://training\.example\.org/emails/unsubscribe/[^>]+/>", header)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header[1:-1]
    assert url in message.body and url in _html(message)
    assert "https://training.example.org/emails/preferences/" in message.body


@pytest.mark.django_db
def test_each_kind_and_key_is_sent_at_most_once(reminder_kind):
    user = UserFactory()
    assert email_send(kind=REMINDER, user=user, key="k1", context={"resume_url": "x"})
    assert not email_send(kind=REMINDER, user=user, key="k1", context={"resume_url": "x"})
    assert email_send(kind=REMINDER, user=user, key="k2", context={"resume_url": "x"})
    assert len(mail.outbox) == 2
    assert EmailSend.objects.filter(status=EmailSend.Status.SENT).count() == 2


class FailingOnce:
    """An email backend whose first send fails, as an SMTP relay that is down for a moment."""

    calls = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls == 1:
            raise ConnectionRefusedError("relay down")
        mail.outbox.extend(messages)
        return len(messages)


@pytest.mark.django_db
def test_a_failed_send_is_recorded_and_a_retry_sends_it_once(settings, reminder_kind):
    settings.EMAIL_BACKEND = "tests.notifications.test_sending.FailingOnce"
    FailingOnce.calls = 0
    user = UserFactory()

    with pytest.raises(ConnectionRefusedError):
        email_send(kind=REMINDER, user=user, key="k", context={"resume_url": "x"})
    row = EmailSend.objects.get(kind=REMINDER, key="k")
    assert (row.status, row.attempts, row.error) == ("failed", 1, "ConnectionRefusedError")

    assert email_send(kind=REMINDER, user=user, key="k", context={"resume_url": "x"})
    assert not email_send(kind=REMINDER, user=user, key="k", context={"resume_url": "x"})
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 2)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_opted_out_deactivated_and_unverified_people_get_no_reminders(reminder_kind):
    opted_out = UserFactory()
    EmailChoice.objects.create(user=opted_out, kind=REMINDER, receive=False)
    deactivated = UserFactory(is_active=False)
    unverified = UserFactory(verified=False)
    for user in (opted_out, deactivated, unverified):
        assert not email_send(kind=REMINDER, user=user, key=f"u{user.pk}", context={})
    assert mail.outbox == []
    assert set(EmailSend.objects.values_list("status", flat=True)) == {"skipped"}


@pytest.mark.django_db
def test_essential_emails_go_even_to_someone_who_turned_reminders_off(reminder_kind):
    user = UserFactory()
    EmailChoice.objects.create(user=user, kind=REMINDER, receive=False)
    context = {"certificate": {"learner_name": "A", "course_title": "C", "display_code": "X"},
               "page_url": "u", "verify_url": "v"}
    assert email_send(kind=CERTIFICATE_ISSUED, user=user, key="certificate:9", context=context)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_dispatcher_sends_only_in_the_daytime_window_london_time(settings, reminder_kind):
    settings.NOTIFICATIONS_SENDING_HOURS = (9, 20)
    user = UserFactory()
    reminder_kind.due.append(Due(user=user, key="enrollment:1:day3", context={"resume_url": "x"}))

    # 08:30 in London in summer is 07:30 UTC: too early. 20:00 is the end of the window.
    assert emails_dispatch_due(now=datetime(2026, 7, 1, 8, 30, tzinfo=LONDON)) == {}
    assert emails_dispatch_due(now=datetime(2026, 7, 1, 20, 0, tzinfo=LONDON)) == {}
    assert mail.outbox == []
    assert emails_dispatch_due(now=datetime(2026, 7, 1, 9, 0, tzinfo=LONDON))[REMINDER] == 1
    assert emails_dispatch_due(now=datetime(2026, 7, 1, 10, 0, tzinfo=LONDON))[REMINDER] == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_dispatcher_sends_in_batches(settings, reminder_kind):
    users = UserFactory.create_batch(5)
    reminder_kind.due.extend(Due(user=u, key=f"e{u.pk}", context={}) for u in users)
    noon = datetime(2026, 3, 2, 12, 0, tzinfo=LONDON)
    assert emails_dispatch_due(now=noon, batch_size=2)[REMINDER] == 2
    # The finder of a real kind leaves out what the send log already has; this one does not, so
    # the claim in the send log is what keeps the first two from going again.
    assert emails_dispatch_due(now=noon, batch_size=4)[REMINDER] == 2
    assert len(mail.outbox) == 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.needs("postgresql")
def test_two_overlapping_runs_send_each_email_once(reminder_kind, monkeypatch):
    """Guarded by the send log's one row per (kind, key): both runs have found the same emails due
    and both have looked in the send log for the first one before either claims it (a rendezvous,
    tests/concurrency.py, not timing); the database lets one claim through. Without that
    constraint the first email goes twice on every run."""
    users = UserFactory.create_batch(6)
    reminder_kind.due.extend(Due(user=u, key=f"e{u.pk}", context={}) for u in users)
    noon = datetime(2026, 3, 2, 12, 0, tzinfo=LONDON)
    rendezvous = Rendezvous()
    create = QuerySet.create

    def meet_then_create(queryset, **kwargs):  # get_or_create: after "no row yet", before the insert
        if queryset.model is EmailSend:
            rendezvous.meet()
        return create(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "create", meet_then_create)
    results = run_together(
        lambda: emails_dispatch_due(now=noon), lambda: emails_dispatch_due(now=noon),
        rendezvous=rendezvous,
    )

    assert sum(result[REMINDER] for result in results) == 6
    assert len(mail.outbox) == 6
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
