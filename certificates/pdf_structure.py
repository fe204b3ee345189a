"""Finishing touches to the tagged PDF that WeasyPrint writes, through its `finisher` hook.

- Every left-to-right run of text gets its `ActualText` (the characters as written), so copying
  the name, searching it and reading it aloud give exactly the name. Without it a viewer rebuilds
  the text from glyphs, and shaped scripts lose letters: Tamil "கார்த்திகேயன்" came back as
  "கார்த்தி கயன்". Right-to-left runs (Arabic, Hebrew script) keep their glyph mapping, which
  round-trips exactly once the viewer applies bidi; poppler reverses the characters of an
  ActualText in a right-to-left run, so giving them one would make them worse, not better.
- Text inside an element with its own `lang` carries that language (`Lang`) on its marked content
  and its structure elements, so the name is announced in its own language.
- Figure boxes (`/BBox` of the logo, signature and QR code) are in PDF points from the bottom left,
  as PDF requires; WeasyPrint 70 writes CSS pixels from the top left.

How the pieces are matched: WeasyPrint numbers marked content (MCID) as it draws, and builds the
structure tree by walking the layout boxes; walking the boxes in the same order as its tagger
(`weasyprint.pdf.tags._build_box_tree`) pairs each text box with the MCID of the structure tree at
the same position. If the counts ever disagree (a WeasyPrint change), nothing is altered and an
error is logged: the tests in tests/certificates/test_pdf_text.py then fail.
"""

from __future__ import annotations

import logging
import unicodedata

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.layout.absolute import AbsolutePlaceholder

logger = logging.getLogger(__name__)

PT_PER_PX = 0.75


def finish(document, pdf) -> None:
    """The `finisher` passed to `write_pdf`: one page documents only (certificates are)."""
    objects = {index: obj for index, obj in enumerate(pdf.objects) if isinstance(obj, pydyf.Object)}
    page_height = document.pages[0].height
    _fix_figure_boxes(objects.values(), page_height=page_height)
    _add_actual_text(document.pages[0]._page_box, pdf, objects)


def _fix_figure_boxes(objects, *, page_height: float) -> None:
    for obj in objects:
        if not isinstance(obj, pydyf.Dictionary) or obj.get("S") != "/Figure":
            continue
        attributes = obj.get("A")
        if not isinstance(attributes, pydyf.Dictionary) or "BBox" not in attributes:
            continue
        x1, y1, x2, y2 = (float(value) for value in attributes["BBox"])
        attributes["BBox"] = pydyf.Array(
            [
                round(x1 * PT_PER_PX, 2),
                round((page_height - y2) * PT_PER_PX, 2),
                round(x2 * PT_PER_PX, 2),
                round((page_height - y1) * PT_PER_PX, 2),
            ]
        )


def _tagged_boxes(box, language=None):
    """(box, language) for the text and replaced boxes, in the order WeasyPrint's tagger gives
    them MCIDs; language is the `lang` of the nearest element around the box that has one."""
    if isinstance(box, AbsolutePlaceholder):
        box = box._box
    if box.element is not None and box.element.get("lang"):
        language = box.element.get("lang")
    if not isinstance(box, boxes.ParentBox):
        if isinstance(box, boxes.ReplacedBox):
            yield box, language
        return
    for child in box.children:
        children = child.children if isinstance(child, boxes.LineBox) else [child]
        for grandchild in children:
            if isinstance(grandchild, boxes.TextBox):
                yield grandchild, language
            else:
                yield from _tagged_boxes(grandchild, language)
    if isinstance(box, boxes.ReplacedBox):
        yield box, language


def _mcids_in_tree_order(element, objects):
    for kid in element.get("K", []):
        if isinstance(kid, int):
            yield kid
        elif isinstance(kid, bytes):
            child = objects.get(int(kid.split()[0]))
            if isinstance(child, pydyf.Dictionary) and child.get("Type") == "/StructElem":
                yield from _mcids_in_tree_order(child, objects)


def _direction(text: str) -> str:
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _add_actual_text(page_box, pdf, objects) -> None:
    root = objects.get(int(pdf.catalog["StructTreeRoot"].split()[0]))
    document_element = objects.get(int(root["K"][0].split()[0]))
    mcids = list(_mcids_in_tree_order(document_element, objects))
    tagged = list(_tagged_boxes(page_box))
    if len(mcids) != len(tagged):
        logger.error("Certificate PDF: %d tagged boxes but %d MCIDs; no ActualText", len(tagged), len(mcids))
        return
    properties = {}
    for obj in objects.values():
        if isinstance(obj, pydyf.Stream):
            for item in obj.stream:
                if isinstance(item, pydyf.Dictionary) and "MCID" in item:
                    properties[item["MCID"]] = item
    parent_tree = objects.get(int(root["ParentTree"].split()[0]))
    elements_by_mcid = parent_tree["Nums"][1]
    root_language = pdf.catalog.get("Lang")
    root_language = root_language.string if isinstance(root_language, pydyf.String) else None
    for mcid, (box, language) in zip(mcids, tagged, strict=True):
        if not isinstance(box, boxes.TextBox) or mcid not in properties:
            continue
        if _direction(box.text) == "ltr":
            properties[mcid]["ActualText"] = pydyf.String(box.text)
        if language and language != root_language:
            properties[mcid]["Lang"] = pydyf.String(language)
            # The text's own structure element and the element it sits in (the name's paragraph).
            span = objects.get(int(elements_by_mcid[mcid].split()[0]))
            span["Lang"] = pydyf.String(language)
            objects[int(span["P"].split()[0])]["Lang"] = pydyf.String(language)
