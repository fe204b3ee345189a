"""One Wagtail `Locale` per configured content language.

Run after every `migrate` (see `CmsConfig.ready`), so a language added to the `LANGUAGES`
environment variable gets its locale row on the next deploy, with no migration or code change.
Locales of languages no longer configured are kept (their pages and translations stay intact;
Wagtail simply stops serving them).
"""

from django.conf import settings
from django.db import router


def locales_sync(*, using="default") -> list[str]:
    """Create the missing Locale rows; returns the language codes created (safe to repeat)."""
    from wagtail.coreutils import get_content_languages
    from wagtail.models import Locale

    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    missing = [code for code in get_content_languages() if code not in existing]
    Locale.objects.using(using).bulk_create(
        [Locale(language_code=code) for code in missing], ignore_conflicts=True
    )
    return missing


def sync_after_migrate(sender, using="default", plan=None, **kwargs):
    from wagtail.models import Locale

    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    if not router.allow_migrate_model(using, Locale):
        return
    locales_sync(using=using)


_locale_codes: dict[int, str] = {}


def locale_language_code(locale_id) -> str | None:
    """The language code of a Locale id, from a per-process map (locales are a handful of rows
    that are never renumbered), so templates can ask a page's language without a query."""
    from wagtail.models import Locale

    if locale_id not in _locale_codes:
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id)


def page_language_fallback(*, page, language) -> str | None:
    """The language `page` is shown in when it differs from the visitor's `language` (the page
    has no translation in their language yet, so they read the English source), else None."""
    from wagtail.coreutils import get_supported_content_language_variant

    if page is None or not getattr(page, "locale_id", None) or not language:
        return None
    try:
        wanted = get_supported_content_language_variant(language)
    except LookupError:
        return None
    shown = locale_language_code(page.locale_id)
    return shown if shown and shown != wanted else None


_locales_by_code: dict = {}


def cache_locale_lookups():
    """Serve Wagtail's `Locale.objects.get_for_language` (called on every page request with i18n
    on, through `Page.localized`) from a per-process map instead of a query each time. Locales are
    a handful of rows; the map is forgotten whenever one is saved or deleted in this process
    (a new language arrives with a deploy, whose `migrate` creates its row before restart)."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "_cached", False):
        return
    original = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        if self.db != "default":
            return original(self, language_code)
        code = get_supported_content_language_variant(language_code)
        locale = _locales_by_code.get(code)
        if locale is None:
            locale = original(self, code)
            _locales_by_code[code] = locale
        return locale

    get_for_language._cached = True
    LocaleManager.get_for_language = get_for_language

    def forget(**kwargs):
        _locales_by_code.clear()
        _locale_codes.clear()

    post_save.connect(forget, sender=Locale, weak=False, dispatch_uid="cms-locale-cache-save")
    post_delete.connect(forget, sender=Locale, weak=False, dispatch_uid="cms-locale-cache-delete")
