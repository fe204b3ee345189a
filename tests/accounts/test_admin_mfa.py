import pytest

from tests.factories import StaffUserFactory, UserFactory, give_totp


@pytest.mark.django_db
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    staff = StaffUserFactory()
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    # Setting up an authenticator asks for the password again first (allauth reauthentication).
    page = client.get(response["Location"])
    assert page.status_code == 302
    assert page["Location"].startswith("/accounts/reauthenticate/")
    assert client.get(page["Location"]).status_code == 200


@pytest.mark.django_db
def test_staff_with_an_authenticator_reach_the_admin(client):
    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_learners_cannot_use_the_admin(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/" not in response["Location"]


@pytest.mark.django_db
def test_admin_sign_in_uses_the_platform_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
