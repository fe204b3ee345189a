"""Joining an institution, sharing, leaving and asking to be a lead, as a learner does it."""

import pytest
from django.urls import reverse

from schools.models import InstitutionStatus, Membership
from tests.factories import UserFactory

from .factories import InstitutionFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_profile_links_to_schools_page(client, user):
    client.force_login(user)
    response = client.get(reverse("accounts_profile"))
    assert reverse("schools:mine") in response.content.decode()


def test_pages_need_sign_in(client):
    school = InstitutionFactory()
    for url in (
        reverse("schools:mine"),
        reverse("schools:join"),
        reverse("schools:join_confirm", args=[school.pk]),
        reverse("schools:invitation", args=[school.invitation_code]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_search_by_name_urn_and_postcode(client, user):
    elm = InstitutionFactory(name="Elm Park Primary", urn=123456, postcode="NW1 2AB")
    InstitutionFactory(name="Oak Lane Secondary", urn=654321, postcode="SE1 7PB")
    InstitutionFactory(name="Elm Closed School", status=InstitutionStatus.CLOSED)
    client.force_login(user)
    for query in ("elm park", "123456", "nw1 2ab", "NW12AB", "NW1"):
        page = client.get(reverse("schools:join"), {"q": query}).content.decode()
        assert "Elm Park Primary" in page, query
        assert "Oak Lane" not in page and "Elm Closed School" not in page
    assert reverse("schools:join_confirm", args=[elm.pk]) in page
    assert "No results" in client.get(reverse("schools:join"), {"q": "zzzz"}).content.decode()


def test_joining_from_search_does_not_share_unless_ticked(client, user):
    school = InstitutionFactory(name="Elm Park Primary")
    client.force_login(user)
    url = reverse("schools:join_confirm", args=[school.pk])
    page = client.get(url).content.decode()
    assert 'name="shares_completion"' in page and "checked" not in page
    assert "will see your name, email address" in page
    response = client.post(url, {})
    assert response.status_code == 302
    membership = Membership.objects.get(user=user, institution=school)
    assert (membership.shares_completion, membership.role, membership.joined_via) == (
        False,
        "staff",
        "search",
    )
    page = client.get(reverse("schools:mine")).content.decode()
    assert "You do not share your training with Elm Park Primary" in page

    client.post(url, {"shares_completion": "on"})
    membership.refresh_from_db()
    assert membership.shares_completion is True
    assert Membership.objects.filter(user=user).count() == 1


def test_invitation_link_says_it_shares_and_ticks_the_box(client, user):
    school = InstitutionFactory(name="Oak Lane Secondary")
    client.force_login(user)
    url = reverse("schools:invitation", args=[school.invitation_code])
    page = client.get(url).content.decode()
    assert "Joining through this invitation shares your training with Oak Lane Secondary" in page
    assert "checked" in page
    client.post(url, {"shares_completion": "on"})
    membership = Membership.objects.get(user=user, institution=school)
    assert membership.shares_completion and membership.joined_via == "invitation"


def test_invitation_code_entered_by_hand_forgives_case_and_spaces(client, user):
    school = InstitutionFactory()
    client.force_login(user)
    typed = " ".join(school.invitation_code.lower())
    response = client.get(reverse("schools:invitation_code"), {"code": typed})
    assert response["Location"] == reverse("schools:invitation", args=[school.invitation_code])
    response = client.get(reverse("schools:invitation_code"), {"code": "NOPE"})
    assert response.status_code == 400 and "No school, college or university has this code" in (
        response.content.decode()
    )
    assert client.get(reverse("schools:invitation", args=["WRONGCODE2"])).status_code == 404


def test_closed_institution_cannot_be_joined(client, user):
    school = InstitutionFactory(status=InstitutionStatus.CLOSED)
    client.force_login(user)
    assert client.get(reverse("schools:join_confirm", args=[school.pk])).status_code == 404
    assert client.get(reverse("schools:invitation", args=[school.invitation_code])).status_code == 404


def test_a_learner_may_belong_to_several_and_change_or_leave_only_their_own(client, user):
    first, second = MembershipFactory(user=user), MembershipFactory(user=user, shares_completion=False)
    other = MembershipFactory()
    client.force_login(user)
    page = client.get(reverse("schools:mine")).content.decode()
    assert first.institution.name in page and second.institution.name in page
    assert other.institution.name not in page

    client.post(reverse("schools:membership_sharing", args=[first.pk]), {})
    first.refresh_from_db()
    assert first.shares_completion is False
    client.post(reverse("schools:membership_sharing", args=[second.pk]), {"shares_completion": "on"})
    second.refresh_from_db()
    assert second.shares_completion is True

    for name in ("membership_sharing", "membership_leave", "membership_request_lead"):
        assert client.post(reverse(f"schools:{name}", args=[other.pk])).status_code == 404
    other.refresh_from_db()
    assert other.shares_completion and other.lead_requested_at is None

    assert client.get(reverse("schools:membership_leave", args=[first.pk])).status_code == 405
    client.post(reverse("schools:membership_leave", args=[first.pk]))
    assert not Membership.objects.filter(pk=first.pk).exists()


def test_asking_to_be_a_lead_records_a_request_but_grants_nothing(client, user):
    membership = MembershipFactory(user=user)
    client.force_login(user)
    client.post(reverse("schools:membership_request_lead", args=[membership.pk]))
    membership.refresh_from_db()
    assert membership.lead_requested_at is not None and membership.role == "staff"
    assert "You asked to be a lead" in client.get(reverse("schools:mine")).content.decode()
    assert client.get(reverse("schools:dashboard", args=[membership.institution_id])).status_code == 404


def test_search_escapes_names(client):
    InstitutionFactory(name="<script>alert(1)</script> Academy")
    client.force_login(UserFactory())
    page = client.get(reverse("schools:join"), {"q": "academy"}).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
