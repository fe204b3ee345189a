"""Translate pages in tests the way translators do in wagtail-localize: extract the English
source, fill in every string of its PO file, import it and save the translated page."""

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


def translation_for(page, language_code):
    """The wagtail-localize Translation of `page` into `language_code` (created if needed), with
    its source brought up to date with the page."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    locale = Locale.objects.get(language_code=language_code)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


def translate(page, language_code, *, prefix=None, skip=(), publish=True):
    """Translate every string of `page` as `"{prefix} {english}"` (except strings in `skip`),
    import them as a translator's PO upload would, and save the translation as a draft, then
    publish it (wagtail-localize's own publish waits for the request's commit, which a test does
    not reach). Returns the Translation."""
    prefix = prefix or f"[{language_code}]"
    translation = translation_for(page, language_code)
    po = translation.export_po()
    for entry in po:
        if entry.msgid not in skip:
            entry.msgstr = f"{prefix} {entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=False)
    if publish:
        target = type(page).objects.get(pk=translation.get_target_instance().pk)
        target.get_latest_revision().publish()
    return translation


def translate_tree(pages, language_code, *, publish=True, **kwargs):
    """Translate pages parent-first (the home page, the catalogue, a course, its modules)."""
    return [translate(page, language_code, publish=publish, **kwargs) for page in pages]
