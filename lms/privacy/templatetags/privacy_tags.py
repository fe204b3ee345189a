from django import template

from ..selectors import data_export_latest

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_data_export(context):
    """The signed-in person's latest "download my data" request (None if they have none)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return data_export_latest(user=user)
