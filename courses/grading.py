"""Server-side grading of a module's questions. Pure: reads the page, writes nothing.

The progress tracker calls `grade_module` with what the learner posted and stores the result
(`QuizAttempt.answers` takes `GradeResult.answers`, which holds identifiers only). Answer keys,
feedback and explanations live only in the page's StreamField and in the `GradeResult` returned
here, which a results page may show once the learner has answered
(`templates/courses/includes/graded_results.html` renders one).

Identifiers: a question is the id of its StreamField block; an option is the id of its list item
(see `courses.blocks`). Form field names are `question_field_name(question_id)`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .blocks import QuestionKind

FIELD_PREFIX = "q-"


def question_field_name(question_id: str) -> str:
    """The name of the form field that carries the chosen option ids for a question."""
    return f"{FIELD_PREFIX}{question_id}"


def answers_from_post(data) -> dict[str, list[str]]:
    """Collect `{question_id: [option_id, ...]}` from a QueryDict (request.POST)."""
    return {
        key[len(FIELD_PREFIX):]: data.getlist(key)
        for key in data
        if key.startswith(FIELD_PREFIX)
    }


class GradingError(ValidationError):
    """The submission cannot be graded; nothing should be stored.

    `message_dict` maps a question id to its messages (or "__all__" for problems not tied to one of
    this module's questions). Codes, via `error_dict[key][0].code`: "unanswered", "unknown_option",
    "too_many_options", "unknown_question", "no_questions".
    """


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    is_correct: bool
    feedback: str
    fixed: bool = False  # the trainer keeps it in place when options are shuffled


@dataclass(frozen=True)
class Question:
    id: str
    prompt: str
    kind: str
    options: tuple[Option, ...]
    explanation: object  # wagtail RichText, or "" when the trainer left it empty

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.is_correct)


@dataclass(frozen=True)
class OptionResult:
    id: str
    text: str
    is_correct: bool
    chosen: bool
    feedback: str


@dataclass(frozen=True)
class QuestionResult:
    id: str
    prompt: str
    kind: str
    correct: bool
    options: tuple[OptionResult, ...]
    explanation: object

    @property
    def chosen_feedback(self) -> list[str]:
        return [o.feedback for o in self.options if o.chosen and o.feedback]


@dataclass(frozen=True)
class GradeResult:
    questions: tuple[QuestionResult, ...]
    correct_count: int
    question_count: int
    score: int  # whole percent, rounded down: a learner is never shown more than they earned
    pass_mark: int
    passed: bool
    answers: dict[str, list[str]] = field(default_factory=dict)  # normalised, ids only

    @property
    def by_id(self) -> dict[str, QuestionResult]:
        return {q.id: q for q in self.questions}


def module_questions(module) -> list[Question]:
    """The questions in a module body, in page order, with their answer keys (server-side only)."""
    questions = []
    for child in module.body:
        if child.block_type != "question":
            continue
        value = child.value
        options = tuple(
            Option(
                id=item.id,
                text=item.value["text"],
                is_correct=bool(item.value["is_correct"]),
                feedback=item.value["feedback"] or "",
                fixed=bool(item.value.get("fixed")),
            )
            for item in value["options"].bound_blocks
        )
        questions.append(
            Question(
                id=child.id,
                prompt=value["prompt"],
                kind=value["kind"],
                options=options,
                explanation=value["explanation"] or "",
            )
        )
    return questions


def paper_draw(*, questions: list[Question], pool_size: int | None = None, rng=None) -> list:
    """Draw a paper: which questions one attempt asks and the order their options are shown in.

    Returns `[[question_id, [option_id, ...]], ...]` (JSON-ready, stored with the attempt). With a
    `pool_size` smaller than the number of questions, that many are drawn at random; drawn
    questions keep their page order (a knowledge check stays next to the lesson it checks). Each
    question's options are shuffled, except options the trainer fixed, which keep their place
    ("All of the above" stays last). Uses the operating system's randomness, never anything the
    browser sent.
    """
    rng = rng or random.SystemRandom()
    chosen = list(questions)
    if pool_size and pool_size < len(chosen):
        keep = set(rng.sample(range(len(chosen)), pool_size))
        chosen = [q for n, q in enumerate(chosen) if n in keep]
    layout = []
    for question in chosen:
        movable = [o.id for o in question.options if not o.fixed]
        rng.shuffle(movable)
        order = iter(movable)
        layout.append([question.id, [o.id if o.fixed else next(order) for o in question.options]])
    return layout


def paper_questions(*, questions: list[Question], layout) -> list[Question]:
    """The questions of a drawn paper (`layout` from `paper_draw`), with options in the drawn order.

    Questions removed from the page since the draw are left out; options added since are shown
    after the drawn ones, and removed ones are dropped, so a paper always matches the page's
    answer key. `layout=None` (attempts stored before papers existed) means every question, in
    page order.
    """
    if layout is None:
        return list(questions)
    by_id = {q.id: q for q in questions}
    drawn = []
    for question_id, option_ids in layout:
        question = by_id.get(question_id)
        if question is None:
            continue
        options = {o.id: o for o in question.options}
        ordered = [options[oid] for oid in option_ids if oid in options]
        ordered += [o for o in question.options if o.id not in set(option_ids)]
        drawn.append(
            Question(
                id=question.id, prompt=question.prompt, kind=question.kind,
                options=tuple(ordered), explanation=question.explanation,
            )
        )
    return drawn


def paper_is_current(*, questions: list[Question], layout, pool_size: int | None) -> bool:
    """Whether a paper drawn earlier still fits the page: every drawn question is still there and
    it asks as many questions as the page now asks for (a trainer may have edited the module)."""
    ids = {q.id for q in questions}
    drawn = [question_id for question_id, _options in layout]
    wanted = min(pool_size, len(ids)) if pool_size else len(ids)
    return len(drawn) == wanted and all(question_id in ids for question_id in drawn)


FULL_MARKS = 100


def effective_pass_mark(pass_mark: int | None) -> int:
    """THE pass mark grading uses: the course's, else 100 (every question right) when it has none,
    which page validation allows only for courses without an assessment."""
    return pass_mark or FULL_MARKS


def course_pass_mark(module) -> int:
    """The pass mark of the module's course (`effective_pass_mark`)."""
    from .models import CoursePage

    pass_mark = CoursePage.objects.parent_of(module).values_list("pass_mark", flat=True).first()
    return effective_pass_mark(pass_mark)


def grade_module(
    *, module, answers: dict[str, list[str]], pass_mark: int | None = None, layout=None
) -> GradeResult:
    """Grade `answers` (`{question_id: [option_id, ...]}`) against the questions of `module`
    (only those of the drawn paper `layout`, in its order, when one is given; see `paper_draw`).

    Every question must be answered; single-choice questions take exactly one option. A question
    is correct when the chosen options are exactly its correct options. `score` is the percentage
    of questions correct (rounded down) and `passed` compares the exact fraction with the pass mark
    (the course's, unless `pass_mark` is given). Raises `GradingError` and grades nothing when any
    answer is missing, names an option the question does not have, or names a question that is not
    in this module.
    """
    questions = paper_questions(questions=module_questions(module), layout=layout)
    if not questions:
        raise GradingError(
            {"__all__": [ValidationError(_("This module has no questions."), code="no_questions")]}
        )
    if pass_mark is None:
        pass_mark = course_pass_mark(module)

    errors: dict[str, list[ValidationError]] = {}
    known = {q.id for q in questions}  # a question of the page left out of this paper is unknown
    unknown = sorted(str(qid) for qid in answers if qid not in known)
    if unknown:
        errors["__all__"] = [
            ValidationError(
                _(
                    "Some answers are for questions that are not in this attempt. Reload the page "
                    "and try again."
                ),
                code="unknown_question",
            )
        ]

    normalised: dict[str, list[str]] = {}
    for question in questions:
        chosen = [str(option_id) for option_id in answers.get(question.id) or [] if option_id]
        chosen = list(dict.fromkeys(chosen))  # drop repeats, keep order
        valid_ids = {o.id for o in question.options}
        if not chosen:
            errors[question.id] = [ValidationError(_("Choose an answer."), code="unanswered")]
        elif any(option_id not in valid_ids for option_id in chosen):
            errors[question.id] = [
                ValidationError(
                    _("That answer is not one of the options. Reload the page and try again."),
                    code="unknown_option",
                )
            ]
        elif question.kind == QuestionKind.SINGLE and len(chosen) > 1:
            errors[question.id] = [ValidationError(_("Choose one answer."), code="too_many_options")]
        normalised[question.id] = chosen
    if errors:
        raise GradingError(errors)

    results = []
    for question in questions:
        chosen = set(normalised[question.id])
        results.append(
            QuestionResult(
                id=question.id,
                prompt=question.prompt,
                kind=question.kind,
                correct=chosen == question.correct_ids,
                options=tuple(
                    OptionResult(
                        id=o.id, text=o.text, is_correct=o.is_correct, chosen=o.id in chosen,
                        feedback=o.feedback,
                    )
                    for o in question.options
                ),
                explanation=question.explanation,
            )
        )
    correct_count = sum(1 for r in results if r.correct)
    total = len(results)
    return GradeResult(
        questions=tuple(results),
        correct_count=correct_count,
        question_count=total,
        score=correct_count * 100 // total,
        pass_mark=pass_mark,
        passed=correct_count * 100 >= pass_mark * total,
        answers=normalised,
    )
