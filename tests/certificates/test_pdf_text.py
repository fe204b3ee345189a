"""Certificates print every name well: each script of the audit on one page, in a font made for
it, with no missing-glyph box, and with a text layer that gives back exactly the name; long names
wrap and stay the largest text after the heading; the name carries its own language; figure
boxes lie on the page; the certificate prints in the learner's language, mirrored for
right-to-left ones.

Reads the PDFs with poppler-utils (pdftotext, pdffonts, pdfinfo), as .ci/run installs them.
"""

import re
import subprocess
import unicodedata
from datetime import date

import pytest

from certificates import rendering, scripts
from certificates.rendering import render_certificate_pdf
from tests.certificates.pdf import certificate_data as data
from tests.certificates.pdf import decompressed
from tests.certificates.pdf import poppler as tool

pytestmark = pytest.mark.needs("poppler")

# The audit's list: name, and the Noto face its letters must be set in ("" = Noto Sans itself).
AUDIT_NAMES = {
    "Ethiopic": ("አበበ ቢቂላ", "Noto-Sans-Ethiopic"),
    "Hebrew": ("נועה כהן", "Noto-Sans-Hebrew"),
    "Korean": ("김민준", "Noto-Sans-CJK-KR"),
    "Persian": ("زهرا محمدی", "Noto-Sans-Arabic"),
    "Vietnamese": ("Nguyễn Thị Hương", ""),
    "Thai": ("สมชาย ใจดี", "Noto-Sans-Thai"),
    "Yoruba with combining marks": ("Ade\u0301s\u0323o\u0323la\u0301 O\u0323lo\u0323\u0301run", ""),
    "Tamil": ("கார்த்திகேயன்", "Noto-Sans-Tamil"),
    "Tamil, two words": ("தமிழ்செல்வி இராமசாமி", "Noto-Sans-Tamil"),
    "Bengali": ("সুমাইয়া রহমান", "Noto-Sans-Bengali"),
    "Gurmukhi": ("ਹਰਪ੍ਰੀਤ ਕੌਰ", "Noto-Sans-Gurmukhi"),
    "Urdu": ("عائشہ پروین", "Noto-Sans-Arabic"),
    "Chinese": ("王小明", "Noto-Sans-CJK-SC"),
    "Japanese": ("やまだ はなこ", "Noto-Sans-CJK-JP"),
    "Greek": ("Νικόλαος Παπαδόπουλος", ""),
    "Polish": ("Wojciech Żółkiewski-Łęcki", ""),
    "Long name": ("Maria Alejandra de los Ángeles Fernández-Castellanos Montgomery-Worthington", ""),
    "Unbroken long name": ("Q" * 120, ""),
    "Emoji": ("Sam 🌈 Lee", "Noto-Color-Emoji"),
}
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
PAGE_WIDTH, PAGE_HEIGHT = 841.89, 595.28
FRAME_INSET = (12 + 2.5) * 72 / 25.4  # sheet padding and frame border, in points


def _font_cmap(pdf_font_name: str) -> set[int]:
    """The code points the system font behind a PDF font name ("ABCDEF+Noto-Sans-CJK-KR-Bold") has."""
    from fontTools.ttLib import TTFont

    name = pdf_font_name.split("+", 1)[-1]
    bold = name.endswith("-Bold")
    family = name.removesuffix("-Bold").replace("-", " ")
    pattern = f"{family}:weight={'bold' if bold else 'regular'}"
    found = subprocess.run(
        ["fc-match", "--format=%{family[0]}\t%{file}\t%{index}", pattern], capture_output=True, text=True
    ).stdout.split("\t")
    assert found[0] == family, (pdf_font_name, found)
    font = TTFont(found[1], fontNumber=int(found[2]), lazy=True)
    return set(font.getBestCmap())


def notdef_used(path) -> bool:
    """Whether any character on the page is drawn with a glyph its font does not have (the
    missing-glyph box). Each font's ToUnicode map lists every character the page draws with it;
    each must be in that font's own character map."""
    text = decompressed(path.read_bytes())
    names = {line.split()[0] for line in tool("pdffonts", path).splitlines()[2:] if line.strip()}
    assert names, "no embedded fonts found"
    # A character that none of the page's fonts has is drawn as a box, whichever font drew it.
    covered = set().union(*(_font_cmap(name) for name in names))
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for gid, chars in re.findall(rb"<([0-9a-f]+)> <([0-9a-f]+)>", block):
            if int(gid, 16) == 0:
                return True
            drawn = bytes.fromhex(chars.decode()).decode("utf-16-be")
            if any(
                ord(c) not in covered and not c.isspace() and unicodedata.category(c) != "Cf"
                for c in drawn
            ):
                return True
    return False


def name_lines(path, name: str) -> list[str]:
    """The printed lines between "This is to certify that" and "has completed". Right-to-left
    names are read in poppler's reading order (its default mode, which applies bidi); others in
    content order (-raw: the default mode would also drop a hyphen at a line end, "Fernández-"
    + "Castellanos", which is poppler's dehyphenation, not the PDF's text)."""
    args = () if rendering.text_direction(name) == "rtl" else ("-raw",)
    body = tool("pdftotext", path, *args).translate(BIDI_CONTROLS)
    between = body.split("This is to certify that", 1)[1].split("has completed", 1)[0]
    return [line.strip() for line in between.splitlines() if line.strip()]


def assert_reads_back(path, name: str):
    lines = name_lines(path, name)
    if len(lines) == 1:
        assert lines[0] == name
    else:  # wrapped: each line is a piece of the name, and together they are all of it
        assert all(line in name for line in lines), lines
        assert "".join("".join(lines).split()) == "".join(name.split())


@pytest.fixture
def render(tmp_path):
    def write(**overrides):
        path = tmp_path / "certificate.pdf"
        path.write_bytes(render_certificate_pdf(data(**overrides)))
        return path

    return write


@pytest.mark.parametrize("script", list(AUDIT_NAMES))
def test_every_name_of_the_audit_prints_on_one_page_in_its_own_font_and_reads_back_exactly(script, render):
    name, face = AUDIT_NAMES[script]
    path = render(learner_name=name)
    assert "Pages:           1" in tool("pdfinfo", path)
    fonts = tool("pdffonts", path)
    assert all(" yes yes yes " in line for line in fonts.splitlines()[2:]), fonts
    if face:
        assert f"+{face}-Bold " in fonts, fonts
    assert "DejaVu" not in fonts  # the fallback font of the audit's Hebrew: never needed now
    assert not notdef_used(path), "a glyph is missing (.notdef drawn)"
    assert_reads_back(path, name)


def test_the_missing_glyph_check_can_fail(render, monkeypatch):
    """Without leaving out what no font has, the private-use character prints as .notdef."""
    monkeypatch.setattr(scripts, "printable", lambda text: text)
    assert notdef_used(render(learner_name="Sam \ue000 Lee"))


def test_what_no_font_can_draw_is_left_out_never_printed_as_a_box(render):
    path = render(learner_name="Sam \ue000 Lee")
    assert not notdef_used(path)
    assert_reads_back(path, "Sam Lee")


def test_emoji_print_in_colour_and_digits_never_fall_to_the_emoji_font(render):
    path = render(learner_name="Sam 🌈 Lee 2nd")
    fonts = tool("pdffonts", path)
    assert "Noto-Color-Emoji" in fonts
    assert_reads_back(path, "Sam 🌈 Lee 2nd")
    # The date and the code (digits) are in Noto Sans: with no emoji in the name, no emoji font.
    assert "Emoji" not in tool("pdffonts", render(learner_name="Sam Lee"))


def word_boxes(path):
    """[(text, x_min, y_min, x_max, y_max)] of every word pdftotext finds, in points."""
    html = tool("pdftotext", path, "-bbox")
    return [
        (text, float(x1), float(y1), float(x2), float(y2))
        for x1, y1, x2, y2, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html
        )
    ]


def split_around_name(path):
    """(heading, name, other) word boxes: the name is what lies between the intro and "has completed"."""
    boxes = word_boxes(path)
    intro_bottom = next(b[4] for b in boxes if b[0] == "This is to certify that")
    completion_top = next(b[2] for b in boxes if b[0] == "has completed")
    name = [b for b in boxes if b[2] >= intro_bottom and b[4] <= completion_top]
    heading = [b for b in boxes if b[0] == "Certificate of completion"]
    other = [b for b in boxes if b not in name and b not in heading]
    return heading, name, other


def height(word_box):
    return word_box[4] - word_box[2]


@pytest.mark.parametrize(
    "overrides",
    [
        {"learner_name": "Q" * 120},
        {"learner_name": "Maria Alejandra " * 9},
        {
            "learner_name": "W" * 150,
            "course_title": "Youth Mental Health First Aid " * 8,
            "body": "Covers a lot. " * 42,
        },
    ],
    ids=["unbroken 120", "long with spaces", "longest name, title and wording together"],
)
def test_long_names_wrap_inside_the_frame_and_stay_the_largest_text_after_the_heading(render, overrides):
    path = render(**overrides)
    assert "Pages:           1" in tool("pdfinfo", path)
    heading, name, other = split_around_name(path)
    assert len(name) >= 2  # wrapped onto more than one line
    for _text, x1, _y1, x2, _y2 in name:  # inside the frame: nothing runs off the page
        assert x1 >= FRAME_INSET and x2 <= PAGE_WIDTH - FRAME_INSET
    smallest_name = min(map(height, name))
    assert smallest_name < min(map(height, heading))
    assert smallest_name > max(map(height, other)), "another text is as large as the name"
    assert "".join(b[0] for b in name).replace(" ", "") == overrides["learner_name"].replace(" ", "")


def test_long_names_keep_the_footer_clear():
    text = data(learner_name="W" * 150, course_title="Y" * 255, body="B" * 600, course_wording="C" * 600)
    context = rendering._context(text)
    fitted = [
        rendering._overlaps_footer(rendering._layout(rendering._template().render({**context, "fit": level})))
        for level in range(rendering.FIT_LEVELS)
    ]
    assert fitted[0] is True  # the normal layout would run into the footer...
    assert fitted[-1] is False  # ...the most compact one clears it, and that is what prints


def struct_elements(raw: bytes) -> list[bytes]:
    return re.findall(rb"<<[^<>]*?/Type /StructElem[^<>]*?>>", decompressed(raw))


def test_the_name_carries_its_own_language_in_the_pdf_structure(render):
    elements = struct_elements(render(learner_name="נועה כהן").read_bytes())
    tagged = [e for e in elements if b"/Lang (he)" in e]
    assert {re.search(rb"/S /(\w+)", e).group(1) for e in tagged} == {b"P", b"Span"}
    # A Latin name on an English certificate has the document's language: no tag of its own.
    assert not any(b"/Lang" in e for e in struct_elements(render(learner_name="Amani Okoro").read_bytes()))


@pytest.mark.parametrize(
    ("name", "language", "expected"),
    [
        ("王小明", "en-gb", "zh"),
        ("やまだ はなこ", "en-gb", "ja"),
        ("김민준", "en-gb", "ko"),
        ("عائشہ پروین", "ur", "ur"),  # Arabic script on an Urdu certificate: Urdu
        ("عائشہ پروین", "en-gb", "ar"),  # otherwise the script's likeliest language
        ("Amani Okoro", "pl", "pl"),
        ("Amani Okoro", "ur", "en"),
        ("123", "pl", "pl"),
    ],
)
def test_a_names_language_follows_its_script(name, language, expected):
    assert scripts.name_language(name, certificate_language=language) == expected


def figure_boxes(raw: bytes) -> list[tuple[float, ...]]:
    found = re.findall(rb"/BBox \[([\d.\s-]+)\]", decompressed(raw))
    return [tuple(float(v) for v in box.split()) for box in found]


def test_figure_boxes_are_in_points_on_the_page(render):
    boxes = figure_boxes(render().read_bytes())
    assert len(boxes) == 2  # the logo and the QR code
    for x1, y1, x2, y2 in boxes:
        assert 0 <= x1 < x2 <= PAGE_WIDTH and 0 <= y1 < y2 <= PAGE_HEIGHT
    logo, qr = sorted(boxes, key=lambda b: -b[1])  # from the bottom up: the logo is at the top
    assert logo[1] > PAGE_HEIGHT / 2 and qr[3] < PAGE_HEIGHT / 3
    assert qr[0] > PAGE_WIDTH / 2  # bottom right
    assert abs((qr[2] - qr[0]) - 30 * 72 / 25.4) < 1  # the 30 mm QR code is 85 pt wide


def test_a_certificate_in_a_right_to_left_language_is_mirrored(render):
    path = render(language="ur", learner_name="عائشہ پروین", course_title="خودکشی کی روک تھام")
    raw = path.read_bytes()
    assert b"/Lang (ur)" in decompressed(raw)
    qr = min(figure_boxes(raw), key=lambda b: b[1])
    assert qr[2] < PAGE_WIDTH / 2  # the QR code moves to the bottom left
    text = tool("pdftotext", path).translate(BIDI_CONTROLS)
    assert "عائشہ پروین" in text and "خودکشی کی روک تھام" in text
    assert "127.0.0.1:8000/certificates/verify/" in text  # the address reads left to right


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en-gb", "26 November 2026"), ("pl", "26 listopada 2026"), ("es", "26 de noviembre de 2026")],
)
def test_dates_are_written_as_the_certificates_language_writes_them(render, language, expected):
    text = tool("pdftotext", render(language=language))
    assert expected in text


def test_valid_until_is_printed_when_the_course_counts_for_a_limited_time(render):
    assert "Valid until" not in tool("pdftotext", render())
    text = tool("pdftotext", render(valid_until=date(2029, 11, 26)))
    assert "VALID UNTIL" in text.upper() and "26 November 2029" in text


def test_the_fixed_wording_is_translated(render, monkeypatch):
    """Labels go through gettext in the certificate's language."""
    from django.utils import translation

    seen = []
    real = translation.gettext

    def recording(message):
        seen.append((translation.get_language(), message))
        return real(message)

    monkeypatch.setattr(rendering, "gettext", recording)
    render(language="pl")
    assert ("pl", "Certificate of completion") in seen
    html = rendering._template().render({**rendering._context(data(language="pl")), "fit": 0})
    assert 'lang="pl"' in html and 'dir="ltr"' in html
