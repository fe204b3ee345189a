from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from lms.branding import site_name
from lms.i18n import is_language_neutral, path_in_language, supported_language
from lms.notifications.rendering import email_wrap, language_for

ACCOUNT_EMAIL_REASON = _(
    "You are getting this email because of something done with your account on this site, or "
    "with this email address."
)


def in_language(url: str, code: str | None) -> str:
    """A local URL in language `code` ("/" -> "/ur/"); other URLs, and no code, unchanged."""
    parts = urlsplit(url)
    if not code or parts.netloc or not parts.path.startswith("/") or is_language_neutral(parts.path):
        return url
    return urlunsplit(parts._replace(path=path_in_language(parts.path, code)))


def _on_public_address(value):
    """A link allauth built from the request's host, moved onto the configured public address."""
    parts = urlsplit(value)
    return settings.SITE_URL + parts.path + (f"?{parts.query}" if parts.query else "")


def signed_in_recently(request) -> bool:
    """The session's last sign-in or confirmation was within allauth's re-authentication window."""
    import time

    from allauth.account import app_settings as account_settings
    from allauth.account.authentication import get_authentication_records

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    records = get_authentication_records(request, user)
    return bool(records) and (
        time.time() - records[-1].get("at", 0) < account_settings.REAUTHENTICATION_TIMEOUT
    )


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        return super().clean_email(email).strip().lower()

    def populate_username(self, request, user):
        """Users have no username: they sign in with their email address."""

    def save_user(self, request, user, form, commit=True):
        """A new learner's emails and certificates are in the language they signed up in."""
        user.preferred_language = supported_language(translation.get_language()) or ""
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        """After signing in, the learner carries on in their saved language."""
        url = super().get_login_redirect_url(request)
        language = supported_language(getattr(request.user, "preferred_language", ""))
        return in_language(url, language or translation.get_language())

    def pre_login(self, request, user, **kwargs):
        """A closed account still in its cool-off may sign in: that opens it again (`login`)."""
        from .closure import is_reopenable

        if not user.is_active and is_reopenable(user):
            user.is_active = True  # for allauth's checks only; `login` saves it
        return super().pre_login(request, user, **kwargs)

    def login(self, request, user):
        """Signing in cancels a pending erasure: a closed account opens again, an inactivity
        warning is lifted; the person is told which."""
        from django.contrib import messages

        from .closure import account_erasure_cancel

        cancelled = account_erasure_cancel(user=user)
        super().login(request, user)
        if cancelled == "closed":
            messages.success(request, _(
                "Welcome back. Your account is open again and will not be deleted. If you still "
                "want it deleted, you can ask again from your account page."
            ))
        elif cancelled == "inactive":
            messages.success(request, _(
                "Thank you for signing in. Your account will be kept and will not be deleted."
            ))

    def get_logout_redirect_url(self, request):
        return in_language(super().get_logout_redirect_url(request), translation.get_language())

    def get_email_verification_redirect_url(self, email_address):
        url = super().get_email_verification_redirect_url(email_address)
        return in_language(url, translation.get_language())

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Setting up two-step sign-in asks for the password again only when the person did not
        just sign in with it: a new member of staff goes straight from signing in to the set-up,
        without a second "Confirm access" page."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        if required and app == "allauth.mfa":
            from allauth.core import context as allauth_context

            request = self.request or allauth_context.request
            if request is not None and signed_in_recently(request):
                return False
        return required

    def render_mail(self, template_prefix, email, context, headers=None):
        """Account emails (confirm your address, reset your password, security notices) in the
        platform's own layout and words, in the person's language, every link on SITE_URL."""
        context = {
            key: _on_public_address(value)
            if key.endswith("_url") and isinstance(value, str) and value.startswith("http")
            else value
            for key, value in context.items()
        }
        user = context.get("user")
        if user is None:
            from lms.accounts.models import User

            user = User.objects.filter(email__iexact=email).first()
        language = language_for(user) if user is not None else translation.get_language()
        with translation.override(language):
            context = {**context, "site_name": site_name(), "site_url": settings.SITE_URL}
            subject = render_to_string(f"{template_prefix}_subject.txt", context)
            body = render_to_string(f"{template_prefix}_message.txt", context)
            rendered = email_wrap(subject=subject, body_text=body, user=user,
                                  reason=ACCOUNT_EMAIL_REASON)
        to = [email] if isinstance(email, str) else email
        message = EmailMultiAlternatives(
            rendered.subject, rendered.text, self.get_from_email(), to, headers=headers
        )
        message.attach_alternative(rendered.html, "text/html")
        return message
