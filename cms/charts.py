"""Server-rendered SVG charts for public pages: a London borough choropleth and a simple line
chart. Pure functions of their inputs (no database), escaped output, no JavaScript, no CDN.

Every chart is paired, in its template, with a table holding the same figures, so nothing is
conveyed by colour or shape alone.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext as _

GEOJSON = Path(settings.BASE_DIR) / "data" / "geo" / "london_boroughs.geojson"
MAP_WIDTH = 600

# Five steps of one hue, light to dark (each step distinguishable; the legend names its range).
SHADES = ["#f1f5fb", "#c6d5ee", "#8eaadb", "#4f79c2", "#1d3f8f"]
NO_DATA = "#d9d9d9"  # grey: no institutions to count
BINS = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100)]
WITHHELD_PATTERN = "borough-map-withheld"  # hatching: a figure exists but is not published


@dataclass(frozen=True)
class BoroughShape:
    code: str
    name: str
    path: str


@lru_cache(maxsize=1)
def borough_shapes() -> tuple[tuple[BoroughShape, ...], int]:
    """Borough outlines projected once per process. Returns (shapes, svg height)."""
    data = json.loads(GEOJSON.read_text())
    rings = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        rings.append((feature["properties"], [ring for poly in polygons for ring in poly]))
    lons = [pt[0] for _, rs in rings for ring in rs for pt in ring]
    lats = [pt[1] for _, rs in rings for ring in rs for pt in ring]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    x_scale = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = MAP_WIDTH / ((max_lon - min_lon) * x_scale)
    height = round((max_lat - min_lat) * scale)

    def point(lon, lat):
        return f"{(lon - min_lon) * x_scale * scale:.1f},{(max_lat - lat) * scale:.1f}"

    shapes = []
    for props, borough_rings in rings:
        d = " ".join("M" + " L".join(point(*pt) for pt in ring) + " Z" for ring in borough_rings)
        shapes.append(BoroughShape(code=props["code"], name=props["name"], path=d))
    return tuple(sorted(shapes, key=lambda s: s.name)), height


@dataclass(frozen=True)
class MapArea:
    """What the map shows for one borough: a percentage to shade by (None: nothing to shade by), and
    the tooltip and accessible name. `withheld`: a figure exists but is not published."""

    percent: float | None
    label: str
    withheld: bool = False


@dataclass(frozen=True)
class ChartPoint:
    """One point of a line chart: its axis label, its value (None: not published, so not drawn) and
    its tooltip."""

    label: str
    value: int | None
    tooltip: str


def shade_for(percent: float | None) -> str:
    if percent is None:
        return NO_DATA
    for index, (_low, high) in enumerate(BINS):
        if percent < high or index == len(BINS) - 1:
            return SHADES[index]
    return SHADES[-1]


def legend() -> list[dict]:
    items = []
    for colour, (low, high) in zip(SHADES, BINS, strict=True):
        label = _("%(low)s%% to under %(high)s%%") if high < 100 else _("%(low)s%% to %(high)s%%")
        items.append({"colour": colour, "label": label % {"low": low, "high": high}})
    return items


def borough_map_svg(areas: dict[str, MapArea], *, title: str, description: str, missing: str) -> str:
    """A choropleth of London: `areas` maps ONS borough codes to what to show there; a borough with
    no entry is labelled "<name>: <missing>". Withheld boroughs are hatched, not shaded."""
    shapes, height = borough_shapes()
    parts = [
        f'<svg class="borough-map" viewBox="0 0 {MAP_WIDTH} {height}" role="img" '
        f'aria-labelledby="borough-map-title borough-map-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="borough-map-title">{escape(title)}</title>',
        f'<desc id="borough-map-desc">{escape(description)}</desc>',
        f'<defs><pattern id="{WITHHELD_PATTERN}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="2"/></pattern></defs>',
    ]
    for shape in shapes:
        area = areas.get(shape.code) or MapArea(None, missing)
        fill = f"url(#{WITHHELD_PATTERN})" if area.withheld else shade_for(area.percent)
        parts.append(
            f'<path d="{shape.path}" fill="{fill}" stroke="#0b0c0c" stroke-width="0.6">'
            f"<title>{escape(shape.name)}: {escape(area.label)}</title></path>"
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart_svg(
    points: list[ChartPoint], *, title: str, description: str, width=640, height=260
) -> str:
    """A line chart of points in order, e.g. learners on each day. A point without a value is not
    drawn (the line breaks there) and does not set the scale: its height would give the value away."""
    pad_left, pad_right, pad_top, pad_bottom = 56, 32, 16, 40
    inner_w, inner_h = width - pad_left - pad_right, height - pad_top - pad_bottom
    top = max([p.value for p in points if p.value is not None] + [1])
    step = _nice_step(top)
    top = step * math.ceil(top / step)
    parts = [
        f'<svg class="line-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="line-chart-title line-chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="line-chart-title">{escape(title)}</title>',
        f'<desc id="line-chart-desc">{escape(description)}</desc>',
    ]
    for tick in range(0, top + 1, step):
        y = pad_top + inner_h - inner_h * tick / top
        parts.append(
            f'<line x1="{pad_left}" x2="{width - pad_right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#b1b4b6" stroke-width="1"/>'
            f'<text x="{pad_left - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#0b0c0c">{tick:,}</text>'
        )
    gap = inner_w / max(len(points) - 1, 1)
    segments, segment = [], []
    label_every = max(1, math.ceil(len(points) / 6))
    for i, point in enumerate(points):
        x = pad_left + i * gap
        if point.value is None:
            segments.append(segment)
            segment = []
        else:
            y = pad_top + inner_h - inner_h * point.value / top
            segment.append(f"{x:.1f},{y:.1f}")
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1d3f8f">'
                f"<title>{escape(point.tooltip)}</title></circle>"
            )
        if i % label_every == 0 or i == len(points) - 1:
            parts.append(
                f'<text x="{x:.1f}" y="{height - 12}" text-anchor="middle" font-size="12" '
                f'fill="#0b0c0c">{escape(point.label)}</text>'
            )
    segments.append(segment)
    for coords in segments:
        if len(coords) > 1:
            parts.append(
                '<polyline fill="none" stroke="#1d3f8f" stroke-width="3" points="' + " ".join(coords) + '"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _nice_step(top: int) -> int:
    raw = max(top / 4, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)


def paired_bars_svg(
    rows: list[dict], *, title: str, description: str, scale_max: int, labels: tuple[str, str], width=640
) -> str:
    """Horizontal bars in pairs, e.g. the mean answer to each statement before and after a course:
    `rows` are {"label", "first", "second"} with values from 0 to `scale_max`, or None for a value
    that is withheld (no bar is drawn and nothing in the chart gives it away)."""
    bar, gap, label_h, pad_left, pad_right = 16, 18, 20, 16, 48
    inner_w = width - pad_left - pad_right
    height = 40 + len(rows) * (label_h + 2 * bar + gap)
    colours = ("#b1b4b6", "#1d3f8f")
    parts = [
        f'<svg class="bar-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="bar-chart-title bar-chart-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="bar-chart-title">{escape(title)}</title>',
        f'<desc id="bar-chart-desc">{escape(description)}</desc>',
    ]
    for i, (name, colour) in enumerate(zip(labels, colours, strict=True)):
        x = pad_left + i * 200
        parts.append(
            f'<rect x="{x}" y="8" width="14" height="14" fill="{colour}"/>'
            f'<text x="{x + 20}" y="20" font-size="13" fill="#0b0c0c">{escape(name)}</text>'
        )
    y = 40
    for row in rows:
        parts.append(
            f'<text x="{pad_left}" y="{y + 14}" font-size="13" fill="#0b0c0c">{escape(row["label"])}</text>'
        )
        y += label_h
        for key, colour in zip(("first", "second"), colours, strict=True):
            value = row[key]
            if value is not None:
                w = inner_w * value / scale_max
                parts.append(
                    f'<rect x="{pad_left}" y="{y}" width="{w:.1f}" height="{bar - 2}" fill="{colour}"/>'
                    f'<text x="{pad_left + w + 6:.1f}" y="{y + bar - 4}" font-size="12" '
                    f'fill="#0b0c0c">{value:.2f}</text>'
                )
            y += bar
        y += gap
    parts.append("</svg>")
    return "".join(parts)
