"""The platform logo (SVG) drawn once per process, then its drawing replayed.

WeasyPrint draws an SVG image by walking its tree and writing PDF operators into the page, on
every page that shows it. The platform logo is the same on every certificate, so the operators
it writes are the same whenever it is drawn at the same size, in the same place, from the same
graphics state: `RecordedSVGImage` keeps the operators of its first drawing in each such case and
writes those again instead of walking the tree.

Only a drawing that is self-contained is kept: plain operators (bytes), the graphics state and
transformation matrix left as found, and no resources of its own added to the page except
opacity states (which WeasyPrint names by their value, so they are added again on replay if the
page has not got them). A drawing with anything else (gradients, patterns, images, text, masks)
is drawn by WeasyPrint every time, as before.
"""

from __future__ import annotations

import pydyf
from weasyprint.images import SVGImage

# The stream's remembered graphics state: it decides which operators WeasyPrint leaves out.
_STATE = (
    "_current_color", "_current_color_stroke", "_current_alpha", "_current_alpha_stroke",
    "_current_font", "_current_font_size", "_old_font", "_old_font_size",
)
_NOT_KEPT = object()
MAX_RECORDINGS = 64  # sizes and places the logo is drawn at (a few: one per fit level)


class RecordedSVGImage(SVGImage):
    """WeasyPrint's SVG image, whose drawings are kept and replayed (see the module docstring)."""

    _recordings: dict | None = None

    def draw(self, stream, concrete_width, concrete_height, style):
        if self._recordings is None:
            self._recordings = {}
        start = tuple(getattr(stream, name, None) for name in _STATE)
        key = (concrete_width, concrete_height, start, tuple(stream.ctm.values), len(stream._ctm_stack))
        recording = self._recordings.get(key)
        if recording is None:
            if len(self._recordings) >= MAX_RECORDINGS:
                self._recordings.clear()
            self._recordings[key] = self._record(stream, concrete_width, concrete_height, style)
        elif recording is _NOT_KEPT:
            super().draw(stream, concrete_width, concrete_height, style)
        else:
            operators, end, opacity_states = recording
            states = stream._resources["ExtGState"]
            for name, values in opacity_states.items():
                if name not in states:
                    states[name] = pydyf.Dictionary(values)
            stream.stream.extend(operators)
            for name, value in zip(_STATE, end, strict=True):
                setattr(stream, name, value)

    def _record(self, stream, concrete_width, concrete_height, style):
        resources = stream._resources
        before = {kind: dict(values) for kind, values in resources.items() if isinstance(values, dict)}
        ctm = (tuple(stream.ctm.values), len(stream._ctm_stack))
        count = len(stream.stream)
        last = stream.stream[-1] if stream.stream else None
        sizes = (len(stream._images), len(stream._fonts), len(stream._tags))
        super().draw(stream, concrete_width, concrete_height, style)
        operators = stream.stream[count:]
        added = {
            kind: {name: value for name, value in values.items() if name not in before.get(kind, {})}
            for kind, values in resources.items() if isinstance(values, dict)
        }
        opacity_states = added.pop("ExtGState", {})
        kept = (
            len(stream.stream) >= count
            and (stream.stream[count - 1] is last if count else True)
            and all(isinstance(operator, bytes) for operator in operators)
            and (tuple(stream.ctm.values), len(stream._ctm_stack)) == ctm
            and (len(stream._images), len(stream._fonts), len(stream._tags)) == sizes
            and not any(added.values())
            and all(name[:1] in ("a", "A") and isinstance(values, pydyf.Dictionary)
                    for name, values in opacity_states.items())
        )
        if not kept:
            return _NOT_KEPT
        end = tuple(getattr(stream, name, None) for name in _STATE)
        return operators, end, {name: dict(values) for name, values in opacity_states.items()}


def keep_drawings(image) -> None:
    """Make WeasyPrint's SVG image `image` keep and replay its drawings (the platform logo)."""
    if type(image) is SVGImage:
        image.__class__ = RecordedSVGImage
