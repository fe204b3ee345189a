"""Reads of course content for learner pages. Each runs one query, whatever the size of the course."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from cms.serving import remember

# The published modules of a course are the same for every learner: remembered under
# `cms.serving.pages_version()`, which changes whenever any page is saved, published, unpublished,
# moved or deleted.
OUTLINE_TIMEOUT = 600


@dataclass(frozen=True)
class OutlineItem:
    """One module in a course outline: enough to list and link it, without loading its body."""

    id: int
    title: str
    url: str
    estimated_minutes: int
    is_required: bool
    is_assessment: bool
    is_current: bool
    number: int
    translation_key: object = None  # shared by the module and its translations: progress matches on it


def catalogue_courses(*, index):
    """Published courses in the catalogue, in the order trainers arranged them."""
    from .models import CoursePage

    return (
        CoursePage.objects.child_of(index).live().public().order_by("path")
        .only("id", "title", "slug", "url_path", "path", "depth", "summary", "audience",
              "programme", "estimated_minutes", "locale_id")
    )


def course_outline(*, course, request=None, current=None) -> list[OutlineItem]:
    """The published modules of `course` in order. `current` (the module being shown, perhaps a
    draft in preview) is included and marked even when it is not live. No query when cached."""
    from .models import ModulePage

    if course is None:
        return []
    visible = Q(live=True)
    shown_live = current is None or not current.pk or current.live
    if not shown_live:
        visible |= Q(pk=current.pk)

    def modules():
        return list(
            ModulePage.objects.child_of(course).filter(visible).order_by("path")
            .values("id", "title", "slug", "estimated_minutes", "is_required", "is_assessment",
                    "translation_key")
        )

    key = f"courses:outline:{course.pk}"
    rows = remember(key, modules, OUTLINE_TIMEOUT) if shown_live else modules()
    course_url = course.get_url(request) or ""
    current_id = current.pk if current is not None else None
    return [
        OutlineItem(
            id=row["id"],
            title=row["title"],
            url=f"{course_url}{row['slug']}/",
            estimated_minutes=row["estimated_minutes"],
            is_required=row["is_required"],
            is_assessment=row["is_assessment"],
            is_current=row["id"] == current_id,
            number=number,
            translation_key=row["translation_key"],
        )
        for number, row in enumerate(rows, start=1)
    ]


def outline_neighbours(
    *, outline: list[OutlineItem], current
) -> tuple[OutlineItem | None, OutlineItem | None]:
    """The modules before and after `current` in the outline (None at either end)."""
    ids = [item.id for item in outline]
    if current is None or current.pk not in ids:
        return None, None
    position = ids.index(current.pk)
    previous_item = outline[position - 1] if position > 0 else None
    next_item = outline[position + 1] if position + 1 < len(outline) else None
    return previous_item, next_item
