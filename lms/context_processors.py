from django.conf import settings
from django.utils import translation
from django.utils.functional import SimpleLazyObject

from lms import i18n


def platform(request):
    from lms.branding import site_name_lazy

    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL, "SITE_NAME": site_name_lazy()}


def languages(request):
    """The language of the page for <html lang dir>, the language switcher and the hreflang
    alternates, and `LANGUAGE_PREFIX` for links to pages by their English path ("/courses/")."""
    code = translation.get_language() or settings.LANGUAGE_CODE

    def switcher():
        return [
            {
                "code": other,
                "name": i18n.autonym(other),
                "lang": i18n.html_lang(other),
                "dir": i18n.text_direction(other),
                # Following a switcher link is choosing the language: ?lang= says so.
                "url": i18n.path_in_language(request.path, other, request.GET, chosen=True),
                "alternate": i18n.path_in_language(request.path, other, request.GET),
                "current": other == code,
            }
            for other in i18n.offered_languages()
        ]

    # Links to pages by their English path keep the page's language (also from neutral pages).
    prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
    return {
        "HTML_LANG": i18n.html_lang(code),
        "HTML_DIR": i18n.text_direction(code),
        "LANGUAGE_PREFIX": prefix,
        "language_links": SimpleLazyObject(switcher),
    }
