"""The interface language: which language a request, a learner or an address is in.

Public pages live under a language prefix (`/pl/courses/...`), English unprefixed; a few addresses
are language-neutral (settings.LANGUAGE_NEUTRAL_PATHS: the certificate pages, whose verify address
is printed on certificates and in QR codes) and take the visitor's language from `?lang=`, then the
language of their visit, then their browser. Other apps render emails, reminders and certificates
in a learner's language with `override_for(user)` (or `translation.override(language_for(user))`).
"""

from contextlib import contextmanager

from django.conf import settings
from django.http import QueryDict
from django.utils import translation

from lms.languages import KNOWN_LANGUAGES

# On a language-neutral page, `?lang=pl` asks for that language.
LANGUAGE_QUERY_PARAMETER = "lang"


def offered_languages() -> list[str]:
    """The language codes this deployment offers, English first (settings.LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES]


def supported_language(code) -> str | None:
    """`code` as one of the offered codes ("en-GB", "en_gb" and "EN-gb" all give "en-gb"), else None."""
    if not code or not isinstance(code, str):
        return None
    code = code.strip().lower().replace("_", "-")
    return code if code in offered_languages() else None


def language_for(user) -> str:
    """The language to write to `user` in: their saved choice while it is offered, else English."""
    return supported_language(getattr(user, "preferred_language", "")) or settings.LANGUAGE_CODE


@contextmanager
def override_for(user):
    """`with override_for(learner):` renders templates, gettext and dates in the learner's language."""
    with translation.override(language_for(user)):
        yield


def text_direction(code: str) -> str:
    """ "rtl" for right-to-left languages (Arabic, Urdu, Persian, Hebrew...), else "ltr"."""
    known = KNOWN_LANGUAGES.get((code or "").lower())
    if known:
        return known[1]
    return "rtl" if translation.get_language_info_bidi(code) else "ltr"


def html_lang(code: str) -> str:
    """The BCP 47 tag for HTML `lang`/`hreflang`: "en-gb" -> "en-GB", "pl" -> "pl"."""
    language, _, region = (code or settings.LANGUAGE_CODE).partition("-")
    if not region:
        return language
    return f"{language}-{region.upper() if len(region) == 2 else region.title()}"


def autonym(code: str) -> str:
    """The language's name in the language itself ("Polski", "اردو")."""
    return dict(settings.LANGUAGES).get(code) or KNOWN_LANGUAGES.get(code, (code, ""))[0]


def is_language_neutral(path: str) -> bool:
    """True for addresses that are the same in every language (see the module docstring)."""
    return path.startswith(tuple(settings.LANGUAGE_NEUTRAL_PATHS))


def split_language_prefix(path: str) -> tuple[str, str]:
    """(language, the path without its language prefix): "/pl/courses/" -> ("pl", "/courses/"),
    "/courses/" -> ("en-gb", "/courses/")."""
    for code in offered_languages():
        if code != settings.LANGUAGE_CODE and (path == f"/{code}" or path.startswith(f"/{code}/")):
            return code, path[len(code) + 1 :] or "/"
    return settings.LANGUAGE_CODE, path


def path_in_language(path: str, code: str, query=None, *, chosen=False) -> str:
    """The address of the page at `path` in language `code`, keeping `query` (a QueryDict) if given.

    Prefixed pages swap their prefix ("/pl/courses/" -> "/ur/courses/"; English has none);
    language-neutral pages keep their address and name the language in `?lang=`. `chosen` adds
    `?lang=` everywhere: the visitor picked the language (the switcher), so it is remembered.
    """
    params = query.copy() if query is not None else QueryDict(mutable=True)
    params.pop(LANGUAGE_QUERY_PARAMETER, None)
    if not is_language_neutral(path):
        _current, rest = split_language_prefix(path)
        path = rest if code == settings.LANGUAGE_CODE else f"/{code}{rest}"
    if chosen or is_language_neutral(path):
        params[LANGUAGE_QUERY_PARAMETER] = code
    return f"{path}?{params.urlencode()}" if params else path


def localised_path(path: str) -> str:
    """An English, unprefixed path ("/courses/") in the active language ("/pl/courses/")."""
    if is_language_neutral(path):
        return path
    code = translation.get_language() or settings.LANGUAGE_CODE
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"
