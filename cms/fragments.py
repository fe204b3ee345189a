"""Parts of a page rendered once and reused for every visitor, with the visitor's own parts
rendered afresh on each request (`{% shared_fragment %}` and `{% per_visitor %}`, cms_tags).

A module page is mostly the same for every learner: the header, the language switcher, the
module's title, content note, body and pager, and the course outline. What is the learner's own
is small: the sign-out form's CSRF token, the outline's "Complete" marks, the progress bar and the
"Mark complete" button, a knowledge check's questions and results, messages. So a template marks
a region as shared, naming everything it depends on, and marks each personal part inside it:

    {% shared_fragment page.pk page.live_revision_id %}
      <h1>{{ page.title }}</h1>
      {% per_visitor %}{% include "courses/includes/module_actions.html" %}{% end_per_visitor %}
    {% end_shared_fragment %}

The first request renders the region and keeps it in this process's memory as text with gaps
where the per-visitor parts go (each gap remembers the loop values it was rendered with, named in
`{% per_visitor item=item %}`); later requests render only the gaps, in their own context.
`{% per_visitor if has_questions %}` is a gap only where the condition holds (a page with
questions); elsewhere its content is shared like the rest. The condition, like everything shared,
may depend only on the fragment's named values and the published content.

What is kept is keyed on the values named, the language, the version of the live page tree and
the version of the site-wide content (`cms.serving`): publishing, unpublishing or moving any page,
or changing a helpline or a Site, starts every fragment afresh, as does a deploy (memory only, never
the shared cache: the markup is this release's templates). Previews, drafts and anything other than
a GET or HEAD request are rendered in full every time.

Name plain values (ids, strings, booleans): a value is keyed by its type and text.

The rule for template authors: inside a shared fragment and outside its per-visitor parts, use
only what the named values, the language and the published content decide. Anything about the
visitor (who they are, what they have done, a form they posted, a CSRF token) goes in a
`per_visitor` part; tests/cms/test_fragments.py checks the learner pages for two learners.
"""

import itertools
import re
import secrets
import weakref

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import serving

MAX_FRAGMENTS = 500  # per process; the oldest go first
# Kept as they are, not copied for each request: tuples of strings and of the values a gap was
# rendered with, which templates only read (name immutable values: ids, strings, frozen records).
_memory = serving.VersionMemory(max_entries=MAX_FRAGMENTS, copies=False)

_serials = itertools.count(1)
# Per-visitor parts by serial, so a kept fragment can find the part that fills each gap. Weak:
# templates parsed again (a developer's edit) leave their old nodes to be collected.
_per_visitor_nodes = weakref.WeakValueDictionary()

# What a gap looks like while a fragment is first rendered: a random word, so nothing a page shows
# can be mistaken for one.
_GAP_WORD = f"gap{secrets.token_hex(12)}"
_GAP = re.compile(rf"{_GAP_WORD}:(\d+):")
_RECORDING = "_shared_fragment_gaps"


def _cacheable(context) -> bool:
    request = context.get("request")
    return (
        request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
    )


class SharedFragmentNode(template.Node):
    def __init__(self, key_expressions, nodelist):
        self.key_expressions, self.nodelist = key_expressions, nodelist
        self.serial = next(_serials)

    def render(self, context):
        if not _cacheable(context) or context.get(_RECORDING) is not None:
            return self.nodelist.render(context)
        key = (self.serial, get_language(), *(_key_part(e.resolve(context)) for e in self.key_expressions))
        version = (serving.pages_version(), serving.site_version())
        parts = _memory.get(version, key)
        if parts is None or not _fillable(parts):
            parts = self._record(context)
            _memory.set(version, key, parts, serving.TIMEOUT)
        return mark_safe("".join(_fill(parts, context)))  # noqa: S308 (rendered templates)

    def _record(self, context) -> tuple:
        """The region as `(text, (serial, values), text, ...)`: its shared text and, for each
        per-visitor part, which part it is and the values it was given."""
        gaps = []
        with context.push({_RECORDING: gaps, "csrf_token": _NoTokenInSharedText()}):
            html = str(self.nodelist.render(context))
        pieces = _GAP.split(html)  # text, gap number, text, gap number, ..., text
        parts = []
        for index, piece in enumerate(pieces):
            if index % 2:
                parts.append(gaps[int(piece)])
            elif piece:
                parts.append(piece)
        return tuple(parts)


class _NoTokenInSharedText:
    """Stands in for the CSRF token while a fragment's shared text is rendered: a token there
    would be one visitor's, served to everyone, so it stops the render with the mistake named."""

    def __bool__(self):
        return True

    def __str__(self):
        raise template.TemplateSyntaxError(
            "{% csrf_token %} in the shared text of a {% shared_fragment %}: put it in a "
            "{% per_visitor %} part"
        )


def _key_part(value) -> tuple[str, str]:
    """A named value as part of a key: its type and text (a lazy value, such as a context
    processor's, evaluated: `__class__` is the wrapped value's)."""
    return value.__class__.__name__, str(value)


def _fillable(parts) -> bool:
    return all(isinstance(part, str) or part[0] in _per_visitor_nodes for part in parts)


def _fill(parts, context):
    for part in parts:
        if isinstance(part, str):
            yield part
        else:
            serial, values = part
            yield _per_visitor_nodes[serial].render_own(context, values)


class PerVisitorNode(template.Node):
    def __init__(self, value_expressions, nodelist, condition=None):
        self.value_expressions, self.nodelist, self.condition = value_expressions, nodelist, condition
        self.serial = next(_serials)
        _per_visitor_nodes[self.serial] = self

    def render(self, context):
        values = [(name, e.resolve(context)) for name, e in self.value_expressions.items()]
        gaps = context.get(_RECORDING)
        shared = self.condition is not None and not self.condition.resolve(context)
        if gaps is None or shared:  # not being recorded, or the same for everyone here
            return self.render_own(context, values)
        gaps.append((self.serial, tuple(values)))
        return f"{_GAP_WORD}:{len(gaps) - 1}:"

    def render_own(self, context, values):
        with context.push({_RECORDING: None, **dict(values)}):
            return str(self.nodelist.render(context))


def shared_fragment(parser, token):
    bits = token.split_contents()
    keys = [parser.compile_filter(bit) for bit in bits[1:]]
    if not keys:
        raise template.TemplateSyntaxError(f"{bits[0]} needs the values the fragment depends on")
    nodelist = parser.parse(("end_shared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(keys, nodelist)


def per_visitor(parser, token):
    bits = token.split_contents()
    condition = None
    if len(bits) > 2 and bits[1] == "if":
        condition = parser.compile_filter(bits[2])
        bits = [bits[0], *bits[3:]]
    values = {}
    for bit in bits[1:]:
        name, sep, expression = bit.partition("=")
        if not sep or not name.isidentifier():
            raise template.TemplateSyntaxError(f"{bits[0]} takes name=value arguments, not {bit!r}")
        values[name] = parser.compile_filter(expression)
    nodelist = parser.parse(("end_per_visitor",))
    parser.delete_first_token()
    return PerVisitorNode(values, nodelist, condition)
