"""A new member of staff's first sign-in: password, then setting up the authenticator app on the
platform's own page in plain words (no second "Confirm access" straight after signing in), then
the recovery codes with a way on to the admin."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

from tests.factories import DEFAULT_PASSWORD, UserFactory


@pytest.mark.django_db
def test_first_sign_in_leads_through_set_up_to_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.post("/accounts/login/", {"login": staff.email, "password": DEFAULT_PASSWORD})
    response = client.get("/admin/", follow=True)
    html = response.content.decode()
    assert all("/reauthenticate/" not in url for url, _ in response.redirect_chain)
    assert "Set up two-step sign-in" in html and "step 2 of 3" in html
    assert "authenticator app" in html and "30 seconds" in html

    secret = response.context["form"].secret
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    done = client.post("/accounts/2fa/totp/activate/", {"code": code}, follow=True)
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()
    page = done.content.decode()
    assert "Your recovery codes" in page and "step 3 of 3" in page
    assert 'href="/admin/"' in page  # the way on to the admin
    assert client.get("/admin/").status_code == 200
