"""Report tables for programme staff built on the coverage selectors: the borough table with a
"borough not given" row and a total row, so no learner who completed vanishes from it."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..models import Borough, Campaign
from .coverage import _campaign_completions, _percent, coverage_by_borough


def learners_without_borough(*, campaign: Campaign, on: date | None = None) -> int:
    """Learners who completed within the campaign but gave no borough (or one not in London's list),
    erased people's anonymous facts included. One query."""
    completers = _campaign_completions(campaign=campaign, on=on).values("user_id")
    known = Borough.objects.values("ons_code")
    unknown = Q(borough="") | Q(borough__isnull=True) | ~Q(borough__in=known)
    erased = (
        _campaign_completions(campaign=campaign, on=on, facts=True)
        .filter(unknown)
        .annotate(one=Value(1))
        .values("one")
        .annotate(n=Count("person", distinct=True))
        .values("n")
    )
    return (
        get_user_model()
        .objects.filter(pk__in=completers)
        .filter(unknown)
        .aggregate(n=Count("pk") + Coalesce(Subquery(erased), 0))["n"]
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
            "percent": None,
            "learners": unknown,
            # Learners without a borough are counted by their certificates (training on this site).
            "covered_platform": None,
            "covered_external": None,
            "learners_platform": unknown,
            "learners_external": None,
            "is_extra": True,
        }
    )
    total = sum(row["total"] or 0 for row in rows)
    covered = sum(row["covered"] or 0 for row in rows)
    sums = {
        key: sum(row[key] or 0 for row in rows)
        for key in ("covered_platform", "covered_external", "learners_platform", "learners_external")
    }
    rows.append(
        {
            **blank,
            "borough": gettext("Total"),
            "total": total,
            "covered": covered,
            "uncovered": total - covered,
            "percent": _percent(covered, total),
            "learners": sum(row["learners"] for row in rows),
            **sums,
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
