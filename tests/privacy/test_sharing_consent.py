"""Sharing consent: each choice recorded (when, how, the words shown, their version), history
kept; withdrawing takes effect at once on the lead's dashboard and CSV; leads' CSV downloads are
logged and shown to programme staff."""

import pytest
from django.urls import reverse

from schools.consent import WORDING_VERSION
from schools.models import LeadExport, Membership, SharingConsent
from tests.factories import UserFactory
from tests.schools.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_joining_from_an_invitation_records_what_was_agreed(client, school):
    learner = UserFactory(full_name="Ada Sharer")
    client.force_login(learner)
    client.post(reverse("schools:invitation", args=[school.invitation_code]), {"shares_completion": "on"})
    [consent] = SharingConsent.objects.filter(user=learner)
    assert consent.agreed and consent.via == "invitation" and consent.institution == school
    assert consent.wording_version == WORDING_VERSION
    assert "Share my training progress and completions with Elm Park Primary" in consent.wording
    assert "will see your name, email address" in consent.wording
    assert consent.language == "en-gb"


def test_joining_without_sharing_then_choosing_later_keeps_the_history(client, school):
    learner = UserFactory()
    client.force_login(learner)
    client.post(reverse("schools:join_confirm", args=[school.pk]), {})
    membership = Membership.objects.get(user=learner)
    sharing = reverse("schools:membership_sharing", args=[membership.pk])
    client.post(sharing, {"shares_completion": "on"})
    client.post(sharing, {"shares_completion": "on"})  # a double submit adds nothing
    client.post(sharing, {})
    history = list(SharingConsent.objects.filter(user=learner).values_list("agreed", "via"))
    assert history == [(False, "joining"), (True, "later"), (False, "later")]
    assert "You no longer share your training with" in SharingConsent.objects.last().wording


def test_withdrawing_hides_the_learner_from_the_lead_at_once(client, school, lead):
    learner = MembershipFactory(institution=school, user=UserFactory(full_name="Ben Withdraws",
                                                                      email="ben@example.org")).user
    membership = Membership.objects.get(user=learner)
    dashboard = reverse("schools:dashboard", args=[school.pk])
    csv_url = reverse("schools:dashboard_csv", args=[school.pk])
    lead_client = client.__class__()
    lead_client.force_login(lead)
    assert "Ben Withdraws" in lead_client.get(dashboard).content.decode()
    assert "ben@example.org" in lead_client.get(csv_url).content.decode("utf-8-sig")

    client.force_login(learner)
    response = client.post(reverse("schools:membership_sharing", args=[membership.pk]), {}, follow=True)
    assert "You no longer share your training with Elm Park Primary" in response.content.decode()

    assert "Ben Withdraws" not in lead_client.get(dashboard).content.decode()
    assert "ben@example.org" not in lead_client.get(csv_url).content.decode("utf-8-sig")
    assert SharingConsent.objects.filter(user=learner).last().agreed is False


def test_leaving_records_the_end_of_sharing(client, school):
    membership = MembershipFactory(institution=school)
    client.force_login(membership.user)
    client.post(reverse("schools:membership_leave", args=[membership.pk]))
    [consent] = SharingConsent.objects.filter(user=membership.user)
    assert (consent.agreed, consent.via) == (False, "left")


def test_a_leads_csv_download_is_logged_and_shown_to_programme_staff(client, admin_client, school, lead):
    MembershipFactory(institution=school)
    MembershipFactory(institution=school)
    client.force_login(lead)
    client.get(reverse("schools:dashboard_csv", args=[school.pk]))
    [log] = LeadExport.objects.all()
    assert (log.lead, log.institution, log.rows) == (lead, school, 2)
    client.get(reverse("schools:dashboard", args=[school.pk]))  # viewing the page is not an export
    assert LeadExport.objects.count() == 1

    page = admin_client.get(reverse("schools_lead_exports")).content.decode()
    assert "Elm Park Primary" in page and lead.email in page
    learner = UserFactory()
    client.force_login(learner)
    assert client.get(reverse("schools_lead_exports")).status_code in (302, 403)


def test_export_and_erase_functions_cover_consents_and_exports(school, lead):
    from schools.consent import (
        erase_lead_exports,
        erase_sharing_consents,
        export_lead_exports,
        export_sharing_consents,
    )
    from schools.services import membership_join

    learner = UserFactory()
    membership_join(user=learner, institution=school, shares_completion=True, via_invitation=True)
    LeadExport.objects.create(lead=lead, institution=school, rows=3)
    [row] = export_sharing_consents(learner)
    assert row["institution"] == "Elm Park Primary" and row["agreed"] and row["how"] == "invitation"
    assert export_lead_exports(lead)[0]["people_listed"] == 3
    erase_sharing_consents(learner)
    erase_lead_exports(lead)
    assert not SharingConsent.objects.filter(user=learner).exists()
    assert LeadExport.objects.get().lead is None


def test_a_closed_account_disappears_from_the_lead_dashboard_at_once(
    client, school, lead, celery_eager, django_capture_on_commit_callbacks
):
    from tests.factories import DEFAULT_PASSWORD

    learner = MembershipFactory(institution=school, user=UserFactory(full_name="Cat Closes")).user
    lead_client = client.__class__()
    lead_client.force_login(lead)
    dashboard = reverse("schools:dashboard", args=[school.pk])
    assert "Cat Closes" in lead_client.get(dashboard).content.decode()
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts_delete"), {"password": DEFAULT_PASSWORD})
    assert "Cat Closes" not in lead_client.get(dashboard).content.decode()
    assert "Cat Closes" not in lead_client.get(
        reverse("schools:dashboard_csv", args=[school.pk])
    ).content.decode("utf-8-sig")
