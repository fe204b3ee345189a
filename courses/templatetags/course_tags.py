from django import template
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def lookup(mapping, key):
    """`mapping|lookup:key`: a dict item by a variable key (None when absent or no mapping)."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def minutes(value):
    """'1 minute' / 'n minutes'."""
    try:
        value = int(value)
    except (TypeError, ValueError):
        return ""
    return ngettext("%(count)d minute", "%(count)d minutes", value) % {"count": value}
