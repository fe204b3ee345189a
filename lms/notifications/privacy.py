"""What the email layer holds about a person: their choices and the log of emails sent to them."""

from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import export_rows
from lms.privacy.registry import ACCOUNT_LIFETIME, PUBLIC_TASK, PersonalData, register_all

from .models import EmailChoice, EmailSend


def _choices(user):
    return export_rows(
        EmailChoice.objects.filter(user=user).order_by("kind"), "kind", "receive", "source", "updated_at"
    )


def _erase_choices(user):
    EmailChoice.objects.filter(user=user).delete()


def _sent(user):
    return export_rows(
        EmailSend.objects.filter(user=user).order_by("created_at"), "kind", "status", "created_at", "sent_at"
    )


def _erase_sent(user):
    EmailSend.objects.filter(user=user).delete()


def register_entries():
    register_all(
        PersonalData(
            "notifications.preferences", _("Email choices"),
            ("notifications.EmailChoice",), _choices, _erase_choices,
            purpose=_("To send you only the reminders and digests you want."),
            lawful_basis=_("Consent (you can turn each kind of email off)"), retention=ACCOUNT_LIFETIME,
        ),
        PersonalData(
            "notifications.sent", _("Emails sent to you"), ("notifications.EmailSend",), _sent, _erase_sent,
            purpose=_("To send each reminder at most once."), lawful_basis=PUBLIC_TASK,
            retention=ACCOUNT_LIFETIME,
        ),
    )
