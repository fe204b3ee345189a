"""The public campaign's borough map and trend chart for CMS pages: aggregates only.

{% load campaign_charts %}
{% campaign_map %}      London boroughs shaded by the share of institutions covered, with a legend
{% campaign_trend %}    Londoners trained over time, from the nightly coverage snapshots

Each is followed in its template by a table with the same figures, so nothing depends on colour or
on seeing the chart. Both draw only from the suppressed public figures (schools.selectors.public):
a borough whose count is not shown is hatched, and a day whose count is not shown is not plotted.
"""

from django import template
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.charts import ChartPoint, MapArea, borough_map_svg, legend, line_chart_svg

from ..selectors import public_figures

register = template.Library()


def _map_area(borough) -> MapArea:
    if not borough.institutions:
        return MapArea(None, _("no institutions counted"))
    if borough.covered.shown:
        return MapArea(borough.percent, _("%(percent)s%% covered") % {"percent": f"{borough.percent:.0f}"})
    if borough.covered.withheld:
        return MapArea(None, _("not shown"), withheld=True)
    return MapArea(None, _("fewer than 5 covered"), withheld=True)


@register.inclusion_tag("schools/tags/campaign_map.html")
def campaign_map(heading_level=2):
    figures = public_figures()
    if figures is None or not figures.has_institution_target:
        return {"figures": None}
    svg = borough_map_svg(
        {borough.ons_code: _map_area(borough) for borough in figures.boroughs},
        title=_("Share of schools, colleges and universities with trained staff, by borough"),
        description=_(
            "A map of London's 33 boroughs shaded from light (few covered) to dark (most covered). "
            "Hatched boroughs have figures that are not shown to protect small numbers. "
            "The same figures are in the table that follows."
        ),
        missing=_("no institutions counted"),
    )
    return {
        "figures": figures,
        "svg": mark_safe(svg),  # noqa: S308 - built from escaped parts in cms.charts
        "legend": legend(),
        "heading_level": heading_level,
    }


@register.inclusion_tag("schools/tags/campaign_trend.html")
def campaign_trend(heading_level=2):
    figures = public_figures()
    if figures is None or not figures.trend:
        return {"figures": None}
    points = []
    for point in figures.trend:
        label = date_format(point.taken_on, "j M Y")
        points.append(ChartPoint(label, point.learners.value, f"{label}: {point.learners}"))
    plotted = sum(point.value is not None for point in points)
    svg = (
        line_chart_svg(
            points,
            title=_("Londoners who have completed the training, over time"),
            description=_(
                "A line rising from left to right as more people complete the training. Days with "
                "fewer than 5 are not plotted. The same figures are in the table that follows."
            ),
        )
        if plotted > 1
        else ""
    )
    return {
        "figures": figures,
        "svg": mark_safe(svg),  # noqa: S308 - built from escaped parts in cms.charts
        "heading_level": heading_level,
    }
