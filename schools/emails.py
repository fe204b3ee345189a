"""The schools app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register, sample_person

from .digest import DIGEST, digest_due

LEAD_REQUESTED = "schools.lead_requested"  # to programme staff who decide lead requests
LEAD_DECISION = "schools.lead_decision"  # to the person who asked, or whose lead status changed
STAFF_INVITATION = "schools.staff_invitation"  # from a lead, to an address (perhaps without an account)


def _sample():

    user = sample_person(email="lead@example.org", full_name="Jo Example")
    return user, {
        "institution_name": "Example Primary School (sample)",
        "completions": [
            {"name": "Alex Example", "course_title": "Youth Mental Health First Aid (sample)"},
            {"name": "Sam Example", "course_title": "Suicide prevention: an introduction (sample)"},
        ],
        "dashboard_url": "https://training.example.org/schools/1/",
    }


def _lead_sample():

    user = sample_person(email="lead@example.org", full_name="Jo Example")
    return user, {
        "decision": "granted", "institution_name": "Example Primary School (sample)",
        "requester_name": "Jo Example", "url": "https://training.example.org/schools/",
    }


def _invitation_sample():
    user = sample_person(email="teacher@example.org", full_name="")
    return user, {
        "institution_name": "Example Primary School (sample)", "lead_name": "Jo Example",
        "url": "https://training.example.org/schools/invite/ABCDEFGH23/", "code": "ABCDEFGH23",
        "reminder": False,
    }


def register_kinds():
    register(
        EmailKind(
            key=STAFF_INVITATION,
            label=_("Invitations from an institution's lead"),
            template="schools/email/staff_invitation",
            reason=_(
                "You are getting this email because a lead at your school, college or university "
                "invited this address to join it on this site."
            ),
            essential=True,
            sample=_invitation_sample,
        )
    )
    register(
        EmailKind(
            key=LEAD_REQUESTED,
            label=_("Requests to be an institution's lead"),
            template="schools/email/lead_requested",
            reason=_("You are getting this email because you decide lead requests for the programme."),
            essential=True,
            sample=_lead_sample,
        )
    )
    register(
        EmailKind(
            key=LEAD_DECISION,
            label=_("Decisions about being an institution's lead"),
            template="schools/email/lead_decision",
            reason=_(
                "You are getting this email because you asked to be a lead of an institution on "
                "this site, or were one."
            ),
            essential=True,
            sample=_lead_sample,
        )
    )
    register(
        EmailKind(
            key=DIGEST,
            label=_("A weekly summary of your staff's completed training (for leads)"),
            template="schools/email/digest",
            reason=_(
                "You are getting this email because you are a lead of an institution on this site "
                "and asked for a weekly summary."
            ),
            default=False,
            find_due=digest_due,
            sample=_sample,
        )
    )
