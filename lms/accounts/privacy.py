"""What the accounts app (and the sign-in and CMS apps it configures) holds about a person."""

from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import export_rows, plain
from lms.privacy.registry import PUBLIC_TASK, RIGHTS_UNDER_UK_GDPR, PersonalData, register_all

UNTIL_CLOSED = _(
    "As long as the account exists; erased when the account is deleted or closed for inactivity."
)


def _profile(user):
    return [
        {
            "email": user.email,
            "full_name": user.full_name,
            "borough": user.borough,
            "role": user.role,
            "preferred_language": user.preferred_language,
            "date_joined": plain(user.date_joined),
            "last_sign_in": plain(user.last_login),
            "programme_staff": user.is_staff,
        }
    ]


def _nothing(user):
    """The account row itself goes last, in `person_erase`."""


def _email_addresses(user):
    from allauth.account.models import EmailAddress

    return export_rows(EmailAddress.objects.filter(user=user).order_by("pk"), "email", "verified", "primary")


def _erase_email_addresses(user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()


def _sign_in(user):
    from allauth.mfa.models import Authenticator

    # The kind of second factor and when it was added and last used: never its secret.
    rows = [
        {
            "record": "two-step sign-in",
            "type": a.type,
            "added": plain(a.created_at),
            "last_used": plain(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=user).order_by("pk")
    ]
    return [{"record": "last sign-in", "at": plain(user.last_login)}, *rows]


def _erase_sign_in(user):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=user).delete()  # sessions: person_erase deletes them


# Where a member of staff's work and the audit log name them: kept, pointed at their pseudonym.
_STAFF_WORK = (
    ("wagtailcore", "Page", "owner"),
    ("wagtailcore", "Page", "locked_by"),
    ("wagtailcore", "Revision", "user"),
    ("wagtailcore", "ModelLogEntry", "user"),
    ("wagtailcore", "PageLogEntry", "user"),
    ("wagtailcore", "WorkflowState", "requested_by"),
    ("wagtailcore", "TaskState", "finished_by"),
    ("wagtailcore", "Comment", "user"),
    ("wagtailcore", "Comment", "resolved_by"),
    ("wagtailcore", "CommentReply", "user"),
    ("wagtailcore", "UploadedFile", "uploaded_by_user"),
    ("wagtailimages", "Image", "uploaded_by_user"),
    ("wagtaildocs", "Document", "uploaded_by_user"),
    ("wagtail_localize", "StringTranslation", "last_translated_by"),
    ("wagtail_localize", "SegmentOverride", "last_translated_by"),
)
# Personal settings and working state in the CMS: deleted.
_STAFF_SETTINGS = (
    ("wagtailusers", "UserProfile"),
    ("wagtailadmin", "EditingSession"),
    ("wagtailadmin", "FormState"),
    ("wagtailcore", "APIToken"),
    ("wagtailcore", "PageSubscription"),
)


def _staff_work(user):
    from wagtail.models import ModelLogEntry, PageLogEntry

    rows = []
    for model in (PageLogEntry, ModelLogEntry):
        rows += export_rows(
            model.objects.filter(user_id=user.pk).order_by("timestamp"), "timestamp", "action", "label"
        )
    return rows


def _erase_staff_work(user):
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from lms.privacy.services import reassign_to_pseudonym

    reassign_to_pseudonym(user, [(apps.get_model(app, name), field) for app, name, field in _STAFF_WORK])
    for app, name in _STAFF_SETTINGS:
        apps.get_model(app, name)._base_manager.filter(user_id=user.pk).delete()
    # Entries about the account itself (created, edited by staff) carry its name as their label.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()), object_id=str(user.pk)
    ).update(label="Erased account", data={})


def _staff_work_models():
    return tuple(f"{app}.{name}" for app, name, _field in _STAFF_WORK) + tuple(
        f"{app}.{name}" for app, name in _STAFF_SETTINGS
    )


def register_entries():
    register_all(
        PersonalData(
            "accounts.profile", _("Your details"), ("accounts.User",), _profile, _nothing,
            purpose=_(
                "To sign you in, print your name on certificates and count training by borough and role."
            ),
            lawful_basis=PUBLIC_TASK, retention=UNTIL_CLOSED,
        ),
        PersonalData(
            "accounts.email_addresses", _("Email addresses"),
            ("account.EmailAddress",), _email_addresses, _erase_email_addresses,
            purpose=_("To sign you in, confirm your address and send you account and certificate emails."),
            lawful_basis=PUBLIC_TASK, retention=UNTIL_CLOSED,
        ),
        PersonalData(
            "accounts.sign_in", _("Sign-in records"),
            ("mfa.Authenticator", "sessions.Session"), _sign_in, _erase_sign_in,
            purpose=_("To keep your account secure."), lawful_basis=PUBLIC_TASK,
            retention=_(
                "Sessions end when you sign out or after two weeks; the rest as long as the account exists."
            ),
        ),
        PersonalData(
            "accounts.staff_work", _("Work in the content editor (programme staff)"),
            _staff_work_models(), _staff_work, _erase_staff_work,
            purpose=_("To keep a record of who wrote, reviewed and published the training."),
            lawful_basis=_("Legitimate interests: accountability for published training"),
            retention=_(
                "Published work and the audit log are kept; after erasure they name a pseudonym "
                "(“Former staff member #n”), not you."
            ),
        ),
        PersonalData(
            "accounts.closure", _("Deleting your account"),
            ("accounts.AccountErasure",), _account_erasures, _erase_account_erasures,
            purpose=_("To carry out your request to delete your account after the cool-off period."),
            lawful_basis=RIGHTS_UNDER_UK_GDPR,
            retention=_("Until your account is erased, or you sign in again to keep it."),
        ),
    )


def _account_erasures(user):
    from .models import export_account_erasures

    return export_account_erasures(user)


def _erase_account_erasures(user):
    from .models import erase_account_erasures

    erase_account_erasures(user)

