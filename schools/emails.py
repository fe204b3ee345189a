"""The schools app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register

from .digest import DIGEST, digest_due


def _sample():
    from types import SimpleNamespace

    user = SimpleNamespace(pk=0, email="lead@example.org", full_name="Jo Example", preferred_language="")
    return user, {
        "institution_name": "Example Primary School (sample)",
        "completions": [
            {"name": "Alex Example", "course_title": "Youth Mental Health First Aid (sample)"},
            {"name": "Sam Example", "course_title": "Suicide prevention: an introduction (sample)"},
        ],
        "dashboard_url": "https://training.example.org/schools/1/",
    }


def register_kinds():
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
