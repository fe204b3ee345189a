"""The public campaign's borough map and trend chart for CMS pages: aggregates only.

{% load campaign_charts %}
{% campaign_map %}      London boroughs shaded by the share of institutions covered, with a legend
{% campaign_trend %}    Londoners trained over time, from the nightly coverage snapshots

Each is followed in its template by a table with the same figures, so nothing depends on colour or
on seeing the chart. Small counts are shown as "fewer than 5" there, as everywhere public.
"""

from django import template
from django.core.cache import cache
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from cms.charts import borough_map_svg, legend, line_chart_svg

from ..models import CoverageSnapshot
from ..selectors import campaign_for_public
from .campaign_tags import public_borough_rows

register = template.Library()
CACHE_SECONDS = 300
TREND_POINTS = 26


@register.inclusion_tag("schools/tags/campaign_map.html")
def campaign_map(heading_level=2):
    campaign = campaign_for_public()
    if campaign is None or not campaign.institution_kinds:
        return {"campaign": None}
    data = public_borough_rows(campaign)
    svg = borough_map_svg(
        {row["ons_code"]: row["percent"] for row in data["rows"]},
        title=gettext("Share of schools, colleges and universities with trained staff, by borough"),
        description=gettext(
            "A map of London's 33 boroughs shaded from light (few covered) to dark "
            "(most covered). The same figures are in the table that follows."
        ),
    )
    return {
        "campaign": campaign,
        "svg": mark_safe(svg),  # noqa: S308 - built from escaped parts in cms.charts
        "legend": legend(),
        "updated_at": data["updated_at"],
        "heading_level": heading_level,
    }


@register.inclusion_tag("schools/tags/campaign_trend.html")
def campaign_trend(heading_level=2):
    campaign = campaign_for_public()
    if campaign is None:
        return {"points": None}
    key = f"schools:public-trend:{campaign.pk}"
    points = cache.get(key)
    if points is None:
        snapshots = list(
            CoverageSnapshot.objects.filter(campaign=campaign, borough__isnull=True)
            .order_by("-taken_on")
            .values("taken_on", "learners_completed", "institutions_covered")[:TREND_POINTS]
        )[::-1]
        points = [
            {
                "taken_on": s["taken_on"],
                "learners": s["learners_completed"],
                "institutions": s["institutions_covered"],
            }
            for s in snapshots
        ]
        cache.set(key, points, CACHE_SECONDS)
    # Dates are formatted after the cache, so each language gets its own month names.
    points = [{**p, "label": date_format(p["taken_on"], "j M Y")} for p in points]
    svg = (
        line_chart_svg(
            [(p["label"], p["learners"]) for p in points],
            title=gettext("Londoners who have completed the training, over time"),
            description=gettext(
                "A line rising from left to right as more people complete the training. "
                "The same figures are in the table that follows."
            ),
        )
        if len(points) > 1
        else ""
    )
    return {
        "campaign": campaign,
        "points": points,
        "svg": mark_safe(svg),  # noqa: S308 - built from escaped parts in cms.charts
        "heading_level": heading_level,
    }
