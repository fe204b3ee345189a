"""Lesson blocks for module bodies, built on the shared `cms` blocks.

Question identifiers are Wagtail's own block ids: a question is identified by the id of its
StreamField child, and each option by the id of its ListBlock item. Wagtail keeps both ids when a
trainer edits the page, so a stored attempt (option ids only) still means the same thing later.

Answer keys (which options are correct, per-option feedback, the explanation) are never rendered by
the block template and are left out of the API representation; only `courses.grading` reads them.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import PARAGRAPH_FEATURES, ContentStreamBlock, ReadableComparisonMixin


class QuestionKind:
    SINGLE = "single"
    MULTIPLE = "multiple"
    CHOICES = [
        (SINGLE, _("Single choice: one correct option")),
        (MULTIPLE, _("Multiple choice: tick all that apply")),
    ]


class ReflectionBlock(ReadableComparisonMixin, blocks.StructBlock):
    """A prompt to think about. The answer box has no name and belongs to no form, so what a learner
    types is never sent to the server; it stays in the browser tab only."""

    prompt = blocks.CharBlock(max_length=300)
    hint = blocks.CharBlock(max_length=300, required=False)

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection.html"
        description = _(
            "A prompt to think about. What learners type stays in their browser and is never sent to us."
        )
        preview_value = {
            "prompt": "How would you start a conversation with someone you are worried about?",
            "hint": "You do not need to write anything down.",
        }


class OptionBlock(ReadableComparisonMixin, blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Option"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct answer"))
    feedback = blocks.TextBlock(
        required=False, help_text=_("Shown after the learner answers, when they chose this option.")
    )
    fixed = blocks.BooleanBlock(
        required=False,
        label=_("Keep in place"),
        help_text=_(
            "Options are shuffled for each attempt; this one stays where it is (for example, "
            "“All of the above” stays last)."
        ),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")


class OptionListBlock(blocks.ListBlock):
    """A question's options: a new question starts with the two it needs at least."""

    def __init__(self, **kwargs):
        super().__init__(OptionBlock(), **kwargs)
        if not self._has_default:
            self.meta.default = [self.child_block.get_default() for _ in range(2)]


class QuestionBlock(ReadableComparisonMixin, blocks.StructBlock):
    prompt = blocks.CharBlock(max_length=400, label=_("Question"))
    kind = blocks.ChoiceBlock(choices=QuestionKind.CHOICES, default=QuestionKind.SINGLE)
    options = OptionListBlock(min_num=2, max_num=8)
    explanation = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        required=False,
        help_text=_("Shown after the learner answers: why the right answer is right."),
    )

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["is_correct"])
        message = None
        if correct == 0:
            message = gettext("Mark at least one option as the correct answer.")
        elif correct > 1 and value["kind"] == QuestionKind.SINGLE:
            message = gettext(
                "A single-choice question has exactly one correct option; %(count)d are marked. "
                "Untick the others, or make this a multiple-choice question."
            ) % {"count": correct}
        if message:
            raise StructBlockValidationError(
                block_errors={
                    "options": ListBlockValidationError(
                        non_block_errors=[ValidationError(message, code="correct_options")]
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        """Only what a learner may see before answering: never the answer key."""
        return {
            "prompt": value["prompt"],
            "kind": value["kind"],
            "options": [
                {"id": child.id, "text": child.value["text"]}
                for child in value["options"].bound_blocks
            ],
        }

    class Meta:
        icon = "help"
        template = "courses/blocks/question.html"
        description = _(
            "A single or multiple choice question, graded on the server. Learners see feedback only "
            "after answering."
        )
        preview_value = {
            "prompt": "Which of these is a helpful way to ask someone if they are thinking about "
            "suicide?",
            "kind": QuestionKind.SINGLE,
            "options": [
                {"text": "Ask them directly and calmly", "is_correct": True, "feedback": ""},
                {"text": "Change the subject", "is_correct": False, "feedback": ""},
            ],
        }


class ModuleStreamBlock(ContentStreamBlock):
    """Everything a module body may contain: the shared content blocks plus lesson-only blocks."""

    reflection = ReflectionBlock()
    question = QuestionBlock()
