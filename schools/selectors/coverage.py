"""Campaign figures: learners completed and institutions covered. Everything is aggregated in the
database, so each selector runs a fixed number of queries however many institutions there are.

Counting rules (documented for programme staff in the reports):
- A certificate counts while it is not revoked and is less than the campaign's validity period old:
  one completed on 1 December 2023 with 36 months' validity counts up to 30 November 2026 and no
  longer on the anniversary, 1 December 2026 (`counting_certificates`).
- The learner target counts each person once whose counting certificate was completed between the
  campaign's start and end dates (or today, if sooner).
- Training done elsewhere counts the same way: a confirmed `ExternalRecord` of an external training
  the campaign recognises counts while it is less than that training's `valid_months` old (it too
  stops on its anniversary), and from its training date for the learner target
  (`counting_external`). A person is counted once however many certificates and records they hold.
- An institution is covered when at least `staff_needed` of its members hold a counting certificate
  or record. Programme-level figures (summary, kinds, boroughs, outreach list, public figures) count
  every member, sharing or not, since they show no one's identity; what a lead sees
  (`institution_coverage(sharing_only=True)`) counts only staff who share with the institution.
- A membership is "confirmed" (by invitation, added by programme staff, or confirmed by a lead) or
  "self-declared"; a campaign with `self_declared_counts` off counts only confirmed ones, and the
  reports always show what confirmed memberships alone cover.
- Only open institutions of the campaign's kinds count.
- A person whose data was erased leaves an anonymous `CompletionFact` per counting certificate
  (course, completion date, borough, a random per-person identifier, and each institution they were
  a member of with whether they shared with it and whether the membership was confirmed). Facts stand
  for platform certificates: every PLATFORM and ALL figure adds the facts that count by the same
  rules, so erasing someone changes no figure. A confirmed record of training done elsewhere leaves
  a fact with its training and date instead (`counting_external_facts`), counted in EXTERNAL and ALL
  by the records' rules; ALL counts an erased person once, by their random identifier. An erased person has no
  certificate, record or membership left, so they are never counted twice.
"""

import calendar
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from certificates.models import Certificate

from ..models import (
    Borough,
    Campaign,
    CompletionFact,
    CompletionFactInstitution,
    ExternalRecord,
    Institution,
    InstitutionKind,
    InstitutionStatus,
    Membership,
)

# Which training a figure counts: both (a person counts once), platform certificates, or records of
# training done elsewhere.
ALL, PLATFORM, EXTERNAL = "all", "platform", "external"


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
    """Anonymous completion facts (of erased people) that count on `on`, by the certificates' rules."""
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
    return _counted_training(campaign)[0]


def _counted_training(campaign: Campaign) -> tuple[list[int], dict[int, list[int]]]:
    """The campaign's chosen courses, and the external trainings it recognises grouped by how many
    months they stay current: one query, read once per campaign instance."""
    if not campaign.pk:
        return [], {}
    if not hasattr(campaign, "_counted_training"):
        courses, trainings = set(), {}
        rows = Campaign.objects.filter(pk=campaign.pk).values_list(
            "courses__pk", "external_trainings__pk", "external_trainings__valid_months"
        )
        for course_id, training_id, months in rows:
            if course_id:
                courses.add(course_id)
            if training_id:
                trainings.setdefault(months, set()).add(training_id)
        campaign._counted_training = (
            sorted(courses),
            {months: sorted(ids) for months, ids in sorted(trainings.items())},
        )
    return campaign._counted_training


def counting_external(*, campaign: Campaign, on: date | None = None):
    """Confirmed records of training done elsewhere that count for `campaign` on `on` (default today):
    of an external training the campaign recognises, claimed by a person, dated no later than `on`
    and after the day the training's `valid_months` before it (so, like a certificate, a record
    stops counting on its anniversary day)."""
    records = ExternalRecord.objects.filter(status=ExternalRecord.Status.CONFIRMED, user__isnull=False)
    return _counting_external(records, campaign=campaign, on=on)


def counting_external_facts(*, campaign: Campaign, on: date | None = None):
    """Anonymous facts left by erased people's confirmed records that count, by the records' rules."""
    return _counting_external(CompletionFact.objects.all(), campaign=campaign, on=on)


def _counting_external(qs, *, campaign: Campaign, on: date | None):
    on = _as_of(campaign, on)
    # Never true (a campaign recognising no external training), for records and facts alike.
    current = Q(training__isnull=True) & Q(training__isnull=False)
    for months, training_ids in _counted_training(campaign)[1].items():
        current |= Q(training_id__in=training_ids, completed_on__gt=months_before(on, months))
    return qs.filter(current, completed_on__lte=on)


def _campaign_external(*, campaign: Campaign, on: date | None = None, facts: bool = False):
    """Counting external records dated within the campaign's dates (for the learner target); with
    `facts`, the counting anonymous facts erased people's records left instead."""
    on = _as_of(campaign, on)
    end = min(on, campaign.ends_on) if campaign.ends_on else on
    counting = counting_external_facts if facts else counting_external
    return counting(campaign=campaign, on=on).filter(
        completed_on__gte=campaign.starts_on, completed_on__lte=end
    )


def _trained_users(*, campaign: Campaign, on: date | None, source: str = ALL, within_campaign=False):
    """A subquery of user ids holding counting training of `source` (certificates, records or both:
    a union, so each person once)."""
    if within_campaign:
        certificates = _campaign_completions(campaign=campaign, on=on).values("user_id")
        external = _campaign_external(campaign=campaign, on=on).values("user_id")
    else:
        certificates = counting_certificates(campaign=campaign, on=on).values("user_id")
        external = counting_external(campaign=campaign, on=on).values("user_id")
    if source == PLATFORM:
        return certificates
    if source == EXTERNAL:
        return external
    # Operands of a UNION carry no ORDER BY (SQLite refuses one; the models have default orderings).
    return certificates.order_by().union(external.order_by())


def counted_memberships(
    *, campaign: Campaign, sharing_only: bool = False, confirmed_only: bool = False
):
    """The memberships whose people count toward an institution's coverage: every member in
    programme-level figures; only those who share with the institution in what its lead sees; only
    confirmed ones when asked or when the campaign does not count self-declared memberships."""
    members = Membership.objects.all()
    if sharing_only:
        members = members.filter(shares_completion=True)
    if confirmed_only or not campaign.self_declared_counts:
        members = members.filter(confirmed_at__isnull=False)
    return members


def _trained_members(
    *, campaign: Campaign, on: date | None, source: str = ALL, sharing_only=False, confirmed_only=False
):
    """Counted memberships whose person holds counting training of `source`. One kind: each
    membership probes that kind's index once (a semi-join). Both: a semi-join against the union of
    the people holding either, which the database hashes once (measured at the benchmark's scale,
    ~6x faster than an OR of the two probes, which cannot be planned as a semi-join)."""
    members = counted_memberships(campaign=campaign, sharing_only=sharing_only, confirmed_only=confirmed_only)
    if source == PLATFORM:
        return members.filter(
            Exists(counting_certificates(campaign=campaign, on=on).filter(user_id=OuterRef("user_id")))
        )
    if source == EXTERNAL:
        return members.filter(
            Exists(counting_external(campaign=campaign, on=on).filter(user_id=OuterRef("user_id")))
        )
    return members.filter(user_id__in=_trained_users(campaign=campaign, on=on))


def _fact_members(
    *, campaign: Campaign, on: date | None, source: str = ALL, sharing_only=False, confirmed_only=False
):
    """The (fact, institution) rows of counting facts that count toward an institution's coverage,
    by the rules of `counted_memberships`: facts of certificates, of records, or either."""
    platform = Q(pk__in=counting_facts(campaign=campaign, on=on).values("pk"))
    external = Q(pk__in=counting_external_facts(campaign=campaign, on=on).values("pk"))
    counted = {PLATFORM: platform, EXTERNAL: external}.get(source, platform | external)
    counting = CompletionFact.objects.filter(counted).values("pk")
    rows = CompletionFactInstitution.objects.filter(fact__in=counting)
    if sharing_only:
        rows = rows.filter(shared=True)
    if confirmed_only or not campaign.self_declared_counts:
        rows = rows.filter(confirmed=True)
    return rows


def _trained_people(*, members, facts):
    """Per institution (an OuterRef("pk")): counted members holding counting training, plus erased
    people (once each, however many facts) with a counting fact at it."""
    live = members.filter(institution=OuterRef("pk")).values("institution").annotate(n=Count("pk"))
    live = live.values("n")
    erased = (
        facts.filter(institution=OuterRef("pk"))
        .values("institution")
        .annotate(n=Count("fact__person", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(live), 0) + Coalesce(Subquery(erased), 0)


def _campaign_completions(*, campaign: Campaign, on: date | None = None, facts: bool = False):
    """Counting certificates completed within the campaign's dates (for the learner target); with
    `facts`, the counting anonymous completion facts of erased people instead."""
    on = _as_of(campaign, on)
    end = min(on, campaign.ends_on) if campaign.ends_on else on
    counting = counting_facts if facts else counting_certificates
    return counting(campaign=campaign, on=on).filter(
        completed_at__gte=_start_of(campaign.starts_on), completed_at__lt=_start_of(end + timedelta(days=1))
    )


def covered_institution_ids(
    *, campaign: Campaign, on: date | None = None, source: str = ALL, confirmed_only: bool = False
):
    """A subquery of the ids of institutions with enough counted members holding counting training
    (of `source`; confirmed memberships only when asked).

    Driven from the (smaller) memberships table: each membership probes the certificates index on
    (user, course) once, instead of hashing every current certificate's learner. Erased people's
    counting facts add the institutions they were counted members of; with `staff_needed` above one,
    the (few) institutions they were members of are counted again with both.
    """
    trained = _trained_members(campaign=campaign, on=on, source=source, confirmed_only=confirmed_only)
    facts = _fact_members(campaign=campaign, on=on, source=source, confirmed_only=confirmed_only)
    if campaign.staff_needed <= 1:
        return trained.values("institution_id").order_by().union(facts.values("institution_id").order_by())
    # A membership is unique per (user, institution), so counting rows counts people.
    by_members = (
        trained.values("institution_id")
        .annotate(trained=Count("id"))
        .filter(trained__gte=campaign.staff_needed)
        .values("institution_id")
    )
    with_facts = (
        Institution.objects.filter(pk__in=facts.values("institution_id"))
        .annotate(trained=_trained_people(members=trained, facts=facts))
        .filter(trained__gte=campaign.staff_needed)
        .order_by()
        .values("pk")
    )
    return by_members.order_by().union(with_facts)


def counted_institutions(*, campaign: Campaign):
    """The institutions the campaign's institution target counts (`InstitutionQuerySet.counted_for`)."""
    return Institution.objects.counted_for(campaign)


def covered_institutions(*, campaign: Campaign, on: date | None = None, source: str = ALL):
    """Counted institutions that are covered on `on`: THE "covered" every figure and filter uses."""
    covered = covered_institution_ids(campaign=campaign, on=on, source=source)
    return counted_institutions(campaign=campaign).filter(pk__in=covered)


def _learner_counts(users) -> dict:
    """Add the platform-only figure to counts of people trained (together, external, external only):
    everyone trained who holds no record counted elsewhere holds a certificate."""
    return {"platform": users["together"] - users["external_only"], **users}


class CountDistinct(Func):
    """COUNT(DISTINCT expression) as a plain expression, for a one-value subquery."""

    template = "COUNT(DISTINCT %(expressions)s)"
    output_field = IntegerField()


def _learner_totals(*, campaign: Campaign, on: date | None) -> dict:
    """People trained within the campaign, London-wide: on this site, elsewhere, only elsewhere, and
    together (each once). One query of three one-value subqueries: the certificates' distinct
    learners as before, and two over the small records table (measured at the benchmark's scale:
    ~0.6 s, against ~5 s for counting over the union of both in one pass). Erased people's facts
    add the same way (their people are nobody else)."""
    certificates = _campaign_completions(campaign=campaign, on=on).order_by()
    external = _campaign_external(campaign=campaign, on=on).order_by()
    only_elsewhere = external.filter(~Exists(certificates.filter(user_id=OuterRef("user_id"))))

    facts = _campaign_completions(campaign=campaign, on=on, facts=True).order_by()
    external_facts = _campaign_external(campaign=campaign, on=on, facts=True).order_by()
    facts_only_elsewhere = external_facts.exclude(person__in=facts.values("person"))

    def people(qs, person="user_id"):
        return Coalesce(Subquery(qs.values(n=CountDistinct(F(person)))), 0)

    row = (
        Campaign.objects.filter(pk=campaign.pk)
        .values(
            platform=people(certificates) + people(facts, "person"),
            external=people(external) + people(external_facts, "person"),
            external_only=people(only_elsewhere) + people(facts_only_elsewhere, "person"),
        )
        .get()
    )
    return {**row, "together": row["platform"] + row["external_only"]}


def _learner_aggregates(*, campaign: Campaign, on: date | None):
    """Aggregates over people trained within the campaign: together (each once), by training done
    elsewhere, and by training done only elsewhere (no counting certificate). The records are few,
    so the second and third probe only them."""
    external = _trained_users(campaign=campaign, on=on, source=EXTERNAL, within_campaign=True)
    certified = _campaign_completions(campaign=campaign, on=on).filter(user_id=OuterRef("pk"))
    return {
        "together": Count("pk"),
        "external": Count("pk", filter=Q(pk__in=external)),
        "external_only": Count("pk", filter=Q(pk__in=external) & ~Exists(certified)),
    }


def campaign_summary(*, campaign: Campaign, on: date | None = None) -> dict:
    """Headline figures for one campaign, with the institution figures per kind: platform and
    external training separately and together, and what confirmed memberships alone cover. Two
    queries (three the first time a campaign instance is used: its chosen courses and trainings)."""
    users = _learner_totals(campaign=campaign, on=on)
    learners = users["together"]
    kinds = coverage_by_kind(campaign=campaign, on=on)
    total = sum(row["total"] for row in kinds)
    covered = sum(row["covered"] for row in kinds)
    figures = {
        key: sum(row[key] for row in kinds)
        for key in ("covered_platform", "covered_external", "covered_confirmed")
    }
    return {
        "campaign": campaign,
        "learners_completed": learners,
        "learners_platform": users["platform"],
        "learners_external": users["external"],
        **{f"institutions_{key}": value for key, value in figures.items()},
        "self_declared_counts": campaign.self_declared_counts,
        "learner_target": campaign.learner_target,
        "learner_percent": _percent(learners, campaign.learner_target),
        "institutions_total": total,
        "institutions_covered": covered,
        "institution_percent": _percent(covered, total),
        "kinds": kinds,
    }


def coverage_by_kind(*, campaign: Campaign, on: date | None = None) -> list[dict]:
    """Covered / total per institution kind: by both kinds of training, by each alone, and by
    confirmed memberships alone. One query."""
    def covered(**kwargs):
        return Count("id", filter=Q(id__in=covered_institution_ids(campaign=campaign, on=on, **kwargs)))

    rows = (
        counted_institutions(campaign=campaign)
        .values("kind")
        .annotate(
            total=Count("id"),
            covered=covered(),
            covered_platform=covered(source=PLATFORM),
            covered_external=covered(source=EXTERNAL),
            covered_confirmed=covered(confirmed_only=True),
        )
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
    """Every borough with institutions covered / total (by both kinds of training, and by each),
    percent, and learners who gave that borough (together, platform, external). Two queries."""
    # One pass over the institutions joined to their borough: each "covered" set is an uncorrelated
    # subquery the database computes once (a correlated one per borough ran it 33 times).
    counted = Q(
        institutions__status=InstitutionStatus.OPEN, institutions__kind__in=campaign.institution_kinds or []
    )

    def covered(**kwargs):
        ids = covered_institution_ids(campaign=campaign, on=on, **kwargs)
        return Count("institutions", filter=counted & Q(institutions__in=ids))

    boroughs = Borough.objects.annotate(
        total=Count("institutions", filter=counted),
        covered=covered(),
        covered_platform=covered(source=PLATFORM),
        covered_external=covered(source=EXTERNAL),
    ).order_by("name")
    # Each learner gave at most one borough: count learners (a semi-join), not certificates; and
    # erased people, by the borough their facts keep.
    completers = _trained_users(campaign=campaign, on=on, within_campaign=True)
    people = (
        get_user_model()
        .objects.filter(pk__in=completers)
        .values("borough")
        .annotate(**_learner_aggregates(campaign=campaign, on=on))
        .order_by()
        .values_list("borough", "together", "external", "external_only")
    )
    platform_facts = _campaign_completions(campaign=campaign, on=on, facts=True)
    elsewhere = Q(pk__in=_campaign_external(campaign=campaign, on=on, facts=True).values("pk"))
    erased = (
        CompletionFact.objects.filter(Q(pk__in=platform_facts.values("pk")) | elsewhere)
        .values("borough")
        .annotate(
            together=Count("person", distinct=True),
            external=Count("person", distinct=True, filter=elsewhere),
            external_only=Count(
                "person", distinct=True, filter=elsewhere & ~Q(person__in=platform_facts.values("person"))
            ),
        )
        .order_by()
        .values_list("borough", "together", "external", "external_only")
    )
    totals: dict[str, dict] = {}
    for code, *counts in people.union(erased, all=True):
        row = totals.setdefault(code, {"together": 0, "external": 0, "external_only": 0})
        for key, n in zip(("together", "external", "external_only"), counts, strict=True):
            row[key] += n
    learners = {code: _learner_counts(row) for code, row in totals.items()}
    nobody = {"together": 0, "platform": 0, "external": 0}
    return [
        {
            "borough_id": b.pk,
            "borough": b.name,
            "ons_code": b.ons_code,
            "is_inner": b.is_inner,
            "total": b.total,
            "covered": b.covered,
            "uncovered": b.total - b.covered,
            "covered_platform": b.covered_platform,
            "covered_external": b.covered_external,
            "percent": _percent(b.covered, b.total),
            "learners": learners.get(b.ons_code, nobody)["together"],
            "learners_platform": learners.get(b.ons_code, nobody)["platform"],
            "learners_external": learners.get(b.ons_code, nobody)["external"],
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


def institution_coverage(
    *, institution: Institution, campaign: Campaign, on: date | None = None, sharing_only: bool = True
) -> dict:
    """How many staff of one institution hold counting training (together, platform, external) and
    whether that covers it. By default only staff who share with the institution count, so what its
    lead sees never reveals a colleague who does not share (an erased person's fact counts there
    only if they shared with it). One query."""
    def trained(source):
        members = _trained_members(campaign=campaign, on=on, source=source, sharing_only=sharing_only)
        facts = _fact_members(campaign=campaign, on=on, source=source, sharing_only=sharing_only)
        return _trained_people(members=members, facts=facts)

    row = (
        Institution.objects.filter(pk=institution.pk)
        .annotate(
            trained=trained(ALL),
            trained_platform=trained(PLATFORM),
            trained_external=trained(EXTERNAL),
            counts=Exists(counted_institutions(campaign=campaign).filter(pk=OuterRef("pk"))),
        )
        .values("trained", "trained_platform", "trained_external", "counts")
        .get()
    )
    return {
        "campaign": campaign,
        "trained": row["trained"],
        "trained_platform": row["trained_platform"],
        "trained_external": row["trained_external"],
        "needed": campaign.staff_needed,
        # Covered by the same people it counts: never a figure the trained count does not explain.
        "covered": bool(row["counts"]) and row["trained"] >= campaign.staff_needed,
        "counts": row["counts"],
    }


def completions_by_week(*, campaign: Campaign, on: date | None = None) -> list[dict]:
    """Completions and unique learners per week (Monday) within the campaign, erased people's
    included (a person is nobody else, so the two add up). One query."""
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
