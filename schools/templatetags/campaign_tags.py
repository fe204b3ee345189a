"""Public campaign figures for CMS pages: aggregates only, small counts suppressed.

{% load campaign_tags %}
{% campaign_progress %}                 the headline figures of the public campaign
{% campaign_boroughs %}                 covered percentage per borough
{% campaign_figures as figures %}       the same numbers, to lay out yourself
{{ some_count|fewer_than_5 }}           "fewer than 5" for counts below 5
"""

from django import template
from django.core.cache import cache
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext

from ..selectors import campaign_for_public, campaign_summary, coverage_by_borough

register = template.Library()

SMALL_COUNT = 5
CACHE_SECONDS = 300


def public_count(value) -> str:
    """A count for a public page: below 5 it could point at a person, so it is not shown exactly."""
    if value is None or value == "":
        return ""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return ""
    if number < SMALL_COUNT:
        return gettext("fewer than 5")
    return number_format(number, force_grouping=True)


register.filter("fewer_than_5", public_count)


def _figures():
    campaign = campaign_for_public()
    if campaign is None:
        return None
    key = f"schools:public-figures:{campaign.pk}"
    figures = cache.get(key)
    if figures is None:
        summary = campaign_summary(campaign=campaign)
        figures = {
            "name": campaign.name,
            "learners_completed": summary["learners_completed"],
            "learner_target": summary["learner_target"],
            "learner_percent": summary["learner_percent"],
            "institutions_covered": summary["institutions_covered"],
            "institutions_total": summary["institutions_total"],
            "institution_percent": summary["institution_percent"],
            "staff_needed": campaign.staff_needed,
            "has_institution_target": bool(campaign.institution_kinds),
            "updated_at": timezone.now(),
        }
        cache.set(key, figures, CACHE_SECONDS)
    return figures


@register.simple_tag
def campaign_figures():
    """The public campaign's figures as a dict (None when no campaign is public)."""
    return _figures()


@register.inclusion_tag("schools/tags/campaign_progress.html")
def campaign_progress(heading_level=2):
    return {"figures": _figures(), "heading_level": heading_level}


def public_borough_rows(campaign) -> dict:
    """Per-borough public figures of `campaign` and when they were computed, cached: the borough
    table and the borough map (campaign_charts) share one computation."""
    key = f"schools:public-boroughs:{campaign.pk}"
    data = cache.get(key)
    if data is None:
        fields = ("borough", "ons_code", "covered", "total", "percent", "learners")
        data = {
            "rows": [{k: row[k] for k in fields} for row in coverage_by_borough(campaign=campaign)],
            "updated_at": timezone.now(),
        }
        cache.set(key, data, CACHE_SECONDS)
    return data


@register.inclusion_tag("schools/tags/campaign_boroughs.html")
def campaign_boroughs(heading_level=2):
    campaign = campaign_for_public()
    rows = public_borough_rows(campaign)["rows"] if campaign is not None else None
    return {"rows": rows, "campaign": campaign, "heading_level": heading_level}
