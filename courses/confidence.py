"""Services and selectors for the anonymous before-and-after confidence check
(`courses.models.confidence` explains what is stored and why nothing links answers to a person)."""

import secrets
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from lms.errors import RequestRefused

from .models import (
    ConfidenceAnswer,
    ConfidenceCheck,
    ConfidenceOffer,
    ConfidenceResponse,
    CoursePage,
    Enrollment,
)
from .models.confidence import SCALE_MAX, SCALE_MIN, Phase
from .translations import default_locale_id, source_page

# A group smaller than this is never shown in the report or its export: a mean of a handful of
# answers could be one colleague's.
MIN_GROUP = 10
PAIR_COOKIE_SALT = "courses.confidence.pair"
PAIR_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
SCALE = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]


class ConfidenceUnavailable(RequestRefused):
    status = 404


@dataclass(frozen=True)
class Statement:
    id: str
    text: str
    source_text: str


def pair_cookie_name(check) -> str:
    return f"confidence_pair_{check.pk}"


def new_pair_token() -> str:
    return secrets.token_urlsafe(24)


# --- Reads for learners ----------------------------------------------------------------------


def check_for_course(course) -> ConfidenceCheck | None:
    """The live check of `course` (or of the English course it translates), or None."""
    source = source_page(course) if course is not None else None
    if source is None:
        return None
    return (
        ConfidenceCheck.objects.filter(course=source, locale_id=default_locale_id(), live=True)
        .order_by("pk").first()
    )


def check_statements(check) -> list[Statement]:
    """The statements in the active language where the check is translated, in the source order;
    a statement the translation lacks is shown in English."""
    translated = {}
    language = get_language()
    if language:
        locale = Locale.objects.filter(language_code=language).exclude(pk=check.locale_id).first()
        translation = check.get_translation_or_none(locale) if locale else None
        if translation is not None:
            translated = {block.id: str(block.value) for block in translation.statements}
    return [
        Statement(
            id=block.id, text=translated.get(block.id) or str(block.value), source_text=str(block.value)
        )
        for block in check.statements
    ]


def offer_is_due(*, enrollment, phase) -> bool:
    if enrollment is None:
        return False
    if phase == Phase.AFTER and enrollment.completed_at is None:
        return False
    if phase == Phase.BEFORE and (enrollment.completed_at or enrollment.modules.exists()):
        return False  # too late for "before": they have begun
    return not ConfidenceOffer.objects.filter(enrollment=enrollment, phase=phase).exists()


def after_checks_due(*, user, enrollments=None) -> list[dict]:
    """The learner's completed courses whose "after" check they have not yet been offered, for My
    learning. One query; none when `enrollments` (all of the learner's, if the caller has them)
    holds no completed course."""
    if not user.is_authenticated:
        return []
    if enrollments is not None and not any(e.completed_at for e in enrollments):
        return []
    enrollments = (
        Enrollment.objects.filter(user=user, completed_at__isnull=False)
        .exclude(confidence_offers__phase=Phase.AFTER)
        .filter(course__in=ConfidenceCheck.objects.filter(live=True).values("course"))
        .select_related("course")
    )
    return [{"course": e.course, "phase": Phase.AFTER} for e in enrollments]


# --- Writes ----------------------------------------------------------------------------------


def _enrollment(*, user, course, phase):
    source = source_page(course)
    enrollment = Enrollment.objects.filter(user=user, course=source).first()
    if enrollment is None or (phase == Phase.AFTER and enrollment.completed_at is None):
        raise ConfidenceUnavailable(_("This questionnaire is not available."), code="not_available")
    return enrollment


def confidence_record(*, user, course, phase, answers: dict[str, int], pair_token: str) -> bool:
    """Store `answers` ({statement id: 1..5}; may be empty, which is a skip) for the learner's one
    offer of `phase`. Returns False when that offer was already used (a replay, a second tab): no
    second set of answers is ever stored. The answers carry nothing that names the learner."""
    check = check_for_course(course)
    if check is None:
        raise ConfidenceUnavailable(_("This questionnaire is not available."), code="not_available")
    enrollment = _enrollment(user=user, course=course, phase=phase)
    known = {s.id: s for s in check_statements(check)}
    unknown = set(answers) - set(known)
    if unknown or any(not SCALE_MIN <= value <= SCALE_MAX for value in answers.values()):
        raise RequestRefused(_("Some answers could not be read. Please try again."), code="bad_answers")
    try:
        with transaction.atomic():
            ConfidenceOffer.objects.create(enrollment=enrollment, phase=phase)
            if answers:
                response = ConfidenceResponse.objects.create(
                    confidence_check=check,
                    course=check.course,
                    phase=phase,
                    pair_token=pair_token,
                    period=timezone.localdate().replace(day=1),
                    borough=user.borough or "",
                    role=user.role or "",
                    language=get_language() or "",
                )
                ConfidenceAnswer.objects.bulk_create(
                    ConfidenceAnswer(
                        response=response, statement_id=sid, statement=known[sid].source_text[:255],
                        value=value,
                    )
                    for sid, value in answers.items()
                )
    except IntegrityError:
        return False  # the offer was used already
    return True


# --- The evaluators' report --------------------------------------------------------------------


@dataclass
class StatementFigures:
    id: str
    text: str
    before_n: int
    before_mean: float | None
    after_n: int
    after_mean: float | None

    @property
    def before_shown(self) -> bool:
        return self.before_n >= MIN_GROUP

    @property
    def after_shown(self) -> bool:
        return self.after_n >= MIN_GROUP

    @property
    def change(self) -> float | None:
        if self.before_shown and self.after_shown:
            return round(self.after_mean - self.before_mean, 2)
        return None


@dataclass
class ConfidenceReport:
    check: ConfidenceCheck | None
    before_responses: int = 0
    after_responses: int = 0
    paired: int = 0
    statements: list[StatementFigures] = field(default_factory=list)

    @property
    def before_shown(self) -> bool:
        return self.before_responses >= MIN_GROUP

    @property
    def after_shown(self) -> bool:
        return self.after_responses >= MIN_GROUP

    @property
    def paired_shown(self) -> bool:
        return self.paired >= MIN_GROUP


def report_courses():
    """English courses that have a confidence check, for the report's course picker."""
    return CoursePage.objects.filter(
        pk__in=ConfidenceCheck.objects.filter(locale_id=default_locale_id()).values("course")
    ).order_by("title")


def confidence_report(
    *, course, borough=None, role=None, period_from=None, period_to=None
) -> ConfidenceReport:
    """Responses and mean answers before and after, per statement, for one course and the chosen
    borough (`""` for "not given"), role and months. A group (a phase, or a statement in a phase)
    with fewer than MIN_GROUP responses is withheld: its count and mean are never returned."""
    check = (
        ConfidenceCheck.objects.filter(course=course, locale_id=default_locale_id()).order_by("pk").first()
    )
    report = ConfidenceReport(check=check)
    if check is None:
        return report
    responses = ConfidenceResponse.objects.filter(course=course)
    if borough is not None:
        responses = responses.filter(borough=borough)
    if role is not None:
        responses = responses.filter(role=role)
    if period_from is not None:
        responses = responses.filter(period__gte=period_from)
    if period_to is not None:
        responses = responses.filter(period__lte=period_to)
    counts = responses.aggregate(
        before=Count("pk", filter=Q(phase=Phase.BEFORE)), after=Count("pk", filter=Q(phase=Phase.AFTER))
    )
    report.before_responses, report.after_responses = counts["before"], counts["after"]
    report.paired = (
        responses.values("pair_token").annotate(phases=Count("phase", distinct=True))
        .filter(phases=2).count()
    )
    figures = {
        (row["statement_id"], row["response__phase"]): row
        for row in ConfidenceAnswer.objects.filter(response__in=responses)
        .values("statement_id", "response__phase")
        .annotate(n=Count("pk"), mean=Avg("value"))
    }
    current = [(s.id, s.source_text) for s in check_statements_source(check)]
    current_ids = {sid for sid, _text in current}
    removed = {
        row["statement_id"]: row["statement"]
        for row in ConfidenceAnswer.objects.filter(response__in=responses)
        .exclude(statement_id__in=current_ids).values("statement_id", "statement").distinct()
    }
    for sid, text in [*current, *removed.items()]:
        before = figures.get((sid, Phase.BEFORE), {})
        after = figures.get((sid, Phase.AFTER), {})
        report.statements.append(
            StatementFigures(
                id=sid, text=text,
                before_n=before.get("n", 0), before_mean=_round(before.get("mean")),
                after_n=after.get("n", 0), after_mean=_round(after.get("mean")),
            )
        )
    return report


def check_statements_source(check) -> list[Statement]:
    return [Statement(id=b.id, text=str(b.value), source_text=str(b.value)) for b in check.statements]


def _round(value):
    return None if value is None else round(float(value), 2)
