"""Safe-messaging guidance for trainers, where they write: the panel on course and module edit
pages, and the check that warns (never blocks) about phrases the guidance asks to avoid.

The check runs on the text of a page's latest draft. Each concern names the phrase found in the
trainer's own words and says why the guidance asks to avoid it; the trainer decides what to do.
The word list below is for matching only and is never shown: the messages describe categories.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel

# Each category: the patterns that match it (lower case, whole words) and why it is a concern.
_CRIMINAL_LANGUAGE = (
    [r"commit(?:s|ted|ting)? suicide", r"suicide was committed"],
    _(
        "“Commit” suggests a crime or a sin. Say “died by suicide” or “took their own life”."
    ),
)
_SUCCESS_LANGUAGE = (
    [r"successful suicide", r"(?:failed|unsuccessful) (?:suicide )?attempt", r"succeeded in killing"],
    _(
        "Describing suicide as a success or a failure frames death as an achievement. Say "
        "“died by suicide” or “survived a suicide attempt”."
    ),
)
_METHOD_DETAIL = (
    [
        r"overdos(?:e|ed|es|ing)", r"lethal dose", r"how many (?:tablets|pills)", r"hanged",
        r"noose", r"ligature", r"jump(?:ed|ing)? (?:off|from|in front of)", r"poisoned",
        r"suffocat(?:e|ed|ion)", r"method(?:s)? of suicide",
        r"suicide method(?:s)?", r"means of suicide",
    ],
    _(
        "This may describe how someone could end their life. Safe-messaging guidance asks that "
        "training never describes methods or means: talk about noticing signs, asking and helping "
        "instead."
    ),
)
_SENSATIONAL = (
    [r"suicide epidemic", r"epidemic of suicides?", r"wave of suicides?", r"suicide craze"],
    _(
        "Sensational words can make suicide seem common or inevitable. Give facts plainly and "
        "say that help is available."
    ),
)
CATEGORIES = [_CRIMINAL_LANGUAGE, _SUCCESS_LANGUAGE, _METHOD_DETAIL, _SENSATIONAL]
_PATTERNS = [
    (re.compile(rf"\b(?:{'|'.join(patterns)})\b".replace(" ", r"\s+"), re.IGNORECASE), why)
    for patterns, why in CATEGORIES
]


@dataclass(frozen=True)
class Concern:
    phrase: str  # as the trainer wrote it
    why: str


def text_concerns(text: str) -> list[Concern]:
    """Phrases in `text` the guidance asks to avoid, each once, in the order of the categories."""
    found: list[Concern] = []
    seen: set[str] = set()
    for pattern, why in _PATTERNS:
        for match in pattern.finditer(text):
            phrase = " ".join(match.group(0).split())
            if phrase.lower() not in seen:
                seen.add(phrase.lower())
                found.append(Concern(phrase=phrase, why=str(why)))
    return found


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def page_text(page) -> str:
    """Everything a trainer wrote on a course or module page, as plain text."""
    parts = [page.title or ""]
    for name in ("summary", "learning_outcomes", "content_note", "certificate_wording"):
        parts.append(getattr(page, name, "") or "")
    body = getattr(page, "body", None)
    if body is not None:
        raw = body.raw_data if hasattr(body, "raw_data") else body
        raw = json.loads(raw) if isinstance(raw, str) else list(raw)
        parts.extend(_strings(raw))
    return " ".join(strip_tags(part).replace("&nbsp;", " ") for part in parts)


def page_concerns(page) -> list[Concern]:
    return text_concerns(page_text(page))


def safe_messaging_panel():
    return HelpPanel(
        template="courses/admin/safe_messaging_guidance.html",
        heading=_("Writing safely about suicide"),
    )
