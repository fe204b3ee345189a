"""Page-level rules for courses that need more than one field (used by the admin forms and by
`clean()` when pages are saved in code). Each returns `{field_name: message}`; empty means valid."""

from __future__ import annotations

from django.utils.translation import gettext as _


def module_errors(
    *, course, module, is_assessment: bool, body, questions_per_attempt=None
) -> dict[str, str]:
    """Rules for a module about to be saved under `course` (`module.pk` is None when new)."""
    from django.utils.translation import ngettext

    from .models import ModulePage

    errors: dict[str, str] = {}
    question_count = sum(1 for child in body or [] if child.block_type == "question")
    if questions_per_attempt and questions_per_attempt > question_count:
        errors["questions_per_attempt"] = ngettext(
            "Each attempt cannot draw %(wanted)d questions: the module has only %(count)d "
            "question. Add questions or lower the number.",
            "Each attempt cannot draw %(wanted)d questions: the module has only %(count)d "
            "questions. Add questions or lower the number.",
            question_count,
        ) % {"wanted": questions_per_attempt, "count": question_count}
    if not is_assessment:
        return errors
    if course is not None and course.pass_mark is None:
        errors["is_assessment"] = (
            _(
                "This course has no pass mark. Set the course's pass mark (1-100) before marking a "
                "module as the assessment."
            )
        )
    elif course is not None:
        other = (
            ModulePage.objects.child_of(course).filter(is_assessment=True)
            .exclude(pk=module.pk).values_list("title", flat=True).first()
        )
        if other:
            errors["is_assessment"] = _('This course already has an assessment: "%(title)s".') % {
                "title": other
            }
    if not any(child.block_type == "question" for child in body or []):
        errors["body"] = _("An assessment needs at least one question.")
    return errors


def course_errors(*, course, pass_mark) -> dict[str, str]:
    """Rules for a course: an existing assessment module needs a pass mark to be graded against."""
    from .models import ModulePage

    if pass_mark is None and course.pk and (
        ModulePage.objects.child_of(course).filter(is_assessment=True).exists()
    ):
        return {"pass_mark": _("This course has an assessment, so it needs a pass mark (1-100).")}
    return {}
