"""Training done elsewhere over HTTP: a learner adds it, their lead or programme staff confirm or
decline it, the evidence stays private, and a confirmed record stops counting on its anniversary."""

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from schools import selectors
from schools.models import ExternalRecord, InstitutionKind, Membership
from tests.factories import UserFactory

from .external_helpers import PDF, PNG, training
from .factories import CampaignFactory, InstitutionFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    campaign = CampaignFactory(institution_kinds=[InstitutionKind.SCHOOL], starts_on=date(2024, 1, 1))
    school = InstitutionFactory(name="Elm Park Primary")
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD, shares_completion=False).user
    learner = MembershipFactory(institution=school, user=UserFactory(full_name="Ada Sharer")).user
    return {
        "campaign": campaign,
        "school": school,
        "lead": lead,
        "learner": learner,
        "training": training(campaign),
    }


def add(client, item, *, content=PDF, name="my certificate.pdf", on="2025-03-14"):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    return client.post(
        reverse("schools:external_add"),
        {"training": item.pk, "completed_on": on, "provider": "Jo Instructor", "evidence": upload},
    )


def decide(client, record, decision, reason="", institution=None):
    data = {f"r{record.pk}-decision": decision, f"r{record.pk}-reason": reason}
    if institution is not None:
        data["institution"] = institution.pk
    return client.post(reverse("schools:external_decide", args=[record.pk]), data)


def test_a_learner_adds_training_and_my_learning_shows_it_waiting(client, world):
    client.force_login(world["learner"])
    response = add(client, world["training"])
    assert response.status_code == 302 and response["Location"] == reverse("courses:my_learning")
    record = ExternalRecord.objects.get()
    assert (record.user, record.status, record.evidence_type) == (
        world["learner"],
        "pending",
        "application/pdf",
    )
    assert "my certificate" not in record.evidence.name  # stored under a name of our own, privately
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert "Youth MHFA two-day (in person)" in page and "Waiting for confirmation" in page
    # Pending records do not count yet.
    assert selectors.campaign_summary(campaign=world["campaign"])["learners_completed"] == 0


@pytest.mark.parametrize(
    ("content", "on", "message"),
    [
        (b"MZ\x90\x00 not a certificate", "2025-03-14", "must be a PDF, PNG or JPEG"),
        (b"%PDF-" + b"0" * (5 * 1024 * 1024), "2025-03-14", "larger than 5 MB"),
        (PDF, "2999-01-01", "cannot be in the future"),
    ],
)
def test_bad_evidence_or_date_is_refused_with_a_reason(client, world, content, on, message):
    client.force_login(world["learner"])
    response = add(client, world["training"], content=content, on=on)
    assert response.status_code == 400 and message in response.content.decode()
    assert not ExternalRecord.objects.exists()


def test_type_is_told_by_content_not_by_name(client, world):
    client.force_login(world["learner"])
    add(client, world["training"], content=PNG, name="scan.pdf")
    assert ExternalRecord.objects.get().evidence_type == "image/png"


def test_evidence_is_downloaded_only_by_the_learner_their_lead_and_programme_staff(client, world, admin_user):
    client.force_login(world["learner"])
    add(client, world["training"])
    record = ExternalRecord.objects.get()
    url = reverse("schools:external_evidence", args=[record.pk])
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf" and "no-store" in response["Cache-Control"]
    other_lead = MembershipFactory(role=Membership.Role.LEAD).user
    colleague = MembershipFactory(institution=world["school"]).user
    for person, status in [
        (world["lead"], 200),
        (admin_user, 200),
        (other_lead, 404),
        (colleague, 404),
        (UserFactory(), 404),
    ]:
        client.force_login(person)
        assert client.get(url).status_code == status, person
    # A learner who stops sharing takes their evidence out of their lead's reach.
    Membership.objects.filter(user=world["learner"]).update(shares_completion=False)
    client.force_login(world["lead"])
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to sign in; never a public URL


def test_the_lead_confirms_and_the_record_counts_and_the_learner_is_emailed(
    client, world, mailoutbox, celery_eager, django_capture_on_commit_callbacks
):
    client.force_login(world["learner"])
    add(client, world["training"])
    record = ExternalRecord.objects.get()
    client.force_login(world["lead"])
    dashboard = client.get(reverse("schools:dashboard", args=[world["school"].pk])).content.decode()
    assert "1 record of training done elsewhere" in dashboard
    review = client.get(reverse("schools:external_review", args=[world["school"].pk])).content.decode()
    assert "Ada Sharer" in review
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, record, "confirm", institution=world["school"])
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.status, record.decided_by) == ("confirmed", world["lead"])
    assert [m.to for m in mailoutbox] == [[world["learner"].email]]
    assert "is confirmed" in mailoutbox[0].subject
    summary = selectors.campaign_summary(campaign=world["campaign"])
    assert (summary["learners_completed"], summary["learners_external"], summary["learners_platform"]) == (
        1,
        1,
        0,
    )
    assert (summary["institutions_covered"], summary["institutions_covered_external"]) == (1, 1)
    # A second click, or a replayed post, changes nothing and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, record, "decline", reason="Changed my mind", institution=world["school"])
    record.refresh_from_db()
    assert record.status == "confirmed" and len(mailoutbox) == 1


def test_declining_needs_a_reason_the_learner_then_sees(
    client, world, admin_user, mailoutbox, celery_eager, django_capture_on_commit_callbacks
):
    client.force_login(world["learner"])
    add(client, world["training"])
    record = ExternalRecord.objects.get()
    client.force_login(admin_user)  # programme staff decide records of anyone
    assert "Ada Sharer" in client.get(reverse("schools:external_review_all")).content.decode()
    response = decide(client, record, "decline")
    assert response.status_code == 400 and "Say why" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, record, "decline", reason="The certificate shows <b>another</b> name.")
    record.refresh_from_db()
    assert record.status == "declined"
    assert "another" in mailoutbox[0].body and "not confirmed" in mailoutbox[0].subject
    client.force_login(world["learner"])
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert "Not confirmed" in page and "&lt;b&gt;another&lt;/b&gt;" in page  # escaped
    assert selectors.campaign_summary(campaign=world["campaign"])["learners_completed"] == 0


def test_only_leads_for_sharing_staff_and_programme_staff_decide(client, world):
    client.force_login(world["learner"])
    add(client, world["training"])
    record = ExternalRecord.objects.get()
    assert decide(client, record, "confirm").status_code == 404  # never one's own
    for person in (MembershipFactory(role=Membership.Role.LEAD).user, UserFactory()):
        client.force_login(person)
        assert decide(client, record, "confirm").status_code == 404
        assert client.get(reverse("schools:external_review_all")).status_code == 404
    reviewer = UserFactory()
    reviewer.user_permissions.add(Permission.objects.get(codename="change_externalrecord"))
    client.force_login(reviewer)
    assert decide(client, record, "confirm").status_code == 302
    assert ExternalRecord.objects.get().status == "confirmed"


def test_a_confirmed_record_expires_on_its_anniversary_like_a_certificate(client, world):
    item = world["training"]
    item.valid_months = 36
    item.save()
    ExternalRecord.objects.create(
        user=world["learner"], training=item, completed_on=date(2024, 2, 29), status="confirmed"
    )
    campaign = world["campaign"]

    def figures():
        summary = selectors.campaign_summary(campaign=type(campaign).objects.get(pk=campaign.pk))
        return summary["learners_completed"], summary["institutions_covered"]

    # As for a certificate: 29 February 2024 with 36 months counts until 28 February 2027 (the day
    # 36 months before it is clamped to 28 February 2024) and stops on 1 March 2027.
    with time_machine.travel(date(2027, 2, 28), tick=False):
        assert figures() == (1, 1)
        client.force_login(world["lead"])
        page = client.get(reverse("schools:dashboard", args=[world["school"].pk])).content.decode()
        assert "1 done elsewhere" in page
    with time_machine.travel(date(2027, 3, 1), tick=False):
        assert figures() == (0, 0)
    client.force_login(world["learner"])
    page = client.get(reverse("courses:my_learning")).content.decode()
    assert "It counts as current training until 28 February 2027" in page
