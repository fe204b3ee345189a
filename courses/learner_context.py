"""The seam between course content pages and the learner's progress.

`ModulePage.get_context` and `CoursePage.get_context` merge what these return into the template
context. The progress tracker owns this module: it fills in enrolment, completion state, the
URLs the module page posts to, and any graded result to show. The templates read:

- `assessment_submit_url`: where the questions form posts (no form is shown without it)
- `grade_result`: a `courses.grading.GradeResult` to show after the learner has answered
- `grading_errors`: `{question_id: [message, ...]}` from a `courses.grading.GradingError`
- `progress`: a `courses.progress_selectors.CourseProgress` (outline states, progress bar)
- `complete_url`, `next_url`, `start_url`, `attempt_number`, `latest_attempt`: for the buttons in
  `courses/includes/module_actions.html`
"""

from django.urls import reverse

from . import progress_selectors, services
from .grading import GradingError, effective_pass_mark, grade_module


def module_learner_context(*, request, module, course, outline) -> dict:
    context = {"assessment_submit_url": None, "grade_result": None, "grading_errors": {},
               "progress": None}
    if course is None:
        return context
    progress = progress_selectors.course_progress(user=request.user, course=course, outline=outline)
    context["progress"] = progress
    if not request.user.is_authenticated or not module.live:  # anonymous, or a trainer's preview
        return context
    if progress.enrollment is not None:
        services.enrollment_visit(enrollment=progress.enrollment, module=module)
    ids = [item.id for item in outline]
    position = ids.index(module.pk) if module.pk in ids else len(ids)
    following = outline[position + 1] if position + 1 < len(outline) else None
    context["next_url"] = following.url if following else course.get_url(request)
    if not module.is_assessment:
        context["complete_url"] = reverse("courses:module_complete", args=[course.pk, module.pk])
    if module.is_assessment or module.has_questions:
        context["assessment_submit_url"] = reverse("courses:quiz_submit", args=[course.pk, module.pk])
        latest = progress_selectors.latest_attempt(enrollment=progress.enrollment, module=module)
        context["latest_attempt"] = latest
        context["attempt_number"] = latest.number + 1 if latest else 1
        if "attempt" in request.GET:
            context.update(_shown_attempt(request=request, module=module, course=course))
    return context


def _shown_attempt(*, request, module, course) -> dict:
    """The learner's own attempt named in `?attempt=`, regraded for display (404 if not theirs)."""
    try:
        attempt_id = int(request.GET["attempt"])
    except ValueError:
        attempt_id = 0
    attempt = progress_selectors.attempt_for_learner(
        user=request.user, module=module, attempt_id=attempt_id
    )
    try:
        pass_mark = effective_pass_mark(course.pass_mark)
        result = grade_module(module=module, answers=attempt.answers, pass_mark=pass_mark)
    except GradingError:
        result = None  # the questions were edited since this attempt: the stored score still shows
    return {"shown_attempt": attempt, "grade_result": result}


def course_learner_context(*, request, course, outline) -> dict:
    progress = progress_selectors.course_progress(user=request.user, course=course, outline=outline)
    return {
        "progress": progress,
        "start_url": reverse("courses:enrollment_start", args=[course.pk]),
    }


def catalogue_learner_context(*, request, courses) -> dict:
    """`course_progress`: the learner's `CourseProgress` in each listed course they started, keyed
    by course id (its `next_module.url` is where "Continue" goes). Two queries; none if anonymous."""
    return {
        "course_progress": progress_selectors.progress_by_course(
            user=request.user, courses=courses, request=request
        )
    }
