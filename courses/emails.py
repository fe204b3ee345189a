"""The courses app's kinds of email, registered with the platform's email layer."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, Sample, register

from .reminders import UNFINISHED, unfinished_due

_SAMPLE = Sample({
    "course_title": "Suicide prevention: an introduction (sample)",
    "module_title": "Talking about it",
    "resume_url": "https://training.example.org/courses/suicide-prevention/talking-about-it/",
    "number": 1,
})


def register_kinds():
    register(EmailKind(
        key=UNFINISHED, label=_("Reminders to finish a course you started"),
        reason=_("You are getting this email because you started a course on this site."),
        find_due=unfinished_due, sample=_SAMPLE,
    ))
