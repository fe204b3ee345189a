"""How long a course's certificates stay current, asked of the apps that decide it.

`certificates` prints "Valid until" but does not decide it: campaigns (`schools`, a higher app)
count a course's certificates for a limited time. A higher app registers a provider here, in its
`AppConfig.ready()`; a provider takes a course and returns a number of months, or None when it
does not limit the course. The shortest limit wins (a learner should not be told a certificate
is current for longer than any campaign counts it).
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

_providers: list[Callable[..., int | None]] = []


def register_validity_provider(provider: Callable[..., int | None]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def valid_months(*, course) -> int | None:
    limits = [months for provider in _providers if (months := provider(course=course))]
    return min(limits) if limits else None


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of the month when it has fewer days)."""
    year, month = divmod(day.year * 12 + (day.month - 1) + months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def valid_until(*, course, completed_on: date) -> date | None:
    """The last day a certificate completed on `completed_on` counts, or None if it always does.

    Campaigns count a certificate on a day D while it was completed after the day `months` before
    D, so it stops counting on its anniversary: completed on 15 June 2026 with 36 months, the last
    day is 14 June 2029. Near the end of a month the day `months` before is clamped to the shorter
    month's end (31 January + 1 month counts until 28 February), which the loop follows."""
    months = valid_months(course=course)
    if not months:
        return None
    return last_counting_day(completed_on=completed_on, months=months)


def last_counting_day(*, completed_on: date, months: int) -> date:
    """The last day a proof of training dated `completed_on` counts when campaigns count it for
    `months` (see `valid_until`); records of training done elsewhere follow the same rule."""
    last = add_months(completed_on, months) - timedelta(days=1)
    while add_months(last + timedelta(days=1), -months) < completed_on:
        last += timedelta(days=1)
    return last
