"""The statements of a confidence check, and the rule that keeps them about helping others."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# Wording that asks about the learner's own mental health rather than their confidence to help
# someone else. A trainer who writes it gets an explanation, not a silent rewrite.
_ABOUT_ONESELF = [
    re.compile(r"\bmy (own )?(mental health|mood|wellbeing|well-being|feelings|emotions|thoughts)\b", re.I),
    re.compile(
        r"\bI\s+(have|had|am|'m|was|feel|felt|often|sometimes)\b[^.?!]*"
        r"\b(suicidal|depressed|depression|anxious|anxiety|self-harm|self harm|hopeless|low)\b",
        re.I,
    ),
    re.compile(r"\b(have|do) you (ever )?(felt|feel|had|thought)\b", re.I),
]


def about_helping_others(text: str) -> None:
    if any(pattern.search(text or "") for pattern in _ABOUT_ONESELF):
        raise ValidationError(
            _(
                "This statement seems to ask about the learner's own mental health. The "
                "confidence check may only ask about confidence and knowledge in helping others, "
                "for example “I would feel confident asking someone directly whether they are "
                "thinking about suicide.”"
            ),
            code="about_oneself",
        )


class StatementBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(
            max_length=200,
            validators=[about_helping_others],
            label=_("Statement"),
            help_text=_(
                "Written in the first person about helping others, e.g. “I know where to signpost "
                "someone who needs urgent help.”"
            ),
            **kwargs,
        )

    class Meta:
        icon = "help"


class StatementStreamBlock(blocks.StreamBlock):
    statement = StatementBlock()

    class Meta:
        min_num = 3
        max_num = 10
