"""Report tables for programme staff built on the coverage selectors: the borough table with a
"borough not given" row and a total row, so no learner who completed vanishes from it."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..models import Borough, Campaign, CompletionFact
from .coverage import (
    EXTERNAL,
    PLATFORM,
    CountDistinct,
    _campaign_completions,
    _campaign_external,
    _percent,
    _trained_users,
    coverage_by_borough,
)


def learners_without_borough(*, campaign: Campaign, on: date | None = None) -> dict:
    """Learners trained within the campaign who gave no borough (or one not in London's list):
    together (each once), on this site and elsewhere, as `coverage_by_borough` counts them, erased
    people's anonymous facts included. One query."""
    def trained(**kwargs):
        return Q(pk__in=_trained_users(campaign=campaign, on=on, within_campaign=True, **kwargs))

    known = Borough.objects.values("ons_code")
    unknown = Q(borough="") | Q(borough__isnull=True) | ~Q(borough__in=known)
    platform = _campaign_completions(campaign=campaign, on=on, facts=True).filter(unknown)
    external = _campaign_external(campaign=campaign, on=on, facts=True).filter(unknown)
    either = CompletionFact.objects.filter(Q(pk__in=platform.values("pk")) | Q(pk__in=external.values("pk")))

    def erased(facts):
        return Coalesce(Subquery(facts.order_by().values(n=CountDistinct(F("person")))), 0)

    return (
        get_user_model()
        .objects.filter(unknown)
        .aggregate(
            together=Count("pk", filter=trained()) + erased(either),
            platform=Count("pk", filter=trained(source=PLATFORM)) + erased(platform),
            external=Count("pk", filter=trained(source=EXTERNAL)) + erased(external),
        )
    )


def coverage_by_borough_with_totals(*, campaign: Campaign, on: date | None = None) -> list[dict]:
    """`coverage_by_borough`, then "Borough not given" (learners only: every institution has a
    borough) and "Total" (every institution and every learner once). Three queries."""
    rows = coverage_by_borough(campaign=campaign, on=on)
    unknown = learners_without_borough(campaign=campaign, on=on)
    blank = {"borough_id": None, "ons_code": "", "is_inner": False}
    rows.append(
        {
            **blank,
            "borough": gettext("Borough not given"),
            "total": None,
            "covered": None,
            "uncovered": None,
            "covered_platform": None,
            "covered_external": None,
            "percent": None,
            "learners": unknown["together"],
            "learners_platform": unknown["platform"],
            "learners_external": unknown["external"],
            "is_extra": True,
        }
    )
    total = sum(row["total"] or 0 for row in rows)
    covered = sum(row["covered"] or 0 for row in rows)
    rows.append(
        {
            **blank,
            "borough": gettext("Total"),
            "total": total,
            "covered": covered,
            "uncovered": total - covered,
            "percent": _percent(covered, total),
            "covered_platform": sum(row["covered_platform"] or 0 for row in rows),
            "covered_external": sum(row["covered_external"] or 0 for row in rows),
            "learners": sum(row["learners"] for row in rows),
            "learners_platform": sum(row["learners_platform"] for row in rows),
            "learners_external": sum(row["learners_external"] for row in rows),
            "is_extra": True,
            "is_total": True,
        }
    )
    return rows


def weekly_trend(*, campaign: Campaign, start: date | None = None, end: date | None = None) -> list[dict]:
    """Completions and unique learners per week with the running total of completions since the
    campaign began, narrowed to the weeks from `start` to `end` (the running total still counts
    the weeks before `start`). One query."""
    from .coverage import completions_by_week

    rows, running = [], 0
    for row in completions_by_week(campaign=campaign, on=end):
        running += row["completions"]
        week = row["week"].date() if hasattr(row["week"], "date") else row["week"]
        if start and week < start - timedelta(days=6):
            continue
        rows.append({**row, "week": week, "running_total": running})
    return rows


def trend_chart(rows: list[dict], *, title: str) -> str:
    """The running total as an SVG line chart (cms.charts: no script, no inline style)."""
    from django.utils.formats import date_format, number_format

    from cms.charts import ChartPoint, line_chart_svg

    if len(rows) < 2:
        return ""
    points = [
        ChartPoint(
            label=date_format(row["week"], "j M"),
            value=row["running_total"],
            tooltip=gettext("%(date)s: %(total)s completions so far")
            % {
                "date": date_format(row["week"], "j M Y"),
                "total": number_format(row["running_total"], force_grouping=True),
            },
        )
        for row in rows
    ]
    description = gettext(
        "Running total of completions from %(first)s to %(last)s; the table below has every figure."
    ) % {"first": date_format(rows[0]["week"], "j M Y"), "last": date_format(rows[-1]["week"], "j M Y")}
    svg = line_chart_svg(points, title=title, description=description)
    return mark_safe(svg)  # noqa: S308 - built from escaped parts in cms.charts
