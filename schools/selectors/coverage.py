"""Campaign figures: learners completed and institutions covered. Everything is aggregated in the
database, so each selector runs a fixed number of queries however many institutions there are.

Counting rules (documented for programme staff in the reports):
- A certificate counts while it is not revoked and is less than the campaign's validity period old:
  one completed on 1 December 2023 with 36 months' validity counts up to 30 November 2026 and no
  longer on the anniversary, 1 December 2026 (`counting_certificates`).
- The learner target counts each person once whose counting certificate was completed between the
  campaign's start and end dates (or today, if sooner).
- An institution is covered when at least `staff_needed` of its members who agreed to share their
  completion with it hold a counting certificate. Only open institutions of the campaign's kinds count.
- A person whose data was erased leaves an anonymous `CompletionFact` per certificate (course,
  completion date, borough, shared institutions, a random per-person identifier); every figure adds
  the facts that count by the same rules, so erasing someone changes no figure.
"""

import calendar
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from certificates.models import Certificate

from ..models import Borough, Campaign, CompletionFact, Institution, InstitutionKind, Membership


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + (day.month - 1) - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _as_of(campaign: Campaign, on: date | None) -> date:
    return on or timezone.localdate()


def counting_certificates(*, campaign: Campaign, on: date | None = None):
    """Certificates of the campaign's courses that are current on `on` (default today): not revoked,
    completed no later than `on`, and after the day `certificate_valid_months` before it, so a
    certificate stops counting on its anniversary day (`months_before` clamps to the end of a
    shorter month)."""
    return _counting(Certificate.objects.filter(revoked_at__isnull=True), campaign=campaign, on=on)


def counting_facts(*, campaign: Campaign, on: date | None = None):
    """Anonymous completion facts (of erased people) that count on `on`, by the same rules."""
    return _counting(CompletionFact.objects.all(), campaign=campaign, on=on)


def _counting(qs, *, campaign: Campaign, on: date | None):
    on = _as_of(campaign, on)
    qs = qs.filter(
        completed_at__gte=_start_of(months_before(on, campaign.certificate_valid_months) + timedelta(days=1)),
        completed_at__lt=_start_of(on + timedelta(days=1)),
    )
    if campaign.programme:
        qs = qs.filter(course__programme=campaign.programme)
    course_ids = _course_ids(campaign)
    if course_ids:
        qs = qs.filter(course_id__in=course_ids)
    return qs


def _course_ids(campaign: Campaign) -> list[int]:
    """The campaign's chosen courses (empty: every course of its programme), read once per instance."""
    if not campaign.pk:
        return []
    if not hasattr(campaign, "_course_ids"):
        campaign._course_ids = list(campaign.courses.values_list("pk", flat=True))
    return campaign._course_ids


def _campaign_completions(*, campaign: Campaign, on: date | None = None, facts: bool = False):
    """Counting certificates completed within the campaign's dates (for the learner target); with
    `facts`, the counting anonymous completion facts instead."""
    on = _as_of(campaign, on)
    end = min(on, campaign.ends_on) if campaign.ends_on else on
    counting = counting_facts if facts else counting_certificates
    return counting(campaign=campaign, on=on).filter(
        completed_at__gte=_start_of(campaign.starts_on), completed_at__lt=_start_of(end + timedelta(days=1))
    )


def _fact_institutions(*, campaign: Campaign, on: date | None = None):
    """(fact, institution) rows of counting facts: an erased person who shared with an institution."""
    return CompletionFact.institutions.through.objects.filter(
        completionfact__in=counting_facts(campaign=campaign, on=on)
    )


def covered_institution_ids(*, campaign: Campaign, on: date | None = None):
    """A subquery of the ids of institutions with enough sharing staff holding a counting certificate.

    Driven from the (smaller) memberships table: each sharing membership probes the certificates
    index on (user, course) once, instead of hashing every current certificate's learner.
    Erased people's anonymous facts add their institutions (`staff_needed` 1), or add to the count
    of the institutions they shared with (only those are counted again, with both sources).
    """
    current = counting_certificates(campaign=campaign, on=on).filter(user_id=OuterRef("user_id"))
    trained = Membership.objects.filter(Exists(current), shares_completion=True)
    anonymous = _fact_institutions(campaign=campaign, on=on)
    if campaign.staff_needed <= 1:
        return trained.values("institution_id").union(anonymous.values("institution_id"))
    # A membership is unique per (user, institution), so counting rows counts people.
    by_members = (
        trained.values("institution_id")
        .annotate(trained=Count("id"))
        .filter(trained__gte=campaign.staff_needed)
        .values("institution_id")
    )
    with_facts = (
        Institution.objects.filter(pk__in=anonymous.values("institution_id"))
        .annotate(trained=_trained_people(trained=trained, anonymous=anonymous))
        .filter(trained__gte=campaign.staff_needed)
        .order_by()
        .values("pk")
    )
    return by_members.order_by().union(with_facts)


def _trained_people(*, trained, anonymous):
    """Per institution (an OuterRef("pk")): sharing members with a counting certificate plus erased
    people with a counting fact who shared with it."""
    members = (
        trained.filter(institution=OuterRef("pk")).values("institution").annotate(n=Count("pk")).values("n")
    )
    erased = (
        anonymous.filter(institution=OuterRef("pk"))
        .values("institution")
        .annotate(n=Count("completionfact__person", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(members), 0) + Coalesce(Subquery(erased), 0)


def counted_institutions(*, campaign: Campaign):
    """The institutions the campaign's institution target counts (`InstitutionQuerySet.counted_for`)."""
    return Institution.objects.counted_for(campaign)


def covered_institutions(*, campaign: Campaign, on: date | None = None):
    """Counted institutions that are covered on `on`: THE "covered" every figure and filter uses."""
    covered = covered_institution_ids(campaign=campaign, on=on)
    return counted_institutions(campaign=campaign).filter(pk__in=covered)


def campaign_summary(*, campaign: Campaign, on: date | None = None) -> dict:
    """Headline figures for one campaign, with the institution figures per kind. Two queries (three
    the first time a campaign instance is used: its chosen courses)."""
    learners = _learners_completed(campaign=campaign, on=on)
    kinds = coverage_by_kind(campaign=campaign, on=on)
    total = sum(row["total"] for row in kinds)
    covered = sum(row["covered"] for row in kinds)
    return {
        "campaign": campaign,
        "learners_completed": learners,
        "learner_target": campaign.learner_target,
        "learner_percent": _percent(learners, campaign.learner_target),
        "institutions_total": total,
        "institutions_covered": covered,
        "institution_percent": _percent(covered, total),
        "kinds": kinds,
    }


def _learners_completed(*, campaign: Campaign, on: date | None = None) -> int:
    """Unique learners completing within the campaign, and erased people (one query)."""
    erased = (
        _campaign_completions(campaign=campaign, on=on, facts=True)
        .annotate(one=Value(1))
        .values("one")
        .annotate(n=Count("person", distinct=True))
        .values("n")
    )
    return _campaign_completions(campaign=campaign, on=on).aggregate(
        n=Count("user_id", distinct=True) + Coalesce(Subquery(erased), 0)
    )["n"]


def coverage_by_kind(*, campaign: Campaign, on: date | None = None) -> list[dict]:
    """Covered / total per institution kind. One query."""
    covered = covered_institution_ids(campaign=campaign, on=on)
    rows = (
        counted_institutions(campaign=campaign)
        .values("kind")
        .annotate(total=Count("id"), covered=Count("id", filter=Q(id__in=covered)))
        .order_by("kind")
    )
    labels = dict(InstitutionKind.choices)
    return [
        {
            **row,
            "label": labels.get(row["kind"], row["kind"]),
            "percent": _percent(row["covered"], row["total"]),
        }
        for row in rows
    ]


def coverage_by_borough(*, campaign: Campaign, on: date | None = None) -> list[dict]:
    """Every borough with institutions covered / total, percent, and learners who gave that borough.
    Two queries."""
    def per_borough(institutions):
        counts = institutions.filter(borough=OuterRef("pk")).values("borough").annotate(n=Count("pk"))
        return Coalesce(Subquery(counts.values("n")), 0)

    boroughs = Borough.objects.annotate(
        total=per_borough(counted_institutions(campaign=campaign)),
        covered=per_borough(covered_institutions(campaign=campaign, on=on)),
    ).order_by("name")
    # Each learner gave at most one borough: count learners (a semi-join), not certificates; and
    # erased people, by the borough their facts keep.
    completers = _campaign_completions(campaign=campaign, on=on).values("user_id")
    people = (
        get_user_model().objects.filter(pk__in=completers).values("borough").annotate(n=Count("pk"))
    )
    erased = (
        _campaign_completions(campaign=campaign, on=on, facts=True)
        .values("borough")
        .annotate(n=Count("person", distinct=True))
    )
    learners: dict[str, int] = {}
    rows = people.order_by().values_list("borough", "n").union(
        erased.order_by().values_list("borough", "n"), all=True
    )
    for code, n in rows:
        learners[code] = learners.get(code, 0) + n
    return [
        {
            "borough_id": b.pk,
            "borough": b.name,
            "ons_code": b.ons_code,
            "is_inner": b.is_inner,
            "total": b.total,
            "covered": b.covered,
            "uncovered": b.total - b.covered,
            "percent": _percent(b.covered, b.total),
            "learners": learners.get(b.ons_code, 0),
        }
        for b in boroughs
    ]


def uncovered_institutions(*, campaign: Campaign, borough: Borough | None = None, on: date | None = None):
    """The outreach list: counted institutions not yet covered, by borough then name. One query."""
    qs = (
        counted_institutions(campaign=campaign)
        .exclude(id__in=covered_institution_ids(campaign=campaign, on=on))
        .select_related("borough")
        .order_by("borough__name", "name")
    )
    return qs.filter(borough=borough) if borough is not None else qs


def institution_coverage(*, institution: Institution, campaign: Campaign, on: date | None = None) -> dict:
    """How many sharing staff of one institution hold a counting certificate. One query."""
    trained = Membership.objects.filter(
        shares_completion=True, user_id__in=counting_certificates(campaign=campaign, on=on).values("user_id")
    )
    row = (
        Institution.objects.filter(pk=institution.pk)
        .annotate(
            trained=_trained_people(trained=trained, anonymous=_fact_institutions(campaign=campaign, on=on)),
            counts=Exists(counted_institutions(campaign=campaign).filter(pk=OuterRef("pk"))),
            covered=Exists(covered_institutions(campaign=campaign, on=on).filter(pk=OuterRef("pk"))),
        )
        .values("trained", "counts", "covered")
        .get()
    )
    return {
        "campaign": campaign,
        "trained": row["trained"],
        "needed": campaign.staff_needed,
        "covered": row["covered"],
        "counts": row["counts"],
    }


def completions_by_week(*, campaign: Campaign, on: date | None = None) -> list[dict]:
    """Completions and unique learners per week (Monday) within the campaign, erased people's
    included. One query."""
    def per_week(completions, person):
        return (
            completions.annotate(week=TruncWeek("completed_at"))
            .values("week")
            .annotate(completions=Count("id"), learners=Count(person, distinct=True))
            .order_by()
            .values_list("week", "completions", "learners")
        )

    weeks: dict = {}
    rows = per_week(_campaign_completions(campaign=campaign, on=on), "user_id").union(
        per_week(_campaign_completions(campaign=campaign, on=on, facts=True), "person"), all=True
    )
    for week, completions, learners in rows:
        total = weeks.setdefault(week, {"week": week, "completions": 0, "learners": 0})
        total["completions"] += completions
        total["learners"] += learners
    return [weeks[week] for week in sorted(weeks)]


def campaign_for_public() -> Campaign | None:
    """The campaign whose figures public pages show: the latest one marked public."""
    return Campaign.objects.filter(is_public=True).order_by("-starts_on", "-pk").first()


def _percent(part: int, whole: int | None) -> float | None:
    if not whole:
        return None
    return round(100 * part / whole, 1)
