"""`{{ value|certificate_date }}`: a date written out as the page's language writes dates, the same
way the certificate PDF prints them (Polish "26 listopada 2026", English "26 November 2026")."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from ..rendering import format_certificate_date

register = template.Library()


@register.filter
def certificate_date(value):
    if not value:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return format_certificate_date(value, (get_language() or "en-gb").lower())
