import pytest
from django.utils.translation import gettext_lazy as _

from lms.notifications import registry

REMINDER = "tests.reminder"

# A non-essential kind of email, as the apps register theirs, with its own small templates.
TEMPLATES = {
    "tests/reminder_subject.txt": "{% load i18n %}{% translate 'Your training' %}\n",
    "tests/reminder.txt": (
        '{% extends "notifications/email/layout.txt" %}{% block body %}Hello {{ user.full_name }}, '
        "carry on where you stopped: {{ resume_url }}{% endblock %}"
    ),
    "tests/reminder.html": (
        '{% extends "notifications/email/layout.html" %}{% block body %}<p>Hello {{ user.full_name }}, '
        '<a href="{{ resume_url }}">carry on where you stopped</a></p>{% endblock %}'
    ),
}


@pytest.fixture
def reminder_kind(settings):
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "APP_DIRS": False,
            "OPTIONS": {
                **settings.TEMPLATES[0]["OPTIONS"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", TEMPLATES),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]
    due = []
    kind = registry.register(
        registry.EmailKind(
            key=REMINDER,
            label=_("Reminders about a course you started"),
            template="tests/reminder",
            reason=_("You are getting this because you started a course."),
            find_due=lambda now, limit: list(due)[:limit],
        )
    )
    yield type("ReminderKind", (), {"kind": kind, "due": due})  # the test says who is due
    registry.unregister(REMINDER)
