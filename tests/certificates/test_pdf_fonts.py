"""CJK names embed only the glyphs they use (certificates.pdf_fonts): a small PDF that draws, reads
back and is tagged exactly as WeasyPrint's own (much larger) embedding of the same page.

Uses poppler-utils (pdftotext, pdffonts, pdftoppm), as .ci/run installs them.
"""

import io
import re
import subprocess
import zlib

import pytest
from fontTools.ttLib import TTFont

from certificates import pdf_fonts, pdf_structure, rendering
from certificates.rendering import render_certificate_pdf
from tests.certificates.pdf import certificate_data as data
from tests.certificates.pdf import decompressed
from tests.certificates.pdf import poppler as run

pytestmark = pytest.mark.needs("poppler")

CJK_NAMES = {"Korean": "김민준", "Chinese": "王小明", "Japanese": "佐藤花子", "Traditional Chinese": "陳志明"}


def _weasyprint_embedding(certificate) -> bytes:
    """The same certificate with WeasyPrint's own font subsetting (glyph slots kept)."""
    html = rendering._template().render({**rendering._context(certificate), "fit": 0})
    document = rendering._layout(html)
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, finisher=pdf_structure.finish)


def _raster(pdf: bytes, tmp_path, name: str) -> bytes:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "110", "-gray", str(path), str(tmp_path / name)], check=True)
    return next(tmp_path.glob(f"{name}*.pgm")).read_bytes()


@pytest.mark.parametrize("script", CJK_NAMES)
def test_a_cjk_name_is_small_and_reads_back(script, tmp_path):
    name = CJK_NAMES[script]
    pdf = render_certificate_pdf(data(learner_name=name))
    assert len(pdf) <= 40 * 1024, f"{script} certificate is {len(pdf) / 1024:.1f} KiB"
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    assert name in run("pdftotext", path)
    fonts = run("pdffonts", path)
    assert re.search(r"Noto-Sans-CJK-\w+-Bold\s+CID Type 0C \(OT\)\s+Custom\s+yes yes yes", fonts), fonts


MUCH_CJK = {
    "learner_name": "王小明 (Wang Xiaoming) 김민준",
    "course_title": "自殺予防：ロンドン市民のための入門 — 자살 예방 입문 中文课程标题",
    "body": "這是一個很長的正文，用來測試很多漢字的情況。日本語の文章も少し入れます。한국어 문장도 있습니다.",
    "signatory_name": "山田太郎",
}


@pytest.mark.parametrize("case", ["Korean", "Japanese", "much CJK text in three fonts and two weights"])
def test_the_compact_font_draws_and_reads_the_same_page_as_weasyprints_embedding(case, tmp_path):
    fields = {"learner_name": CJK_NAMES[case]} if case in CJK_NAMES else MUCH_CJK
    certificate = data(**fields)
    compact, full = render_certificate_pdf(certificate), _weasyprint_embedding(certificate)
    assert len(compact) <= 40 * 1024 < len(full)
    assert _raster(compact, tmp_path, "compact") == _raster(full, tmp_path, "full")
    (tmp_path / "compact.pdf").write_bytes(compact)
    (tmp_path / "full.pdf").write_bytes(full)
    assert run("pdftotext", tmp_path / "compact.pdf") == run("pdftotext", tmp_path / "full.pdf")
    fonts = run("pdffonts", tmp_path / "compact.pdf")
    assert "CJK" in fonts and not re.search(r"CJK\S*\s+CID Type 0C \(OT\)\s+Identity-H", fonts), fonts


def test_the_embedded_cjk_font_holds_only_the_glyphs_used_numbered_as_its_cids():
    pdf = render_certificate_pdf(data(learner_name="김민준"))
    streams = [zlib.decompress(raw) for raw in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)]
    fonts = [TTFont(io.BytesIO(stream)) for stream in streams if stream.startswith(b"OTTO")]
    cid_fonts = [font for font in fonts if hasattr(font["CFF "].cff.topDictIndex[0], "ROS")]
    assert cid_fonts, "no CID-keyed font embedded"
    for font in cid_fonts:
        order = font.getGlyphOrder()
        assert len(order) == 4  # .notdef and the three syllables
        assert order == [".notdef", "cid00001", "cid00002", "cid00003"]  # CID n is glyph n


def test_latin_fonts_keep_weasyprints_own_subsetting():
    pdf = render_certificate_pdf(data(learner_name="Zoë Ó'Brien-Núñez"))
    assert b"Certificate-Compact-H" not in decompressed(pdf)


def test_the_cff_top_dict_check_tells_cid_keyed_fonts_apart():
    found = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK KR:bold"],
                           capture_output=True, text=True, check=True).stdout
    cff = TTFont(found, fontNumber=0, lazy=True).reader["CFF "]
    assert pdf_fonts._cff_top_dict_has_ros(cff)
    # A name-keyed CFF font: a fresh one built by fontTools has no ROS.
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef"])
    builder.setupCharacterMap({})
    pen = T2CharStringPen(500, None)
    builder.setupCFF("Test", {"FullName": "Test"}, {".notdef": pen.getCharString()}, {})
    output = io.BytesIO()
    builder.setupHorizontalMetrics({".notdef": (500, 0)})
    builder.setupHorizontalHeader()
    builder.setupNameTable({"familyName": "Test", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(output)
    name_keyed = TTFont(io.BytesIO(output.getvalue())).reader["CFF "]
    assert not pdf_fonts._cff_top_dict_has_ros(name_keyed)
