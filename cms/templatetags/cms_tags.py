from django import template

from cms.selectors import helplines_for_display

register = template.Library()


@register.simple_tag
def helplines():
    return helplines_for_display()


@register.inclusion_tag("cms/includes/helpline.html")
def helpline_card(line, heading_level=3):
    return {"line": line, "heading_level": heading_level}


@register.inclusion_tag("cms/includes/translation_missing.html", takes_context=True)
def translation_missing_note(context):
    """A note, in the visitor's language, when the page they asked for has no translation in it
    yet and they are reading the English page instead."""
    from django.utils.translation import get_language, get_language_info

    from cms.locales import page_language_fallback

    language = get_language()
    shown = page_language_fallback(page=context.get("page"), language=language)
    if not shown:
        return {"show": False}
    return {
        "show": True,
        "wanted_name": get_language_info(language)["name_local"],
        "shown_name": get_language_info(shown)["name_local"],
        "shown_code": shown,
    }
