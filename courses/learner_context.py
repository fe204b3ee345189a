"""The seam between course content pages and the learner's progress.

`CourseIndexPage`, `CoursePage` and `ModulePage.get_context` merge what these return into the
template context. The progress tracker owns this module: it fills in enrolment, completion state,
the URLs the module page posts to, and any graded result to show. The templates read:

- `assessment_submit_url`: where the questions form posts (no form is shown without it)
- `grade_result`: a `courses.grading.GradeResult` to show after the learner has answered
- `grading_errors`: `{question_id: [message, ...]}` from a `courses.grading.GradingError`
"""


def module_learner_context(*, request, module, course, outline) -> dict:
    return {"assessment_submit_url": None, "grade_result": None, "grading_errors": {}}


def course_learner_context(*, request, course, outline) -> dict:
    return {}


def catalogue_learner_context(*, request, courses) -> dict:
    return {}
