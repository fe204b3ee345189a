"""Shared helpers for the personal-data tests: signing in over HTTP, a current TOTP code, and
running the daily retention task at a given moment."""

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

from tests.factories import DEFAULT_PASSWORD

LOGIN = "/accounts/login/"


def sign_in(client, user, password=DEFAULT_PASSWORD):
    return client.post(LOGIN, {"login": user.email, "password": password}, follow=True)


def totp_code(authenticator) -> str:
    from allauth.mfa.utils import decrypt

    secret = decrypt(authenticator.data["secret"])
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]  # the current period
    return format_hotp_value(hotp_value(secret, counter))


def run_retention(on, captured):
    """The daily task at moment `on` (time-travelled), its queued emails sent."""
    import time_machine

    from lms.accounts.tasks import retention_run

    with time_machine.travel(on, tick=False), captured(execute=True):
        return retention_run.apply().get()
