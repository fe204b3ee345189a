"""Emails about closing and erasing an account (essential: sent even to a closed account, and the
only emails a closed account gets)."""

from django.utils.translation import gettext_lazy as _

from lms.notifications.registry import EmailKind, register, sample_person

CLOSURE_REQUESTED = "privacy.closure_requested"
CLOSURE_CANCELLED = "privacy.closure_cancelled"
ACCOUNT_ERASED = "privacy.account_erased"
RETENTION_WARNING = "privacy.retention_warning"

REASON = _("You are getting this email because of something done with your account on this site.")


def _sample_closure():
    return sample_person(), {
        "erase_on": "16 December 2026", "sign_in_url": "https://training.example.org/accounts/login/",
    }


def _sample_cancelled():
    return sample_person(), {}


def _sample_erased():
    return sample_person(), {"reason": "closed"}


def _sample_warning():
    return sample_person(), {
        "erase_on": "1 January 2027", "sign_in_url": "https://training.example.org/accounts/login/",
    }


def register_kinds():
    kinds = [
        (CLOSURE_REQUESTED, _("Your account is closed and will be deleted"), _sample_closure),
        (CLOSURE_CANCELLED, _("Your account is open again"), _sample_cancelled),
        (ACCOUNT_ERASED, _("Your account has been deleted"), _sample_erased),
        (RETENTION_WARNING, _("Your account will be deleted unless you sign in"), _sample_warning),
    ]
    for key, label, sample in kinds:
        register(EmailKind(
            key=key, label=label, template=f"privacy/email/{key.removeprefix('privacy.')}",
            reason=REASON, essential=True, sample=sample,
        ))
