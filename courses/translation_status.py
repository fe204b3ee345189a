"""Which courses are translated into which languages: complete, out of date or missing.

A course's translation into a language is
- missing when the course or one of its published modules has no published translation there;
- out of date when every page has one, but the English of at least one was published after its
  translation was last published (a trainer changed the source; a translator must sync and
  translate the changed strings, then publish);
- complete otherwise.

Four queries whatever the number of courses, modules and languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from .models import CoursePage, ModulePage
from .translations import default_locale_id


class Status:
    COMPLETE = "complete"
    OUT_OF_DATE = "out_of_date"
    MISSING = "missing"
    LABELS = {COMPLETE: _("Complete"), OUT_OF_DATE: _("Out of date"), MISSING: _("Missing")}


@dataclass(frozen=True)
class Cell:
    language_code: str
    language_name: str
    status: str
    translated: int  # pages (the course and its published modules) with a published translation
    stale: int  # of those, how many have English published since
    total: int
    course_translation_id: int | None  # the translated course page, to link to its editor

    @property
    def label(self):
        return Status.LABELS[self.status]


@dataclass(frozen=True)
class CourseRow:
    course: CoursePage
    cells: list[Cell]


def _page_is_stale(source_published, translated_published) -> bool:
    return bool(source_published and (not translated_published or translated_published < source_published))


def page_translation_is_out_of_date(*, page) -> bool:
    """True when `page` translates an English page that was published after `page` last was."""
    default = default_locale_id()
    if page.locale_id == default:
        return False
    source = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=default)
        .values_list("last_published_at", flat=True).first()
    )
    return _page_is_stale(source, page.last_published_at)


def translation_status_by_course() -> list[CourseRow]:
    default = default_locale_id()
    names = dict(settings.LANGUAGES)
    locales = [
        locale for locale in Locale.objects.exclude(pk=default).order_by("language_code")
        if locale.language_code in names
    ]
    courses = list(CoursePage.objects.filter(locale_id=default).order_by("path"))
    if not courses or not locales:
        return [CourseRow(course=course, cells=[]) for course in courses]
    under_any = Q()
    for course in courses:
        under_any |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules = list(
        ModulePage.objects.live().filter(locale_id=default).filter(under_any)
        .values("path", "translation_key", "last_published_at")
    )
    keys = [c.translation_key for c in courses] + [m["translation_key"] for m in modules]
    translated = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, live=True)
        .exclude(locale_id=default)
        .values("id", "translation_key", "locale_id", "last_published_at")
    }
    rows = []
    for course in courses:
        pages = [(course.translation_key, course.last_published_at)] + [
            (m["translation_key"], m["last_published_at"])
            for m in modules if m["path"].startswith(course.path)
        ]
        cells = []
        for locale in locales:
            found = [(translated.get((key, locale.pk)), published) for key, published in pages]
            done = [(row, published) for row, published in found if row is not None]
            stale = sum(1 for row, published in done if _page_is_stale(published, row["last_published_at"]))
            if len(done) < len(pages):
                status = Status.MISSING
            elif stale:
                status = Status.OUT_OF_DATE
            else:
                status = Status.COMPLETE
            course_translation = translated.get((course.translation_key, locale.pk))
            cells.append(
                Cell(
                    language_code=locale.language_code,
                    language_name=str(names[locale.language_code]),
                    status=status,
                    translated=len(done),
                    stale=stale,
                    total=len(pages),
                    course_translation_id=course_translation["id"] if course_translation else None,
                )
            )
        rows.append(CourseRow(course=course, cells=cells))
    return rows
