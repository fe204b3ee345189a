"""A lead reaches their dashboard in one click from the site header; others see no such link; the
product's name comes from one setting everywhere."""

import pytest
from django.core import mail
from django.urls import reverse

from schools.models import Membership
from schools.services import membership_grant_lead, membership_withdraw_lead
from tests.factories import UserFactory

from .factories import InstitutionFactory, MembershipFactory

pytestmark = pytest.mark.django_db
LINK = "s training</a>"  # "Your staff’s training", however the apostrophe is escaped


def test_a_lead_has_a_header_link_to_their_dashboard(client):
    school = InstitutionFactory()
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD).user
    client.force_login(lead)
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert LINK in page and f'href="{reverse("schools:dashboard", args=[school.pk])}"' in page


def test_a_lead_of_two_institutions_goes_to_the_list_of_them(client):
    lead = MembershipFactory(role=Membership.Role.LEAD).user
    MembershipFactory(user=lead, role=Membership.Role.LEAD)
    client.force_login(lead)
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert LINK in page and f'href="{reverse("schools:mine")}"' in page


def test_the_link_follows_lead_status_without_signing_in_again(client):
    membership = MembershipFactory()
    client.force_login(membership.user)
    assert LINK not in client.get(reverse("courses:my_learning")).content.decode()
    membership_grant_lead(membership=membership)
    assert LINK in client.get(reverse("courses:my_learning")).content.decode()
    membership_withdraw_lead(membership=membership)
    assert LINK not in client.get(reverse("courses:my_learning")).content.decode()


def test_the_lead_link_comes_in_the_same_cache_round_trip_as_the_page_versions(client, monkeypatch):
    from django.core.cache import caches

    from cms import serving

    school = InstitutionFactory()
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD).user
    client.force_login(lead)
    client.get(reverse("courses:my_learning"))
    backend = type(caches["default"])
    real_get = backend.get
    single, together = [], []

    def get(self, key, *args, **kwargs):
        single.append(key)
        return real_get(self, key, *args, **kwargs)

    monkeypatch.setattr(backend, "get", get)

    def get_many(self, keys, *args, **kwargs):
        together.append(list(keys))
        found = {key: real_get(self, key) for key in keys}
        return {key: value for key, value in found.items() if value is not None}

    monkeypatch.setattr(backend, "get_many", get_many)
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert LINK in page
    lead_key = f"schools:lead-nav:{lead.pk}"
    assert lead_key not in single
    assert [keys for keys in together if serving.PAGES_VERSION_KEY in keys] == [
        [*serving.VERSION_KEYS, lead_key]
    ]
    membership_withdraw_lead(membership=Membership.objects.get(user=lead))
    assert LINK not in client.get(reverse("courses:my_learning")).content.decode()


def test_learners_and_visitors_see_no_lead_link(client):
    assert LINK not in client.get("/").content.decode()
    client.force_login(UserFactory())
    assert LINK not in client.get(reverse("courses:my_learning")).content.decode()


def test_one_product_name_from_one_setting(client, settings, django_capture_on_commit_callbacks):
    settings.SITE_NAME = "Train London"
    page = client.get("/").content.decode()
    assert "Train London" in page
    from lms.notifications.services import email_send_to_address

    email_send_to_address(
        "schools.staff_invitation",
        "new@example.org",
        key="t:1",
        context={"institution_name": "Elm", "lead_name": "Lena", "url": "https://x/", "code": "ABC"},
    )
    assert "Train London" in mail.outbox[0].subject and "Train London" in mail.outbox[0].body
