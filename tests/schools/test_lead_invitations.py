"""A lead invites staff by email, sees where each person has got to, reminds those who have not
started (at most once a week each), records the staff total, and replaces the invitation link."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from lms.notifications.models import EmailSend
from schools.invitations import addresses_parse
from schools.models import Membership, RetiredInvitationCode, StaffInvitation
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, certify, enroll

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings, celery_eager):
    settings.SITE_URL = "https://training.example.org"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as the browser does, running what the request queued once it committed (the emails)."""

    def run(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {}, **kwargs)

    return run


@pytest.fixture
def school():
    return InstitutionFactory(name="Elm Park Primary")


@pytest.fixture
def lead(school):
    user = UserFactory(full_name="Lena Lead")
    MembershipFactory(institution=school, user=user, role=Membership.Role.LEAD, shares_completion=False)
    return user


def _dashboard(client, school, **params):
    return client.get(reverse("schools:dashboard", args=[school.pk]), params).content.decode()


def _people(page):
    """The "who is invited, joined and trained" section of the dashboard."""
    return page.split('id="people-heading"')[1].split('id="staff-heading"')[0]


def test_addresses_are_found_however_they_are_pasted():
    parsed = addresses_parse(
        text='Ann@Example.org, bob@example.org;\n"Cat" <cat@example.org>\n'
        "not-an-address\nAnn <ann@example.org>"
    )
    assert parsed.valid == ["ann@example.org", "bob@example.org", "cat@example.org"]
    assert parsed.invalid == ["not-an-address"]


def test_lead_invites_pasted_addresses_once_each_with_the_link(client, school, lead, post):
    client.force_login(lead)
    response = post(
        reverse("schools:invite_staff", args=[school.pk]),
        {"addresses": "ann@example.org\nbob@example.org, nonsense"},
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "bob@example.org"]
    message = mail.outbox[0]
    assert "Elm Park Primary" in message.subject
    link = f"https://training.example.org/schools/invite/{school.invitation_code}/"
    assert link in message.body and "Lena Lead" in message.body
    assert "Unsubscribe" not in message.body
    page = client.get(response.url).content.decode()
    assert "Invitations were sent to 2 addresses." in page
    assert "nonsense" in page  # reported as not an address
    assert _people(page).count("<td>Invited, not joined yet") == 2

    # The same list again (a double click, a second tab): nobody is emailed twice.
    post(reverse("schools:invite_staff", args=[school.pk]), {"addresses": "ann@example.org"})
    assert len(mail.outbox) == 2
    assert StaffInvitation.objects.filter(institution=school).count() == 2
    assert EmailSend.objects.filter(kind="schools.staff_invitation", status="sent").count() == 2


def test_a_csv_upload_invites_every_address_in_it(client, school, lead, post):
    client.force_login(lead)
    upload = SimpleUploadedFile(
        "staff.csv",
        b"Name,Email\nAnn,ann@example.org\nBob,=cmd|bad\nCat,cat@example.org\n",
        content_type="text/csv",
    )
    response = post(reverse("schools:invite_staff", args=[school.pk]), {"addresses": "", "file": upload})
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "cat@example.org"]


def test_nothing_to_invite_is_an_error_on_the_form(client, school, lead, post):
    client.force_login(lead)
    response = post(reverse("schools:invite_staff", args=[school.pk]), {"addresses": "nobody at all"})
    assert response.status_code == 400
    assert "Give at least one email address" in response.content.decode()
    assert mail.outbox == []


def test_only_the_institutions_leads_can_invite_or_remind(client, school, lead, post):
    staff = MembershipFactory(institution=school).user
    client.force_login(staff)
    assert (
        post(reverse("schools:invite_staff", args=[school.pk]), {"addresses": "ann@example.org"}).status_code
        == 404
    )
    assert post(reverse("schools:remind_staff", args=[school.pk])).status_code == 404
    assert post(reverse("schools:staff_total", args=[school.pk]), {"staff_total": 5}).status_code == 404
    assert mail.outbox == []


def test_invitation_is_in_the_persons_language_or_the_leads(client, school, lead, post, settings):
    UserFactory(email="pola@example.org", preferred_language="pl")
    client.force_login(lead)
    post(
        reverse("schools:invite_staff", args=[school.pk]), {"addresses": "pola@example.org\nnew@example.org"}
    )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert StaffInvitation.objects.get(email="pola@example.org").language == "pl"
    assert StaffInvitation.objects.get(email="new@example.org").language == "en-gb"
    assert "Elm Park Primary" in by_address["new@example.org"].subject


def test_statuses_follow_the_person_from_invited_to_completed(client, school, lead, post):
    course = CoursePageFactory(title="Suicide prevention for everyone", modules=2)
    CampaignFactory(name="Every school", certificate_valid_months=36)
    client.force_login(lead)
    post(
        reverse("schools:invite_staff", args=[school.pk]),
        {"addresses": "ann@example.org bob@example.org cat@example.org dee@example.org"},
    )
    bob = UserFactory(email="bob@example.org", full_name="Bob Joined")
    MembershipFactory(institution=school, user=bob)
    cat = UserFactory(email="Cat@Example.org", full_name="Cat Progress")
    MembershipFactory(institution=school, user=cat)
    enroll(cat, course, modules_done=1)
    dee = UserFactory(email="dee@example.org", full_name="Dee Done")
    MembershipFactory(institution=school, user=dee)
    when = timezone.now() - timedelta(days=30)
    certify(dee, course, when=when)

    page = _dashboard(client, school)
    assert "Invited, not joined yet" in page  # ann
    assert "Joined, not started" in page  # bob
    assert "In progress" in page  # cat
    expires = (timezone.localtime(when) + timedelta(days=365 * 3)).year
    assert "Completed" in page and str(expires) in page and "Current" in page
    assert "still counts toward Every school" in page

    completed_only = _people(_dashboard(client, school, status="completed"))
    assert "Dee Done" in completed_only and "Bob Joined" not in completed_only
    by_status = _people(_dashboard(client, school, sort="status"))
    assert by_status.index("ann@example.org") < by_status.index("Dee Done")

    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("schools:dashboard_csv", args=[school.pk])).content.decode("utf-8-sig")
            )
        )
    )
    assert "certificate counts until" in rows[0][7]
    dee_row = next(r for r in rows if r[0] == "Dee Done")
    assert dee_row[7].startswith(str(expires))


def test_reminders_go_to_those_not_started_at_most_once_a_week(client, school, lead, post):
    client.force_login(lead)
    post(reverse("schools:invite_staff", args=[school.pk]), {"addresses": "ann@example.org bob@example.org"})
    mail.outbox.clear()
    ann, bob = (StaffInvitation.objects.get(email=e) for e in ("ann@example.org", "bob@example.org"))
    url = reverse("schools:remind_staff", args=[school.pk])

    response = post(url, {"invitation": [ann.pk, bob.pk]}, follow=True)
    assert mail.outbox == []  # invited moments ago
    assert "emailed in the last 7 days" in response.content.decode()

    StaffInvitation.objects.update(last_sent_at=timezone.now() - timedelta(days=8))
    assert "Send reminders" in _dashboard(client, school)
    post(url, {"invitation": [ann.pk, bob.pk]})
    post(url, {"invitation": [ann.pk, bob.pk]})  # a second click
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@example.org", "bob@example.org"]
    assert "A reminder" in mail.outbox[0].subject

    other = InstitutionFactory()
    stranger = StaffInvitation.objects.create(
        institution=other, email="x@example.org", last_sent_at=timezone.now() - timedelta(days=30)
    )
    post(url, {"invitation": [stranger.pk]})  # another institution's invitation
    assert len(mail.outbox) == 2


def test_staff_total_gives_percent_trained(client, school, lead, post):
    course = CoursePageFactory()
    CampaignFactory(name="Every school")
    for _ in range(3):
        certify(MembershipFactory(institution=school).user, course, when=timezone.now() - timedelta(days=3))
    client.force_login(lead)
    assert "% of staff trained" not in _dashboard(client, school)
    response = post(reverse("schools:staff_total", args=[school.pk]), {"staff_total": "12"}, follow=True)
    page = response.content.decode()
    assert "25% of staff trained:" in page and "3 of 12 staff" in page
    bad = post(reverse("schools:staff_total", args=[school.pk]), {"staff_total": "-4"})
    assert bad.status_code == 400
    school.refresh_from_db()
    assert school.staff_total == 12


def test_replacing_the_link_asks_first_and_the_old_link_says_it_was_replaced(client, school, lead, post):
    old = school.invitation_code
    url = reverse("schools:rotate_invitation", args=[school.pk])
    client.force_login(lead)
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Replace the invitation link?" in confirm.content.decode()
    school.refresh_from_db()
    assert school.invitation_code == old  # asking changed nothing

    post(url)
    school.refresh_from_db()
    assert school.invitation_code != old
    assert RetiredInvitationCode.objects.filter(code=old, institution=school).exists()

    learner = UserFactory()
    client.force_login(learner)
    response = client.get(reverse("schools:invitation", args=[old]))
    assert response.status_code == 410
    assert "This invitation link was replaced" in response.content.decode()
    assert not Membership.objects.filter(user=learner).exists()
    post(reverse("schools:invitation", args=[old]), {"shares_completion": "on"})
    assert not Membership.objects.filter(user=learner).exists()
    assert client.get(reverse("schools:invitation", args=[school.invitation_code])).status_code == 200
    assert client.get(reverse("schools:invitation", args=["NOSUCHCODE"])).status_code == 404


def test_a_printed_summary_has_the_figures_and_a_verify_link_with_aggregates_only(client, school, lead):
    course = CoursePageFactory(title="Suicide prevention for everyone")
    CampaignFactory(name="Every school")
    staff = UserFactory(full_name="Private Person")
    MembershipFactory(institution=school, user=staff)
    certify(staff, course, when=timezone.now() - timedelta(days=3))
    school.staff_total = 20
    school.save()
    client.force_login(lead)
    response = client.post(reverse("schools:summary_pdf", args=[school.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    from schools.models import CoverageSummary

    summary = CoverageSummary.objects.get(institution=school)
    assert (summary.staff_trained, summary.staff_total, summary.covered) == (1, 20, True)
    client.logout()
    page = client.get(reverse("schools:summary_verify", args=[summary.code])).content.decode()
    assert "Elm Park Primary" in page and "1</span> of 20 staff trained" in page
    assert "Suicide prevention for everyone" in page and "Private Person" not in page
    assert client.get(reverse("schools:summary_verify", args=["nope"])).status_code == 404
    client.force_login(staff)  # not a lead
    assert client.post(reverse("schools:summary_pdf", args=[school.pk])).status_code == 404
