"""Content blocks shared by every page type. Lesson-only blocks (questions, reflection) live in
`courses.blocks` and build on these.

Validation that editors need to see next to the field raises `StructBlockValidationError` with
`block_errors`, so Wagtail shows the message under the right sub-field.
"""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .featured import card_template_for, featured_page_models

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]

# The one rendition size used for content images, so renditions fetched with the image (see
# RenditionImageChooserBlock) are reused instead of being looked up one query per image.
CONTENT_IMAGE_FILTER = "max-1000x1000"


class FeaturedPageChooserBlock(blocks.PageChooserBlock):
    """A page to feature on the home page: the editor chooses among the page types higher apps
    registered (`cms.featured`), and the page is shown with its type's card. A page that is not
    live (unpublished, or deleted since) shows nothing."""

    def __init__(self, **kwargs):
        kwargs.pop("page_type", None)  # the registry decides, at run time
        super().__init__(**kwargs)

    @cached_property
    def target_models(self):
        return featured_page_models()

    def get_template(self, value=None, context=None):
        return card_template_for(value) if value is not None else None

    def render(self, value, context=None):
        if value is None or not value.live or self.get_template(value) is None:
            return ""
        return super().render(value, context)


class ReadableComparisonMixin:
    """Reviewers' "Compare" screen shows this block's fields readably (see cms.compare)."""

    def get_comparison_class(self):
        from .compare import ReadableStructBlockComparison

        return ReadableStructBlockComparison


class HeadingBlock(ReadableComparisonMixin, blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (level 2)")), ("h3", _("Sub-heading (level 3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        description = _("A section heading. Use level 2 for sections and level 3 inside them.")
        preview_value = {"text": "Noticing when someone may be struggling", "level": "h2"}


SAFE_WRITING_HELP = _(
    "Write about suicide safely: no detail of methods or means, “died by suicide” rather than "
    "“committed suicide”, and say where support is."
)


class ParagraphBlock(blocks.RichTextBlock):
    """Body text, with the safe-writing reminder under the editor."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault("help_text", SAFE_WRITING_HELP)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "cms/blocks/paragraph.html"
        description = _("Body text: paragraphs, lists, bold, italic and links.")
        preview_value = (
            "<p>Most people who are thinking about suicide show some signs. Asking directly "
            "does not put the idea in their head.</p>"
        )


class CalloutBlock(ReadableComparisonMixin, blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("information", _("Information")), ("important", _("Important"))],
        default="information",
    )
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        help_text=_(
            "Keep it short. Use “Important” for what learners must not miss, such as a content "
            "note or where to get help now; never for method detail."
        ),
    )

    class Meta:
        icon = "warning"
        template = "cms/blocks/callout.html"
        description = _("A highlighted box: information, or something important to notice.")
        preview_value = {
            "kind": "important",
            "title": "Support is available",
            "text": "<p>If this topic affects you, you can take a break at any time.</p>",
        }


def _signpost_preview_value(*_args):
    from .models import Helpline

    return {
        "title": "Where to find support",
        "helplines": list(Helpline.objects.filter(is_active=True).order_by("pk")[:2]),
    }


class SignpostBlock(ReadableComparisonMixin, blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, default="Where to find support")
    helplines = blocks.ListBlock(SnippetChooserBlock("cms.Helpline"), min_num=1)

    class Meta:
        icon = "help"
        template = "cms/blocks/signpost.html"
        description = _("Helplines chosen from the Helplines list, kept up to date in one place.")
        preview_value = _signpost_preview_value


def clean_with_extra_check(parent_clean, value, field, is_invalid, error):
    """Run a StructBlock's own validation and one extra rule, reporting both together, so an
    editor sees every problem with the block at once, each under its own field."""
    block_errors, non_block_errors = {}, None
    try:
        value = parent_clean(value)
    except StructBlockValidationError as exc:
        block_errors, non_block_errors = dict(exc.block_errors), exc.non_block_errors
    if field not in block_errors and is_invalid(value):
        block_errors[field] = error
    if block_errors or non_block_errors:
        raise StructBlockValidationError(block_errors=block_errors, non_block_errors=non_block_errors)
    return value


class RenditionImageChooserBlock(ImageChooserBlock):
    """An image chooser that loads the images of a whole page, with their renditions, in one go."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions(CONTENT_IMAGE_FILTER).in_bulk(
            [v for v in values if v is not None]
        )
        return [objects.get(v) for v in values]


def image_alt_text(value) -> str:
    """The alt text an image block shows: empty when decorative, else the block's own text, else
    the image's description (the alt text asked for when the image was uploaded)."""
    if value.get("decorative"):
        return ""
    own = (value.get("alt_text") or "").strip()
    image = value.get("image")
    return own or (getattr(image, "description", "") or "").strip()


class ImageBlock(ReadableComparisonMixin, blocks.StructBlock):
    image = RenditionImageChooserBlock(
        help_text=_(
            "The image's description (asked for when it was uploaded) is its alt text: describe "
            "what it shows for people who cannot see it."
        ),
    )
    alt_text = blocks.CharBlock(
        max_length=250,
        required=False,
        label=_("Different alt text here (optional)"),
        help_text=_(
            "Leave empty to use the image's description. Fill in only if this page needs other "
            "words."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text=_("Tick only if the image adds no information (screen readers will skip it)."),
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["alt_text"] = image_alt_text(value)
        return context

    def clean(self, value):
        def alt_text_missing(value):
            return not value.get("decorative") and not image_alt_text(value)

        return clean_with_extra_check(
            super().clean, value, "alt_text", alt_text_missing,
            ValidationError(
                _(
                    "Add alt text describing the image (here, or as the image's description), "
                    "or mark the image as decorative."
                ),
                code="alt_text_required",
            ),
        )

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"
        description = _("An image with alt text (or marked decorative) and an optional caption.")
        preview_template = "cms/blocks/previews/image.html"
        preview_value = {
            "alt_text": "A teacher and a student talking on a bench",
            "caption": "Choose a quiet moment to ask.",
        }


class VideoBlock(ReadableComparisonMixin, blocks.StructBlock):
    title = blocks.CharBlock(max_length=160, help_text=_("Names the video for screen reader users."))
    video = EmbedBlock(help_text=_("Link to the video, for example on YouTube or Vimeo."))
    transcript = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        required=False,
        help_text=_(
            "Required: everything said and shown in the video, for people who cannot watch or hear it."
        ),
    )

    def clean(self, value):
        def transcript_missing(value):
            source = getattr(value.get("transcript"), "source", value.get("transcript")) or ""
            return not strip_tags(source).replace("&nbsp;", " ").strip()

        return clean_with_extra_check(
            super().clean, value, "transcript", transcript_missing,
            ValidationError(_("Add a transcript: every video needs one."), code="transcript_required"),
        )

    class Meta:
        icon = "media"
        template = "cms/blocks/video.html"
        description = _("An embedded video. Every video needs a transcript.")
        preview_template = "cms/blocks/previews/video.html"
        preview_value = {
            "title": "Asking someone how they are",
            "transcript": "<p>Everything said and shown in the video, for people who cannot "
            "watch or hear it.</p>",
        }


class ContentStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    signpost = SignpostBlock()
