"""The schools app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, Sample, register

from .digest import DIGEST, digest_due

LEAD_REQUESTED = "schools.lead_requested"  # to programme staff who decide lead requests
LEAD_DECISION = "schools.lead_decision"  # to the person who asked, or whose lead status changed
STAFF_INVITATION = "schools.staff_invitation"  # from a lead, to an address (perhaps without an account)
EXTERNAL_DECISION = "schools.external_decision"  # to a learner: their training done elsewhere decided
REGISTER_INVITATION = "schools.register_invitation"  # to an address an attendance register gave

_LEAD = {"email": "lead@example.org", "full_name": "Jo Example"}
_SAMPLE = Sample({
    "institution_name": "Example Primary School (sample)",
    "completions": [
        {"name": "Alex Example", "course_title": "Youth Mental Health First Aid (sample)"},
        {"name": "Sam Example", "course_title": "Suicide prevention: an introduction (sample)"},
    ],
    "dashboard_url": "https://training.example.org/schools/1/",
}, _LEAD)
_LEAD_SAMPLE = Sample({
    "decision": "granted", "institution_name": "Example Primary School (sample)",
    "requester_name": "Jo Example", "url": "https://training.example.org/schools/",
}, _LEAD)


_INVITATION_SAMPLE = Sample({
    "institution_name": "Example Primary School (sample)", "lead_name": "Jo Example",
    "url": "https://training.example.org/schools/invite/ABCDEFGH23/", "code": "ABCDEFGH23",
    "reminder": False,
}, {"email": "teacher@example.org", "full_name": ""})


_EXTERNAL_SAMPLE = Sample({
    "decision": "declined", "training_name": "Youth Mental Health First Aid (two days, in person)",
    "completed_on": "2026-03-12", "reason": "The certificate shows a different name.",
    "url": "https://training.example.org/courses/my-learning/",
})


_REGISTER_SAMPLE = Sample({
    "training_name": "Youth Mental Health First Aid (two days, in person)", "completed_on": "12/03/2026",
    "url": "https://training.example.org/accounts/signup/",
}, {"email": "attendee@example.org", "full_name": "Sam Example"})


def register_kinds():
    # Lead requests and decisions: essential (they change what a person may see), one sample.
    for key, label, reason in [
        (LEAD_REQUESTED, _("Requests to be an institution's lead"),
         _("You are getting this email because you decide lead requests for the programme.")),
        (LEAD_DECISION, _("Decisions about being an institution's lead"),
         _("You are getting this email because you asked to be a lead of an institution on "
           "this site, or were one.")),
    ]:
        register(EmailKind(key=key, label=label, reason=reason, essential=True, sample=_LEAD_SAMPLE))
    register(EmailKind(
        key=STAFF_INVITATION, label=_("Invitations from an institution's lead"),
        reason=_(
            "You are getting this email because a lead at your school, college or university "
            "invited this address to join it on this site."
        ),
        essential=True, sample=_INVITATION_SAMPLE,
    ))
    register(EmailKind(
        key=DIGEST, label=_("A weekly summary of your staff's completed training (for leads)"),
        reason=_(
            "You are getting this email because you are a lead of an institution on this site "
            "and asked for a weekly summary."
        ),
        default=False, find_due=digest_due, sample=_SAMPLE,
    ))
    register(EmailKind(
        key=EXTERNAL_DECISION, label=_("Decisions about training you did elsewhere"),
        reason=_("You are getting this email because you added training you did elsewhere on this site."),
        essential=True, sample=_EXTERNAL_SAMPLE,
    ))
    register(EmailKind(
        key=REGISTER_INVITATION, label=_("Invitations to claim training an attendance register recorded"),
        reason=_(
            "You are getting this email because an instructor's attendance register gave this address for "
            "a training you took."
        ),
        essential=True, sample=_REGISTER_SAMPLE,
    ))
