import pytest

from tests.factories import DEFAULT_PASSWORD, UserFactory

LOGIN = "/accounts/login/"


@pytest.mark.django_db
def test_log_in_and_out(client):
    user = UserFactory(email="sam@example.org")
    response = client.post(LOGIN, {"login": "SAM@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").context["user"] == user
    client.post("/accounts/logout/")
    assert client.get("/accounts/profile/").status_code == 302


@pytest.mark.django_db
def test_wrong_password_shows_a_clear_error(client):
    UserFactory(email="sam@example.org")
    response = client.post(LOGIN, {"login": "sam@example.org", "password": "wrong-password"})
    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_failed_logins_are_limited_per_account_not_per_shared_address(client):
    """Five wrong passwords lock that account briefly; colleagues behind the same school network
    address can still sign in."""
    UserFactory(email="target@school.example")
    colleague = UserFactory(email="colleague@school.example")
    for _ in range(5):
        client.post(LOGIN, {"login": "target@school.example", "password": "guess"})
    blocked = client.post(LOGIN, {"login": "target@school.example", "password": DEFAULT_PASSWORD})
    assert blocked.status_code in (200, 429)
    assert "_auth_user_id" not in client.session

    response = client.post(LOGIN, {"login": colleague.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(colleague.pk)
