"""The shrink-to-fit width, worked out without the min-content width when it is not needed.

The learner's name is an inline block (its underline is as wide as the name), so WeasyPrint gives
it the shrink-to-fit width: min(max(min-content, available), max-content). WeasyPrint always
works out both intrinsic widths, and the name's min-content width is the costly one: it may break
anywhere (`overflow-wrap: anywhere`), so it is measured at every character. But when the
max-content width fits the available width, as for nearly every name, the formula gives the
max-content width whatever the min-content width is (the inner `max` is at least the available
width, so the outer `min` is the max-content width). So here the
max-content width comes first, and the min-content width only when the name does not fit on
one line: the same width, always.

Both widths are pure measurements (they lay nothing out and change no box), so leaving one out
changes nothing else. The function is swapped in WeasyPrint's layout modules only while a
certificate is laid out (under the render lock).
"""

from __future__ import annotations

from contextlib import contextmanager

from weasyprint.layout import absolute, inline, preferred
from weasyprint.layout import float as float_layout

_MODULES = (inline, float_layout, absolute)


def shrink_to_fit(context, box, available_content_width):
    """WeasyPrint's `preferred.shrink_to_fit`, min-content width only when it can matter."""
    max_content = preferred.max_content_width(context, box, outer=False)
    if max_content <= available_content_width:
        return max_content
    return min(max(preferred.min_content_width(context, box, outer=False), available_content_width),
               max_content)


@contextmanager
def lazy_shrink_to_fit():
    originals = [module.shrink_to_fit for module in _MODULES]
    for module in _MODULES:
        module.shrink_to_fit = shrink_to_fit
    try:
        yield
    finally:
        for module, original in zip(_MODULES, originals, strict=True):
            module.shrink_to_fit = original
