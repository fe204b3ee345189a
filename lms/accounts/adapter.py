from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from lms.i18n import is_language_neutral, path_in_language, supported_language


def in_language(url: str, code: str | None) -> str:
    """A local URL in language `code` ("/" -> "/ur/"); other URLs, and no code, unchanged."""
    parts = urlsplit(url)
    if not code or parts.netloc or not parts.path.startswith("/") or is_language_neutral(parts.path):
        return url
    return urlunsplit(parts._replace(path=path_in_language(parts.path, code)))


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

    def get_logout_redirect_url(self, request):
        return in_language(super().get_logout_redirect_url(request), translation.get_language())

    def get_email_verification_redirect_url(self, email_address):
        url = super().get_email_verification_redirect_url(email_address)
        return in_language(url, translation.get_language())
