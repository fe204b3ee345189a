"""Courses in every language, progress in one place.

A course and its modules are translated with wagtail-localize: each translation is its own page,
in its own locale, sharing the source page's `translation_key`. Learner progress (enrollments,
completed modules, assessment attempts) always points at the source pages, in the default locale
(English), so a learner who switches language mid-course keeps everything they did, has one
enrollment, is graded against one answer key and gets one certificate, counted once.

Reads match progress to the pages shown by `translation_key`; writes resolve the page a learner
used to its source with `source_page`.
"""

from django.conf import settings
from wagtail.models import Locale

_default_locale_ids: dict[str, int] = {}


def default_locale_id() -> int:
    """The id of the default (source) locale; looked up once per process."""
    code = settings.LANGUAGE_CODE
    if code not in _default_locale_ids:
        _default_locale_ids[code] = Locale.get_default().pk
    return _default_locale_ids[code]


def is_source(page) -> bool:
    return page.locale_id == default_locale_id()


def source_page(page):
    """The default-locale page `page` translates (itself if it is one), as the same page type;
    None if the source no longer exists. One query for a translation, none for a source page."""
    if page is None or is_source(page):
        return page
    return (
        type(page).objects.filter(translation_key=page.translation_key, locale_id=default_locale_id())
        .first()
    )
