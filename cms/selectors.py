from django.core.cache import cache
from wagtail.models import Page

from .models import HELPLINES_CACHE_KEY, Helpline

FIELDS = (
    "id", "name", "how_to_contact", "phone_number", "sms_number", "website", "when_open",
    "who_for", "is_emergency", "show_in_header",
)

# Shown if the helpline table is empty or cannot be read: crisis help must never disappear.
FALLBACK_HELPLINES = [
    {"name": "Emergency services", "how_to_contact": "Call 999", "phone_number": "999",
     "when_open": "24 hours, every day", "who_for": "If a life is at risk right now",
     "is_emergency": True, "show_in_header": True},
    {"name": "Samaritans", "how_to_contact": "Call 116 123", "phone_number": "116123",
     "when_open": "24 hours, every day", "who_for": "Anyone who is struggling",
     "is_emergency": False, "show_in_header": True},
    {"name": "Shout", "how_to_contact": "Text SHOUT to 85258", "sms_number": "85258",
     "when_open": "24 hours, every day", "who_for": "Anyone who prefers to text",
     "is_emergency": False, "show_in_header": False},
    {"name": "NHS 111", "how_to_contact": "Call 111 and choose option 2",
     "phone_number": "111", "when_open": "24 hours, every day",
     "who_for": "Urgent mental health help", "is_emergency": False, "show_in_header": False},
]


def helplines_for_display() -> list[dict]:
    """Active helplines, emergency first, as plain dicts (cached; saving a helpline clears it)."""
    lines = cache.get(HELPLINES_CACHE_KEY)
    if lines is None:
        try:
            lines = list(Helpline.objects.live().values(*FIELDS))
        except Exception:  # a broken database must not take crisis help off the page
            return FALLBACK_HELPLINES
        cache.set(HELPLINES_CACHE_KEY, lines, 300)
    return lines or FALLBACK_HELPLINES


def page_search(*, query: str):
    """Published pages anyone may see that match every word of `query`, best match first."""
    return Page.objects.live().public().specific().search(query, operator="and")
