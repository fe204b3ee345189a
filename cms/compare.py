"""Readable "Compare" screens for reviewers: each block in a page body is headed by its label,
and values that Wagtail would show as raw text or not at all read as people see them: yes/no for
ticks (which options are correct), the choice's label, the video's address, the image's title.

Blocks opt in with `ReadableComparisonMixin` (cms.blocks); the page body's StreamField uses
`LabelledStreamFieldComparison`, registered in cms.wagtail_hooks."""

from django.utils.encoding import force_str
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.compare import (
    StreamBlockComparison,
    StreamFieldComparison,
    StructBlockComparison,
    diff_text,
    get_comparison_class_for_block,
)
from wagtail.embeds.blocks import EmbedBlock


def readable(block, value) -> str | None:
    """The words for a value that Wagtail's comparison would not show readably; None otherwise."""
    if isinstance(block, blocks.BooleanBlock):
        return _("Yes") if value else _("No")
    if isinstance(block, blocks.ChoiceBlock):
        return force_str(dict(block.field.choices).get(value, value or ""))
    if isinstance(block, EmbedBlock):
        return getattr(value, "url", None) or force_str(value or "")
    if isinstance(block, blocks.ChooserBlock):
        return force_str(value) if value is not None else ""
    return None


class ReadableStructBlockComparison(StructBlockComparison):
    @staticmethod
    def _child(block, exists_a, exists_b, val_a, val_b):
        """(text a, text b) for values compared as words, else Wagtail's comparison object."""
        text_a, text_b = readable(block, val_a), readable(block, val_b)
        if text_a is not None:
            return text_a, text_b
        comparison_class = get_comparison_class_for_block(block)
        return comparison_class(block, exists_a, exists_b, val_a, val_b)

    def htmlvalue(self, val):
        rows = []
        for name, block in self.block.child_blocks.items():
            child = self._child(block, True, True, val[name], val[name])
            html = escape(child[0]) if isinstance(child, tuple) else child.htmlvalue(val[name])
            rows.append((block.label, html))
        return format_html(
            "<dl>\n{}\n</dl>", format_html_join("\n", "    <dt>{}</dt>\n    <dd>{}</dd>", rows)
        )

    def htmldiff(self):
        rows = []
        for name, block in self.block.child_blocks.items():
            val_a, val_b = self.val_a[name], self.val_b[name]
            child = self._child(block, self.exists_a, self.exists_b, val_a, val_b)
            html = (
                diff_text(child[0], child[1]).to_html() if isinstance(child, tuple)
                else child.htmldiff()
            )
            rows.append((block.label, html))
        return format_html(
            "<dl>\n{}\n</dl>", format_html_join("\n", "    <dt>{}</dt>\n    <dd>{}</dd>", rows)
        )


class LabelledStreamBlockComparison(StreamBlockComparison):
    """Each block of the body under a heading naming its kind ("Question", "Video")."""

    def htmldiff(self):
        parts = []
        for comparison in self.get_block_comparisons():
            classes = ["comparison__child-object"]
            if comparison.is_new():
                classes.append("addition")
                html = comparison.htmlvalue(comparison.val_b)
                status = _("added")
            elif comparison.is_deleted():
                classes.append("deletion")
                html = comparison.htmlvalue(comparison.val_a)
                status = _("removed")
            elif comparison.has_changed():
                html = comparison.htmldiff()
                status = _("changed")
            else:
                html = comparison.htmlvalue(comparison.val_a)
                status = _("unchanged")
            parts.append(format_html(
                '<div class="{}"><p class="comparison__block-label"><strong>{}</strong> ({})</p>{}</div>',
                " ".join(classes), comparison.block.label, status, html,
            ))
        return mark_safe("\n".join(parts))  # noqa: S308 - every part is built with format_html


class LabelledStreamFieldComparison(StreamFieldComparison):
    def htmldiff(self):
        if self.has_block_ids(self.val_a) and self.has_block_ids(self.val_b):
            return LabelledStreamBlockComparison(
                self.field.stream_block, True, True, self.val_a, self.val_b
            ).htmldiff()
        return super().htmldiff()
