"""A module's body rendered once per published revision and language, and reused for every learner.

Everything in a module body but its questions is the same for every learner: those blocks are
rendered once and remembered (`cms.serving.remember`: under the page's live revision, the language
and `cms.serving.pages_version()`, so publishing, moving or unpublishing anything renders afresh), and
only the questions (the learner's drawn options, their results) are rendered per request.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.serving import remember

register = template.Library()

BODY_TIMEOUT = 3600
PER_LEARNER = {"question"}


@register.simple_tag(takes_context=True)
def module_body_parts(context, page):
    """`[(block, html)]` in page order: html is the shared rendering of a run of blocks (block
    None), or None for a block the template renders itself (a question, or every block of a page
    that is not the published one: a preview or a draft)."""
    request = context.get("request")
    if not page.live or page.live_revision_id is None or getattr(request, "is_preview", False):
        return [(block, None) for block in page.body]
    parts = remember(
        f"courses:body:{page.pk}:{page.live_revision_id}:{get_language()}",
        lambda: _render_shared(context, page),
        BODY_TIMEOUT,
    )
    raw = page.body.raw_data
    by_id = {raw[i]["id"]: i for i in range(len(raw)) if raw[i]["type"] in PER_LEARNER}
    return [(page.body[by_id[block_id]] if block_id else None, html) for block_id, html in parts]


def _render_shared(context, page):
    """`[(question block id, None) | (None, html of the blocks between)]`, as `{% include_block
    block with block_id=block.id %}` renders each (with the page's context)."""
    parts, run = [], []
    for block in page.body:
        if block.block_type in PER_LEARNER:
            if run:
                parts.append((None, mark_safe("".join(run))))  # noqa: S308 (rendered templates)
                run = []
            parts.append((block.id, None))
            continue
        block_context = context.flatten()
        block_context["block_id"] = block.id
        run.append(block.render_as_block(context=block_context))
    if run:
        parts.append((None, mark_safe("".join(run))))  # noqa: S308
    return parts
