"""Compact embedding of CJK fonts in certificate PDFs.

WeasyPrint 70 subsets fonts keeping every glyph slot up to the highest glyph id used (HarfBuzz's
"retain GIDs"), because its text is written with the font's own glyph ids. The Noto Sans CJK fonts
are CID-keyed CFF fonts with about 65,000 glyphs, so the three glyphs of a Korean name kept a
~100 KB font program (an empty slot still costs an entry in each CFF index), and subsetting it cost
tens of milliseconds per certificate.

For those fonts we subset to the glyphs used only, renumbered 1..n, and tell the PDF how to find
them instead of rewriting the page:
- the text keeps its character codes (the original glyph ids), so `ToUnicode` (copying, search,
  screen readers), `ActualText` and the tagging done in `pdf_structure` are untouched;
- the font's `Encoding` becomes an embedded CMap from each code to its new CID;
- the subset font's CFF charset is made the identity (CID n is glyph n), so viewers that look CIDs
  up through the charset (as the PDF specification says) and viewers that take the CID as the
  glyph index (poppler) draw the same glyph;
- the widths (`W`) are renumbered to the new CIDs.

Anything unexpected (a glyph missing from every font, a subset that does not have the glyphs we
asked for, HarfBuzz's subsetter unavailable) keeps WeasyPrint's own subsetting for that font: larger,
never wrong. The finisher then checks every compacted font was rewired, and raises if not, so a
PDF with mismatched glyphs is never stored.
"""

from __future__ import annotations

import io
import logging
from math import ceil

import pydyf
from fontTools.ttLib import TTFont
from weasyprint.pdf.fonts import Font
from weasyprint.text.ffi import ffi, harfbuzz, harfbuzz_subset
from weasyprint.text.fonts import get_hb_object_data

logger = logging.getLogger(__name__)

# Tables a PDF viewer never reads (the same list WeasyPrint drops).
_DROP_TABLES = (
    b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT", b"SVG ",
)
_CFF_ROS = b"\x0c\x1e"  # the CFF Top DICT operator (12 30) that makes a font CID-keyed


class FontRewiringError(RuntimeError):
    """A compacted font could not be matched to its PDF dictionaries."""


class CompactFonts(dict):
    """A document's fonts (`Document.fonts`): CID-keyed CFF fonts are subset compactly."""

    def __setitem__(self, key, font):
        if type(font) is Font and _is_cid_keyed_cff(font):
            font.__class__ = _CompactCIDFont
        super().__setitem__(key, font)


class _CompactCIDFont(Font):
    """A CID-keyed CFF font subset to the glyphs used, renumbered (see the module docstring)."""

    cid_for_code: dict[int, int] | None = None

    def subset(self, to_unicode, hinting):
        if to_unicode and not self.missing and harfbuzz_subset is not None and self._cids_are_gids():
            try:
                self.file_content, self.cid_for_code = _subset_renumbered(
                    self.hb_face, sorted(to_unicode), hinting
                )
                return
            except Exception:  # keep WeasyPrint's subsetting: larger, never wrong
                logger.exception("Compact subsetting of %s failed; embedding it the usual way", self.family)
                self.cid_for_code = None
        super().subset(to_unicode, hinting)


    def _cids_are_gids(self) -> bool:
        """Whether every glyph's CID is its glyph id (true of the Noto CJK fonts): the subset's
        charset then names each kept glyph's original id. Checked once per font face a process."""
        key = (len(self.file_content), self.index)
        if key not in _CIDS_ARE_GIDS:
            try:
                font = TTFont(io.BytesIO(self.file_content), fontNumber=self.index, lazy=True)
                charset = font["CFF "].cff.topDictIndex[0].charset
                _CIDS_ARE_GIDS[key] = all(name == f"cid{gid:05d}" for gid, name in enumerate(charset) if gid)
            except Exception:
                logger.exception("Could not read the CID charset of %s", self.family)
                _CIDS_ARE_GIDS[key] = False
        return _CIDS_ARE_GIDS[key]


_CIDS_ARE_GIDS: dict[tuple[int, int], bool] = {}


def _is_cid_keyed_cff(font: Font) -> bool:
    if "CFF " not in font.tables:
        return False
    blob = harfbuzz.hb_face_reference_table(font.hb_face, harfbuzz.hb_tag_from_string(b"CFF ", -1))
    try:
        length = ffi.new("unsigned int *")
        data = harfbuzz.hb_blob_get_data(blob, length)
        return _cff_top_dict_has_ros(ffi.unpack(data, min(length[0], 65536)))
    finally:
        harfbuzz.hb_blob_destroy(blob)


def _cff_top_dict_has_ros(cff: bytes) -> bool:
    """Whether the first Top DICT of a CFF table starts with ROS (CID-keyed fonts must)."""
    header_size = cff[2]
    offset = _index_end(cff, header_size)  # skip the Name INDEX
    count = int.from_bytes(cff[offset:offset + 2], "big")
    if count == 0:
        return False
    off_size = cff[offset + 2]
    first = offset + 3
    start = int.from_bytes(cff[first:first + off_size], "big")
    end = int.from_bytes(cff[first + off_size:first + 2 * off_size], "big")
    data_start = first + (count + 1) * off_size - 1
    top_dict = cff[data_start + start:data_start + end]
    return _first_operator(top_dict) == _CFF_ROS


def _index_end(cff: bytes, offset: int) -> int:
    count = int.from_bytes(cff[offset:offset + 2], "big")
    if count == 0:
        return offset + 2
    off_size = cff[offset + 2]
    last = offset + 3 + count * off_size
    data_length = int.from_bytes(cff[last:last + off_size], "big") - 1
    return last + off_size + data_length


def _first_operator(top_dict: bytes) -> bytes:
    """The first operator of a CFF DICT, skipping its operands."""
    i = 0
    while i < len(top_dict):
        b0 = top_dict[i]
        if b0 <= 21:
            return top_dict[i:i + 2] if b0 == 12 else top_dict[i:i + 1]
        if b0 == 28:
            i += 3
        elif b0 == 29:
            i += 5
        elif b0 == 30:  # real number: nibbles up to an 0xf terminator
            i += 1
            while i < len(top_dict) and (top_dict[i] & 0x0F) != 0x0F and (top_dict[i] >> 4) != 0x0F:
                i += 1
            i += 1
        elif b0 <= 246:
            i += 1
        elif b0 <= 254:
            i += 2
        else:
            return b""
    return b""


def _subset_renumbered(hb_face, codes: list[int], hinting: bool):
    """(font bytes, {code: new CID}) for the glyphs `codes` (original glyph ids), numbered from 1
    in their original order with .notdef at 0, and an identity CID charset."""
    subset_input = ffi.gc(
        harfbuzz_subset.hb_subset_input_create_or_fail(), harfbuzz_subset.hb_subset_input_destroy
    )
    glyphs = harfbuzz_subset.hb_subset_input_glyph_set(subset_input)
    array = ffi.new(f"hb_codepoint_t[{len(codes)}]", codes)
    harfbuzz.hb_set_add_sorted_array(glyphs, array, len(codes))
    # No layout closure: the text is already shaped, so the glyphs drawn are all the PDF needs.
    flags = (
        harfbuzz_subset.HB_SUBSET_FLAGS_PASSTHROUGH_UNRECOGNIZED
        | harfbuzz_subset.HB_SUBSET_FLAGS_DESUBROUTINIZE
        | harfbuzz_subset.HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE
    )
    if not hinting:
        flags |= harfbuzz_subset.HB_SUBSET_FLAGS_NO_HINTING
    harfbuzz_subset.hb_subset_input_set_flags(subset_input, flags)
    drop = harfbuzz_subset.hb_subset_input_set(subset_input, harfbuzz_subset.HB_SUBSET_SETS_DROP_TABLE_TAG)
    tags = sorted(harfbuzz.hb_tag_from_string(name, -1) for name in _DROP_TABLES)
    harfbuzz.hb_set_add_sorted_array(drop, ffi.new(f"hb_codepoint_t[{len(tags)}]", tags), len(tags))
    face = harfbuzz_subset.hb_subset_or_fail(hb_face, subset_input)
    if face == ffi.NULL:
        raise ValueError("HarfBuzz could not subset the font")
    face = ffi.gc(face, harfbuzz.hb_face_destroy)
    font = TTFont(io.BytesIO(get_hb_object_data(face)), recalcBBoxes=False, recalcTimestamp=False)
    top_dict = font["CFF "].cff.topDictIndex[0]
    if not hasattr(top_dict, "ROS"):
        raise ValueError("subset is not CID-keyed")
    # The subset's charset still holds each glyph's original CID, which is its original glyph id
    # (checked by the caller): that says where each code's glyph went. HarfBuzz may keep a few
    # more glyphs than asked (variants of the same characters); they do no harm.
    order = font.getGlyphOrder()
    original = [0, *(int(name.removeprefix("cid")) for name in order[1:])]
    position = {gid: new for new, gid in enumerate(original)}
    if original != sorted(original) or any(code not in position for code in codes):
        raise ValueError("the subset does not hold the glyphs asked for, in order")
    cid_for_code = {code: position[code] for code in codes}
    identity = [".notdef", *(f"cid{cid:05d}" for cid in range(1, len(order)))]
    renamed = dict(zip(order, identity, strict=True))
    char_strings = top_dict.CharStrings
    char_strings.charStrings = {renamed[name]: index for name, index in char_strings.charStrings.items()}
    top_dict.charset = identity
    font.setGlyphOrder(identity)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue(), cid_for_code


def rewire_compact_fonts(document, pdf) -> None:
    """Finisher step: point every compacted font's dictionaries at the renumbered glyphs."""
    fonts = getattr(document, "fonts", {})
    compacted = {font.name: font.cid_for_code for font in fonts.values()
                 if isinstance(font, _CompactCIDFont) and font.cid_for_code}
    if not compacted:
        return
    rewired = set()
    objects = {index: obj for index, obj in enumerate(pdf.objects) if isinstance(obj, pydyf.Object)}
    for obj in list(objects.values()):
        if not (isinstance(obj, pydyf.Dictionary) and obj.get("Subtype") == "/Type0"):
            continue
        cid_for_code = compacted.get(obj.get("BaseFont"))
        if cid_for_code is None:
            continue
        if obj.get("Encoding") != "/Identity-H":
            raise FontRewiringError(f"unexpected encoding for {obj['BaseFont']!r}")
        encoding = _encoding_cmap(cid_for_code)
        pdf.add_object(encoding)
        obj["Encoding"] = encoding.reference
        descendant = objects[_object_number(obj["DescendantFonts"][0])]
        descendant["W"] = _renumbered_widths(descendant["W"], cid_for_code)
        descriptor = objects[_object_number(descendant["FontDescriptor"])]
        if "CIDSet" in descriptor:  # PDF 1.4 and older only
            cid_set = objects[_object_number(descriptor["CIDSet"])]
            cid_set.stream = [_cid_set(cid_for_code.values())]
        rewired.add(obj["BaseFont"])
    if rewired != set(compacted):
        raise FontRewiringError(f"fonts not rewired: {sorted(set(compacted) - rewired)!r}")


def _object_number(reference) -> int:
    return int(reference.split()[0])


def _renumbered_widths(widths, cid_for_code) -> pydyf.Array:
    by_cid = {}
    items = list(widths)
    for start, run in zip(items[::2], items[1::2], strict=True):
        for offset, width in enumerate(run):
            code = int(start) + offset
            if code not in cid_for_code:
                raise FontRewiringError(f"width for code {code} that the subset does not hold")
            by_cid[cid_for_code[code]] = width
    result = pydyf.Array()
    for cid in sorted(by_cid):
        if cid - 1 not in by_cid:
            result.append(cid)
            run = pydyf.Array()
            result.append(run)
        run.append(by_cid[cid])
    return result


def _cid_set(cids) -> bytes:
    cids = sorted({0, *cids})
    bits = bytearray(ceil((cids[-1] + 1) / 8))
    for cid in cids:
        bits[cid // 8] |= 0x80 >> (cid % 8)
    return bytes(bits)


def _encoding_cmap(cid_for_code: dict[int, int]) -> pydyf.Stream:
    """An embedded CMap (PDF 9.7.5) from two-byte codes to the renumbered CIDs."""
    system_info = pydyf.Dictionary({
        "Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("Identity"), "Supplement": 0,
    })
    lines = [
        b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap",
        b"/CIDSystemInfo 3 dict dup begin", b"/Registry (Adobe) def", b"/Ordering (Identity) def",
        b"/Supplement 0 def", b"end def", b"/CMapName /Certificate-Compact-H def", b"/CMapType 1 def",
        b"1 begincodespacerange", b"<0000> <ffff>", b"endcodespacerange",
    ]
    items = sorted(cid_for_code.items())
    for i in range(0, len(items), 100):
        batch = items[i:i + 100]
        lines.append(f"{len(batch)} begincidchar".encode())
        lines.extend(f"<{code:04x}> {cid}".encode() for code, cid in batch)
        lines.append(b"endcidchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    extra = pydyf.Dictionary({
        "Type": "/CMap", "CMapName": "/Certificate-Compact-H", "CIDSystemInfo": system_info,
    })
    return pydyf.Stream(lines, extra, compress=True)
