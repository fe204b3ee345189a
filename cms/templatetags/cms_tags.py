from django import template

from cms.selectors import helplines_for_display

register = template.Library()


@register.simple_tag
def helplines():
    return helplines_for_display()


@register.inclusion_tag("cms/includes/helpline.html")
def helpline_card(line, heading_level=3):
    return {"line": line, "heading_level": heading_level}
