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


def _untranslated_paths(*, page) -> set[str] | None:
    """Content paths (wagtail-localize's "body.<block id>.<field>...") of the English source's
    strings that have no translation into `page`'s language yet; None when `page` is not kept in
    sync by wagtail-localize (no enabled translation: a trainer edits it by hand)."""
    from django.db.models import Exists, OuterRef
    from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=default_locale_id()
    ).first()
    if source is None or not Translation.objects.filter(
        source=source, target_locale_id=page.locale_id, enabled=True
    ).exists():
        return None
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"),
        locale_id=page.locale_id, has_error=False,
    )
    return set(
        StringSegment.objects.filter(source=source)
        .annotate(translated=Exists(translated))
        .filter(translated=False)
        .values_list("context__path", flat=True)
    )


def fall_back_partial_questions(*, module) -> list[str]:
    """A learner never sees one question with its options in two languages: in a translation of a
    module, each question with any string not yet translated (its prompt, an option, feedback or
    explanation) is replaced whole by the English question, same ids. Called as the translated
    module is saved (wagtail-localize saves before it makes the revision it publishes). Returns
    the ids of the questions that fell back."""
    if module.pk is None or is_source(module) or not module.translation_key:
        return []
    question_ids = [block.id for block in module.body if block.block_type == "question"]
    if not question_ids:
        return []
    untranslated = _untranslated_paths(page=module)
    if not untranslated:
        return []
    partial = {qid for qid in question_ids if any(p.startswith(f"body.{qid}.") for p in untranslated)}
    if not partial:
        return []
    source = source_page(module)
    if source is None:
        return []
    english = {block["id"]: block for block in source.body.raw_data if block["id"] in partial}
    # get_prep_value, not raw_data: wagtail-localize writes translations into the blocks' values,
    # which raw_data (the body as first loaded, in English) does not see.
    module.body = [
        english.get(block["id"], block) if block["id"] in partial else block
        for block in module.body.get_prep_value()
    ]
    return sorted(qid for qid in partial if qid in english)
