import pytest

from tests.factories import StaffUserFactory, give_totp


@pytest.fixture
def admin_client(client, db):
    """A client signed in as a CMS superuser with two-step sign-in set up."""
    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    return client
