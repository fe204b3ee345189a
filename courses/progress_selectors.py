"""Reads for the progress tracker: the completion rule, a learner's place in a course, My learning.

(Reads of course content live in `courses.selectors`; these layer a learner's progress over the
outline it returns.) Every function runs a fixed number of queries, whatever the number of
modules, enrollments or learners.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import ngettext
from wagtail.models import Page

from lms.compiled_queries import CompiledValuesQuery

from .models import CoursePage, Enrollment, ModulePage, ModuleProgress, QuizAttempt
from .selectors import OutlineItem, course_outline

STEPLEN = Page.steplen


def _counts_toward_completion(prefix: str = "") -> Q:
    """The modules that count toward completion and toward "n of m modules": required ones and the
    assessment (which always counts, even if a trainer left "required" unticked on it). `prefix`
    reaches a module through a relation, e.g. "modules__module__"."""
    return Q(**{f"{prefix}is_required": True}) | Q(**{f"{prefix}is_assessment": True})


def enrollment_is_complete(*, enrollment, course=None) -> bool:
    """THE completion rule, in one query: the course has at least one module that counts, every
    live required module has been completed, and every live assessment module has a passing
    attempt.

    Modules are checked as they are now, so a required module added later is outstanding for a
    learner still in progress. (A learner already completed stays completed: `completed_at` is
    never cleared.)
    """
    course = course or enrollment.course
    done = Exists(ModuleProgress.objects.filter(enrollment_id=enrollment.pk, module_id=OuterRef("pk")))
    passed = Exists(
        QuizAttempt.objects.filter(enrollment_id=enrollment.pk, module_id=OuterRef("pk"), passed=True)
    )
    outstanding = (_counts_toward_completion() & ~Q(done)) | (Q(is_assessment=True) & ~Q(passed))
    counts = (
        ModulePage.objects.live()
        .child_of(course)
        .aggregate(
            counted=Count("pk", filter=_counts_toward_completion()),
            outstanding=Count("pk", filter=outstanding),
        )
    )
    return counts["counted"] > 0 and counts["outstanding"] == 0


class State:
    DONE = "done"
    CURRENT = "current"
    TODO = "todo"


@dataclass(frozen=True)
class ProgressItem:
    module: OutlineItem
    done: bool
    current: bool

    @property
    def counts(self) -> bool:
        return self.module.is_required or self.module.is_assessment

    @property
    def state(self) -> str:
        if self.current:
            return State.CURRENT
        return State.DONE if self.done else State.TODO


@dataclass
class CourseProgress:
    """What one learner has done in one course, ready for templates."""

    course: CoursePage
    enrollment: Enrollment | None
    items: list[ProgressItem] = field(default_factory=list)

    @property
    def started(self) -> bool:
        return self.enrollment is not None

    @property
    def completed_at(self) -> datetime | None:
        return self.enrollment.completed_at if self.enrollment else None

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def done_ids(self) -> frozenset[int]:
        return frozenset(item.module.id for item in self.items if item.done)

    @property
    def total(self) -> int:
        return sum(1 for item in self.items if item.counts)

    @property
    def done_count(self) -> int:
        return sum(1 for item in self.items if item.counts and item.done)

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.is_complete else 0
        return self.done_count * 100 // self.total

    @property
    def summary(self) -> str:
        """The text equivalent of the progress bar: "3 of 5 modules complete"."""
        return ngettext(
            "%(done)d of %(total)d module complete", "%(done)d of %(total)d modules complete", self.total
        ) % {"done": self.done_count, "total": self.total}

    @property
    def next_module(self) -> OutlineItem | None:
        """Where "Continue" goes: the first module that counts and is not done yet, else the first
        optional one not done, else the first module."""
        for wanted in (lambda i: i.counts and not i.done, lambda i: not i.done, lambda i: True):
            for item in self.items:
                if wanted(item):
                    return item.module
        return None


ENROLLMENT_FIELDS = ("id", "course_id", "started_at", "last_module_id", "last_visited_at", "completed_at")

# Every module and course page runs it: built and compiled once (lms.compiled_queries).
_ENROLLMENT_WITH_DONE_KEYS = CompiledValuesQuery(
    lambda user_id, course_key: Enrollment.objects.filter(
        user_id=user_id, course__translation_key=course_key
    ).values(*ENROLLMENT_FIELDS, "last_module__translation_key", "modules__module__translation_key"),
    user_id=int,
    course_key=uuid.UUID,
)


def _enrollment_with_done_keys(*, user, course) -> tuple[Enrollment | None, set]:
    """The learner's enrollment in `course` (or in the English course it translates) and the
    translation keys of the modules they have completed, in ONE query (the enrollment LEFT JOINed
    with its module progress rows). Keys, not ids: progress points at the English pages, and a
    translated module shares its source's key (courses.translations)."""
    if not getattr(user, "is_authenticated", False):
        return None, set()
    rows = _ENROLLMENT_WITH_DONE_KEYS.rows(user_id=user.pk, course_key=course.translation_key)
    if not rows:
        return None, set()
    enrollment = Enrollment(user=user, **{f: rows[0][f] for f in ENROLLMENT_FIELDS})
    if enrollment.course_id == course.pk:
        enrollment.course = course
    enrollment.last_module_key = rows[0]["last_module__translation_key"]
    enrollment._state.adding, enrollment._state.db = False, Enrollment.objects.db
    keys = {row["modules__module__translation_key"] for row in rows}
    keys.discard(None)
    return enrollment, keys


def course_progress(*, user, course, outline: list[OutlineItem]) -> CourseProgress:
    """This learner's progress over `outline` (from `courses.selectors.course_outline`), in one
    query whatever the number of modules, in whichever language the course is shown."""
    enrollment, done_keys = _enrollment_with_done_keys(user=user, course=course)
    items = [
        ProgressItem(module=m, done=m.translation_key in done_keys, current=m.is_current)
        for m in outline
    ]
    return CourseProgress(course=course, enrollment=enrollment, items=items)


def attempt_for_learner(*, user, module, attempt_id) -> QuizAttempt:
    """One of the learner's own attempts at `module`; 404 for anyone else's (or any other module's)."""
    attempt = QuizAttempt.objects.select_related("paper").filter(
        pk=attempt_id, module__translation_key=module.translation_key,
        enrollment__user_id=getattr(user, "pk", None),
    ).first()
    if attempt is None:
        raise Http404("No such attempt")
    return attempt


def _progress_for_enrollments(*, user, enrollments, request=None) -> list[CourseProgress]:
    """Progress in each enrollment's course: the outline of each course (remembered, the same for
    every learner: `courses.selectors.course_outline`) with this learner's done flags, from ONE
    query for the translation keys of the modules they completed, however many courses."""
    if not enrollments:
        return []
    done_keys = set(
        ModuleProgress.objects.filter(enrollment__user=user).values_list(
            "module__translation_key", flat=True
        )
    )
    by_path = {e.course.path: e for e in enrollments}  # one per course
    return [
        CourseProgress(
            course=e.course,
            enrollment=e,
            items=[
                ProgressItem(module=item, done=item.translation_key in done_keys, current=False)
                for item in course_outline(course=e.course, request=request)
            ],
        )
        for e in by_path.values()
    ]


def progress_by_course(*, user, courses, request=None) -> dict[int, CourseProgress]:
    """The learner's progress in those of `courses` they started, keyed by course id (two queries;
    none for an anonymous visitor). `courses` may be translations: the enrollment in their English
    source is shown over the translated modules."""
    if not getattr(user, "is_authenticated", False) or not courses:
        return {}
    by_key = {course.translation_key: course for course in courses}
    enrollments = list(
        Enrollment.objects.filter(user=user, course__translation_key__in=list(by_key))
        .annotate(course_key=F("course__translation_key"))
    )
    for enrollment in enrollments:
        enrollment.course = by_key[enrollment.course_key]
    rows = _progress_for_enrollments(user=user, enrollments=enrollments, request=request)
    return {p.course.pk: p for p in rows}


@dataclass(frozen=True)
class EnrollmentSummary:
    """One enrollment in brief, counted as its learner sees it on the course ("1 of 2 modules")."""

    user_id: int
    course_title: str
    programme: str
    completed_at: datetime | None
    done: int
    total: int


def enrollment_summaries(*, user_ids) -> list[EnrollmentSummary]:
    """Every enrollment of these learners with the live modules that count toward completion, done
    of total, as `CourseProgress.summary` counts them (optional and unpublished modules left out).
    Two queries, however many learners and courses."""
    counted_done = Q(modules__module__live=True) & _counts_toward_completion("modules__module__")
    rows = list(
        Enrollment.objects.filter(user_id__in=list(user_ids))
        .annotate(done=Count("modules__module", filter=counted_done, distinct=True))
        .values("user_id", "done", "completed_at", "course__title", "course__programme", "course__path")
        .order_by("pk")
    )
    totals: dict[str, int] = {}
    course_paths = {row["course__path"] for row in rows}
    if course_paths:
        under_any = Q()
        for path in course_paths:
            under_any |= Q(path__startswith=path, depth=len(path) // STEPLEN + 1)
        modules = ModulePage.objects.live().filter(under_any).filter(_counts_toward_completion())
        for path in modules.values_list("path", flat=True):
            totals[path[:-STEPLEN]] = totals.get(path[:-STEPLEN], 0) + 1
    return [
        EnrollmentSummary(
            user_id=row["user_id"],
            course_title=row["course__title"],
            programme=row["course__programme"],
            completed_at=row["completed_at"],
            done=row["done"],
            total=totals.get(row["course__path"], 0),
        )
        for row in rows
    ]


@dataclass
class MyLearning:
    in_progress: list[CourseProgress]
    completed: list[CourseProgress]
    certificates: dict[int, object]
    enrollments: list[Enrollment] = field(default_factory=list)

    @property
    def certificates_enabled(self) -> bool:
        return bool(getattr(settings, "COURSES_CERTIFICATE_LOOKUP", ""))


def my_learning(*, user, request=None) -> MyLearning:
    """Everything on a learner's My learning page: at most three queries (enrollments with their
    courses, the translation keys of the modules this learner completed, and certificates once a
    course is complete; the outlines are remembered), however many courses the learner has
    started."""
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("course")
        .order_by(Coalesce("last_visited_at", "started_at").desc(), "-pk")  # most recently used first
    )
    rows = _progress_for_enrollments(user=user, enrollments=enrollments, request=request)
    completed = sorted((p for p in rows if p.is_complete), key=lambda p: p.completed_at, reverse=True)
    return MyLearning(
        in_progress=[p for p in rows if not p.is_complete],
        completed=completed,
        # Shown beside completed courses only: no query while none is.
        certificates=certificates_for(user=user, enrollments=[p.enrollment for p in completed]),
        enrollments=enrollments,
    )


def certificates_for(*, user, enrollments) -> dict[int, object]:
    """The learner's certificates for these enrollments, keyed by enrollment id.

    `courses` never imports `certificates` (a higher app): the lookup is the function named by
    settings.COURSES_CERTIFICATE_LOOKUP, called as `lookup(enrollment_ids=[...])` with ids of this
    user's own enrollments only, and returning `{enrollment_id: certificate}`, each with
    `get_absolute_url()`. Unset: no links.
    """
    path = getattr(settings, "COURSES_CERTIFICATE_LOOKUP", "")
    own_ids = [e.pk for e in enrollments if e.user_id == user.pk]
    if not path or not own_ids:
        return {}
    return import_string(path)(enrollment_ids=own_ids)
