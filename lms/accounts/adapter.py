from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url
from django.utils import translation

from lms.i18n import supported_language


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
        return translate_url(url, language) if language else url

    def get_logout_redirect_url(self, request):
        return translate_url(super().get_logout_redirect_url(request), translation.get_language())
