from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms import fragments
from cms.selectors import helplines_for_display
from cms.serving import SITE_VERSION_KEY, remember

register = template.Library()


class SiteWideFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        html = remember(
            f"cms:fragment:{self.name}:{get_language()}",
            lambda: str(self.nodelist.render(context)),
            scope=SITE_VERSION_KEY,
            shared=False,  # this deploy's templates: kept in this process only
        )
        return mark_safe(html)  # noqa: S308 (a rendered template)


@register.tag
def site_wide_fragment(parser, token):
    """`{% site_wide_fragment "name" %}...{% end_site_wide_fragment %}`: a part of every page that
    is the same for every visitor in a language (the crisis help bar, the footer), rendered once
    per language and version of the site-wide content (helplines: cms.serving) in each process.
    Only for markup that reads nothing but the language, settings and site-wide content: nothing
    of the request, the visitor or the page."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("end_site_wide_fragment",))
    parser.delete_first_token()
    return SiteWideFragmentNode(bits[1][1:-1], nodelist)


# `{% shared_fragment value ... %}...{% end_shared_fragment %}` and, inside it,
# `{% per_visitor name=value ... %}...{% end_per_visitor %}`: see cms.fragments.
register.tag("shared_fragment", fragments.shared_fragment)
register.tag("per_visitor", fragments.per_visitor)


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
