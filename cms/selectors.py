from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from .models import HELPLINES_CACHE_KEY, Helpline
from .serving import SITE_VERSION_KEY, remember

FIELDS = (
    "id", "name", "how_to_contact", "phone_number", "sms_number", "website", "when_open",
    "who_for", "is_emergency", "show_in_header",
)

# Also re-read after this long without a change (a helpline edited outside the CMS).
HELPLINES_TIMEOUT = 300

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


def _in_language(lines: list[dict], language: str) -> list[dict]:
    """Each helpline once: its translation into `language` where one exists, else the default
    language's entry (the English one), in the English list's order."""
    try:
        language = get_supported_content_language_variant(language)
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return lines
    by_key = {}
    for line in lines:
        if line["locale__language_code"] == language:
            by_key[line["translation_key"]] = line
    return [
        by_key.get(line["translation_key"], line)
        for line in lines
        if line["locale__language_code"] == default
    ]


def _live_helplines() -> list[dict]:
    return list(Helpline.objects.live().values(*FIELDS, "translation_key", "locale__language_code"))


def helplines_for_display() -> list[dict]:
    """Active helplines, emergency first, in the visitor's language where a helpline has been
    translated, as plain dicts (cached; saving a helpline clears it)."""
    try:
        lines = remember(HELPLINES_CACHE_KEY, _live_helplines, HELPLINES_TIMEOUT, scope=SITE_VERSION_KEY)
    except Exception:  # a broken database must not take crisis help off the page
        return FALLBACK_HELPLINES
    return _in_language(lines, translation.get_language() or "") or FALLBACK_HELPLINES


def page_search(*, query: str):
    """Published pages anyone may see that match every word of `query`, best match first."""
    return Page.objects.live().public().specific().search(query, operator="and")
