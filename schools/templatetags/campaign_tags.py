"""Public campaign figures for CMS pages: aggregates only, already suppressed at the source.

{% load campaign_tags %}
{% campaign_progress %}                 the headline figures of the public campaign
{% campaign_boroughs %}                 covered percentage per borough
{% campaign_figures as figures %}       the same figures (schools.selectors.PublicFigures), to lay out
                                        yourself: print counts as they are ({{ figures.learners }}), never
                                        a number worked out from them
"""

from django import template

from ..selectors import public_figures

register = template.Library()


@register.simple_tag
def campaign_figures():
    """The public campaign's figures (None when no campaign is public)."""
    return public_figures()


@register.inclusion_tag("schools/tags/campaign_progress.html")
def campaign_progress(heading_level=2):
    return {"figures": public_figures(), "heading_level": heading_level}


@register.inclusion_tag("schools/tags/campaign_boroughs.html")
def campaign_boroughs(heading_level=2):
    figures = public_figures()
    return {"figures": figures, "heading_level": heading_level}
