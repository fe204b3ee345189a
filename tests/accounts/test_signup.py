import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from lms.accounts.models import User
from tests.factories import UserFactory

SIGNUP = "/accounts/signup/"
GOOD = {
    "full_name": "  Amara   Okafor ",
    "email": "Amara.Okafor@Example.org",
    "password1": "Blue-kettle-sings-42",
    "password2": "Blue-kettle-sings-42",
}


@pytest.mark.django_db
def test_sign_up_then_verify_email_then_signed_in(client):
    response = client.post(SIGNUP, GOOD)
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "amara.okafor@example.org"
    assert user.full_name == "Amara Okafor"
    assert not EmailAddress.objects.get(user=user).verified
    # Mandatory verification: not signed in until the link is followed.
    assert client.get("/accounts/profile/").status_code == 302

    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    confirm_page = client.get(link.group(1))
    assert confirm_page.status_code == 200
    response = client.post(link.group(1))
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"password2": "Different-kettle-43"}, "password2", "You must type the same password"),
        ({"password1": "password123", "password2": "password123"}, "password1",
         "This password is too common."),
        ({"password1": "Sh0rt!", "password2": "Sh0rt!"}, "password1",
         "This password is too short. It must contain at least 8 characters."),
        ({"full_name": "   "}, "full_name", "This field is required."),
    ],
)
def test_bad_sign_up_shows_a_clear_error_and_creates_nothing(client, changes, field, message):
    response = client.post(SIGNUP, {**GOOD, **changes})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert any(message in error for error in errors[field]), errors
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()
    assert User.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_sign_up_with_an_existing_email_creates_nothing_new(client):
    existing = UserFactory(email="amara.okafor@example.org")
    response = client.post(SIGNUP, GOOD)
    # allauth prevents account enumeration: the form looks accepted, and the owner of the
    # address is emailed instead. No second account exists and the first is untouched.
    assert User.objects.count() == 1
    existing.refresh_from_db()
    assert existing.check_password("correct-horse-battery")
    assert response.status_code in (200, 302)


@pytest.mark.django_db
def test_sign_up_page_is_the_platforms_own_accessible_form(client):
    html = client.get(SIGNUP).content.decode()
    assert '<a class="skip-link" href="#main-content">' in html
    assert '<label class="label" for="id_full_name">Full name' in html
    assert '<label class="label" for="id_email">' in html
    assert 'autocomplete="name"' in html
    assert "onpaste" not in html  # pasting passwords (from a password manager) is allowed
