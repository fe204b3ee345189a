"""Content blocks shared by every page type. Lesson-only blocks (questions, reflection) live in
`courses.blocks` and build on these."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (level 2)"), ("h3", "Sub-heading (level 3)")],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        preview_value = {"text": "Noticing when someone may be struggling", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("information", "Information"), ("important", "Important")],
        default="information",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "warning"
        template = "cms/blocks/callout.html"
        preview_value = {
            "kind": "important",
            "title": "Support is available",
            "text": "<p>If this topic affects you, you can take a break at any time.</p>",
        }


class SignpostBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, default="Where to find support")
    helplines = blocks.ListBlock(SnippetChooserBlock("cms.Helpline"), min_num=1)

    class Meta:
        icon = "help"
        template = "cms/blocks/signpost.html"


class ContentStreamBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, icon="pilcrow", template="cms/blocks/paragraph.html"
    )
    heading = HeadingBlock()
    callout = CalloutBlock()
    signpost = SignpostBlock()
