"""The seam between course content pages and the learner's progress.

`ModulePage.get_context` and `CoursePage.get_context` merge what these return into the template
context. The progress tracker owns this module: it fills in enrolment, completion state, the
URLs the module page posts to, and any graded result to show. The templates read:

- `assessment_submit_url`: where the questions form posts (no form is shown without it)
- `grade_result`: a `courses.grading.GradeResult` to show after the learner has answered
- `grading_errors`: `{question_id: [message, ...]}` from a `courses.grading.GradingError`
- `progress`: a `courses.progress_selectors.CourseProgress` (outline states, progress bar)
- `complete_url`, `next_url`, `start_url`, `attempt_number`: for the buttons in
  `courses/includes/module_actions.html`
- `paper_options`: `{question_id: [option bound blocks in the drawn order]}` for the questions of
  the learner's next attempt (a question of the page that is not in it is not shown)
- `reveal_answers`: whether results may say which options are correct (the course's
  `assessment_feedback` setting; knowledge checks always do)
"""

from django.urls import reverse

from . import progress_selectors, services
from .grading import GradingError, effective_pass_mark, grade_module
from .models import AssessmentFeedback


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
        if "attempt" in request.GET:
            context.update(_shown_attempt(request=request, module=module, course=course))
            if context["grade_result"] is not None:
                return context
        paper = services.quiz_paper_for_next_attempt(
            user=request.user, course=course, module=module, enrollment=progress.enrollment
        )
        context["attempt_number"] = paper.number
        context["paper_options"] = paper_options(module=module, layout=paper.layout)
    return context


def paper_options(*, module, layout) -> dict:
    """`{question_id: [option bound blocks]}` in the order drawn for the paper."""
    drawn = {question_id: option_ids for question_id, option_ids in layout}
    shown = {}
    for child in module.body:
        if child.block_type != "question" or child.id not in drawn:
            continue
        by_id = {item.id: item for item in child.value["options"].bound_blocks}
        order = [by_id[oid] for oid in drawn[child.id] if oid in by_id]
        order += [item for oid, item in by_id.items() if oid not in set(drawn[child.id])]
        shown[child.id] = order
    return shown


def reveal_answers(*, course, module, result) -> bool:
    """Whether the results of `result` may show which options are correct."""
    if not module.is_assessment:
        return True
    policy = course.assessment_feedback
    if policy == AssessmentFeedback.ALWAYS:
        return True
    if policy == AssessmentFeedback.NEVER:
        return False
    return bool(result and result.passed)


def _shown_attempt(*, request, module, course) -> dict:
    """The learner's own attempt named in `?attempt=`, regraded for display (404 if not theirs)."""
    try:
        attempt_id = int(request.GET["attempt"])
    except ValueError:
        attempt_id = 0
    attempt = progress_selectors.attempt_for_learner(
        user=request.user, module=module, attempt_id=attempt_id
    )
    layout = attempt.paper.layout if attempt.paper_id else None
    try:
        result = grade_module(
            module=module, answers=attempt.answers, pass_mark=effective_pass_mark(course.pass_mark),
            layout=layout,
        )
    except GradingError:
        result = None  # the questions were edited since this attempt: the stored score still shows
    return {
        "shown_attempt": attempt,
        "grade_result": result,
        "reveal_answers": reveal_answers(course=course, module=module, result=result),
        "questions_to_review": [q for q in result.questions if not q.correct] if result else [],
    }


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
