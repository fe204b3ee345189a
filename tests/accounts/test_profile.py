import pytest

from lms.accounts.models import User


@pytest.mark.django_db
def test_learner_edits_name_borough_and_role(client, user):
    client.force_login(user)
    page = client.get("/accounts/profile/").content.decode()
    assert "Outside London" in page and "Tower Hamlets" in page
    assert "Student aged 16 or over" in page
    response = client.post(
        "/accounts/profile/",
        {"full_name": "Zofia  Wiśniewska", "borough": "E09000030", "role": "school_staff"},
        follow=True,
    )
    assert "Your details have been saved." in response.content.decode()
    user.refresh_from_db()
    assert (user.full_name, user.borough, user.role) == (
        "Zofia Wiśniewska", "E09000030", "school_staff"
    )
    assert user.get_borough_display() == "Tower Hamlets"


@pytest.mark.django_db
def test_borough_and_role_are_optional(client, user):
    client.force_login(user)
    client.post("/accounts/profile/", {"full_name": "Kemi Adeyemi", "borough": "", "role": ""})
    user.refresh_from_db()
    assert (user.borough, user.role) == ("", "")


@pytest.mark.django_db
def test_unknown_borough_is_rejected_and_nothing_changes(client, user):
    client.force_login(user)
    before = User.objects.values().get(pk=user.pk)
    response = client.post(
        "/accounts/profile/", {"full_name": "New Name", "borough": "Atlantis", "role": ""}
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert User.objects.values().get(pk=user.pk) == before


@pytest.mark.django_db
def test_profile_needs_sign_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/accounts/profile/")
