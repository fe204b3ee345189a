"""Sign-up must not reveal, by what it does or how long it takes, whether an email has an account.

Timing itself is not asserted (that belongs in benchmarks); instead both paths are shown to do the
same costly work: one password hash and one email.
"""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail

from lms.accounts.models import User
from tests.factories import UserFactory

SIGNUP = "/accounts/signup/"
FORM = {
    "full_name": "Amara Okafor",
    "email": "amara.okafor@example.org",
    "password1": "Blue-kettle-sings-42",
    "password2": "Blue-kettle-sings-42",
}


class CountingHasher(MD5PasswordHasher):
    """The test suite's fast hasher, counting how many passwords it really hashes."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password, salt):
        CountingHasher.hashed += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.test_signup_enumeration.CountingHasher"]
    CountingHasher.hashed = 0
    return CountingHasher


def sign_up(client, hasher, email):
    hasher.hashed = 0
    mail.outbox.clear()
    response = client.post(SIGNUP, {**FORM, "email": email})
    return response, hasher.hashed, len(mail.outbox)


@pytest.mark.django_db
def test_existing_and_new_emails_cost_the_same_work_and_look_the_same(client, counting_hasher):
    UserFactory(email="amara.okafor@example.org")
    existing, existing_hashes, existing_emails = sign_up(client, counting_hasher, "amara.okafor@example.org")
    new, new_hashes, new_emails = sign_up(client, counting_hasher, "new.person@example.org")
    assert (existing_hashes, existing_emails) == (1, 1)
    assert (new_hashes, new_emails) == (1, 1)
    # The same answer on both paths: the "check your email" page.
    assert existing.status_code == new.status_code == 302
    assert existing["Location"] == new["Location"]
    assert User.objects.filter(email="amara.okafor@example.org").count() == 1
    assert User.objects.filter(email="new.person@example.org").exists()


@pytest.mark.django_db
def test_the_owner_of_an_existing_email_keeps_their_password(client, counting_hasher):
    owner = UserFactory(email="amara.okafor@example.org")
    owner.set_password("My-own-password-1")
    owner.save()
    sign_up(client, counting_hasher, "amara.okafor@example.org")
    owner.refresh_from_db()
    assert owner.check_password("My-own-password-1")
    assert mail.outbox[0].to == ["amara.okafor@example.org"]
