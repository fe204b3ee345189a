"""The periodic dispatcher: one hourly task asks every registered kind of email who is due, from
the database, and sends inside the daytime window (London time), in batches, each at most once."""

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from . import registry
from .services import email_send

logger = logging.getLogger(__name__)


def within_sending_hours(now: datetime) -> bool:
    """Reminders go between NOTIFICATIONS_SENDING_HOURS (start inclusive, end exclusive), London time:
    nobody is woken by one, and nothing arrives in the middle of the night."""
    start, end = settings.NOTIFICATIONS_SENDING_HOURS
    local = timezone.localtime(now, ZoneInfo(settings.TIME_ZONE))
    return start <= local.hour < end


def emails_dispatch_due(*, now: datetime | None = None, batch_size: int | None = None) -> dict:
    """Send what is due of every periodic kind. Returns {kind: number sent now}.

    Safe to run twice at once (two ticks overlapping) and after a crash mid-batch: each email is
    claimed in the send log before it goes, so only one run sends it and nothing goes twice; what
    a crashed run never reached is found again by the next tick."""
    now = now or timezone.now()
    if not within_sending_hours(now):
        return {}
    batch_size = batch_size or settings.NOTIFICATIONS_BATCH_SIZE
    sent = {}
    for kind in registry.all_kinds():
        if kind.find_due is None:
            continue
        count = 0
        for due in kind.find_due(now=now, limit=batch_size):
            try:
                count += email_send(kind=kind.key, user=due.user, key=due.key, context=due.context)
            except Exception:  # marked failed in the send log; a later tick retries it
                logger.warning("Could not send %s %s; it will be retried", kind.key, due.key)
        sent[kind.key] = count
    if any(sent.values()):
        logger.info("Emails dispatched: %s", sent)
    return sent
