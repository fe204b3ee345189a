"""Rules for writing courses in the admin: where a module sits in its course, and who a change to
a published module affects. Used by the admin form and the Wagtail hooks (courses.wagtail_hooks).

A module's place is part of the change that goes through review: the trainer sets "position in
course" on the module's edit form; it is saved with the draft and applied when the change is
published. A new module goes before the course assessment unless its position says otherwise.
"""

from __future__ import annotations

from wagtail.models import Page

from .models import Enrollment, ModulePage, ModuleProgress


def _siblings(module) -> list[Page]:
    parent = module.get_parent()
    return list(Page.objects.child_of(parent).order_by("path").specific(defer=True))


def module_position(module) -> int | None:
    """1 for the course's first module; None for a module not yet in a course."""
    if not module.pk or not module.path:
        return None
    ids = list(Page.objects.sibling_of(module).order_by("path").values_list("pk", flat=True))
    return ids.index(module.pk) + 1


def place_module(module, position: int | None = None) -> bool:
    """Move `module` to `position` (1-based, clamped to the course) among its course's modules.
    Without a position, a module after the course assessment is moved just before it (a new
    module never lands after the assessment by accident). True when the module moved."""
    siblings = _siblings(module)
    current = next(i for i, page in enumerate(siblings) if page.pk == module.pk)
    others = [page for page in siblings if page.pk != module.pk]
    if position is None:
        assessment = next(
            (i for i, page in enumerate(siblings)
             if isinstance(page, ModulePage) and page.is_assessment and page.pk != module.pk),
            None,
        )
        if assessment is None or getattr(module, "is_assessment", False) or current < assessment:
            return False
        target = assessment  # its index among `others` is the same: the module was after it
    else:
        target = max(0, min(position - 1, len(others)))
    if target == current:
        return False
    page = Page.objects.get(pk=module.pk)
    if target >= len(others):
        page.move(page.get_parent(), pos="last-child")
    else:
        page.move(others[target], pos="left")
    return True


def apply_published_position(module, revision=None) -> bool:
    """On publish: move the module where its reviewed draft asked, then forget the request (so an
    old value never moves it back after someone else reorders the course)."""
    if module.position is None:
        return False
    moved = place_module(module, module.position)
    ModulePage.objects.filter(pk=module.pk).update(position=None)
    if revision is not None and isinstance(revision.content, dict):
        revision.content["position"] = None
        revision.save(update_fields=["content"])
    return moved


def learners_still_to_do(module) -> int:
    """Learners who started the module's course, have not completed it and have not done this
    module: those whose progress changes when the module becomes required."""
    from .translations import source_page

    course = module.get_parent().specific
    source_course = source_page(course) or course
    source_module = source_page(module) or module
    done = ModuleProgress.objects.filter(module_id=source_module.pk).values("enrollment_id")
    return (
        Enrollment.objects.filter(course_id=source_course.pk, completed_at__isnull=True)
        .exclude(pk__in=done).count()
    )
