"""Checks for wording that trainers write and the platform prints inside its own sentences
(certificates): a phrase that continues a sentence, or sentences that stand alone. They keep a
trainer from producing a broken sentence such as "…for Londoners. has completed a short…".

Script-aware: a letter without case (Arabic, Bengali, Chinese...) is never "lower case", and the
full stops of other scripts (। ۔ 。 ።) end a sentence as "." does.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SENTENCE_ENDS = ".!?…।॥۔؟。！？።" + "\"'”’»)"


def _first_letter(text: str) -> str:
    return next((char for char in text if char.isalpha()), "")


def complete_sentences(value: str) -> None:
    """Validator: `value` is empty or one or more whole sentences (a capital first letter where
    the script has capitals, and a full stop, question or exclamation mark at the end)."""
    text = (value or "").strip()
    if not text:
        return
    if _first_letter(text).islower():
        raise ValidationError(
            _("Start with a capital letter: this is printed as a sentence of its own, not after the name."),
            code="sentence_start",
        )
    if text[-1] not in SENTENCE_ENDS:
        raise ValidationError(
            _(
                "End with a full stop (or a question or exclamation mark): this is printed as a "
                "whole sentence."
            ),
            code="sentence_end",
        )


def sentence_part(value: str) -> None:
    """Validator: `value` is a part of the printed sentence (it runs on into the name or the course
    title), so it must not end a sentence itself."""
    text = (value or "").strip()
    if text and text[-1] in ".!?。！？।۔":
        raise ValidationError(
            _(
                "Leave out the full stop: the name or the course title follows this text in the "
                "same sentence."
            ),
            code="sentence_part",
        )
