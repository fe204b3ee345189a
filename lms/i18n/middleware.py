"""Which language each request is in, and remembering the visitor's language.

`LanguageMiddleware` takes Django's place (`LocaleMiddleware`): a language prefix in the address
decides, English when there is none; language-neutral addresses (the certificate pages) use `?lang=`,
then the language of the visit (a cookie that lasts while the browser is open), then the browser's
Accept-Language.

`VisitLanguageMiddleware` runs after authentication: on a language-neutral page a signed-in learner
with no language chosen for this visit reads their saved language; every page a person views in a
language becomes the language of their visit (a cookie, for the neutral pages). A language is
*chosen* only by following the language switcher (its links carry `?lang=`): a signed-in learner's
choice is saved as their preferred language, used for their emails, reminders and certificates
(sign-up saves the language the learner signed up in; the profile page changes it). Arriving from an
old English link, or a redirect to one, changes nothing the learner saved.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from lms.accounts.services import user_set_preferred_language

from . import LANGUAGE_QUERY_PARAMETER, is_language_neutral, supported_language

# Paths that are not pages of the site frame: their language is nobody's choice.
NOT_PAGES = ("/admin/", "/static/", "/media/", "/documents/", "/healthz", "/favicon")


class LanguageMiddleware(LocaleMiddleware):
    def process_request(self, request):
        if not is_language_neutral(request.path_info):
            return super().process_request(request)
        asked = supported_language(request.GET.get(LANGUAGE_QUERY_PARAMETER))
        language = asked or translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        request.language_asked = bool(asked)
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_language_neutral(request.path_info):
            patch_vary_headers(response, ("Cookie",))
        return response


class VisitLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        visit = supported_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
        path = request.path_info
        if is_language_neutral(path) and not getattr(request, "language_asked", False) and not visit:
            saved = _saved_language(request)
            if saved:
                translation.activate(saved)
                request.LANGUAGE_CODE = saved
        response = self.get_response(request)
        is_page = response.status_code == 200 and not path.startswith(NOT_PAGES)
        if request.method in ("GET", "HEAD") and is_page:
            language = supported_language(translation.get_language())
            if language:
                self._remember(request, response, visit=visit, language=language)
        return response

    @staticmethod
    def _remember(request, response, *, visit, language):
        chosen = supported_language(request.GET.get(LANGUAGE_QUERY_PARAMETER)) == language
        if visit != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        if not chosen:
            return
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.preferred_language != language:
            user_set_preferred_language(user=user, language=language)


def _saved_language(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return supported_language(user.preferred_language)
