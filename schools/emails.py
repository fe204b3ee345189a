"""The schools app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register, sample_person

from .digest import DIGEST, digest_due

LEAD_REQUESTED = "schools.lead_requested"  # to programme staff who decide lead requests
LEAD_DECISION = "schools.lead_decision"  # to the person who asked, or whose lead status changed
EXTERNAL_DECISION = "schools.external_decision"  # to a learner: their training done elsewhere decided


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


def _external_sample():

    user = sample_person()
    return user, {
        "decision": "declined", "training_name": "Youth Mental Health First Aid (two days, in person)",
        "completed_on": "2026-03-12", "reason": "The certificate shows a different name.",
        "url": "https://training.example.org/courses/my-learning/",
    }


def register_kinds():
    register(
        EmailKind(
            key=EXTERNAL_DECISION,
            label=_("Decisions about training you did elsewhere"),
            template="schools/email/external_decision",
            reason=_("You are getting this email because you added training you did elsewhere on this site."),
            essential=True,
            sample=_external_sample,
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
