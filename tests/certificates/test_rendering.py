"""The certificate PDF: one A4 landscape page, tagged PDF/UA with fonts embedded, every script
Londoners write, a scannable QR code, and nothing fetched from anywhere but the platform itself.

Uses poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) as .ci/run installs them; zbarimg
(zbar-tools) reads the QR code back.
"""

import http.server
import subprocess
import threading
import time
from datetime import date

import pytest

from certificates import rendering
from certificates.rendering import RenderTimeout, render_certificate_pdf
from tests.certificates.pdf import certificate_data as data
from tests.certificates.pdf import decompressed, qr_image_size
from tests.certificates.pdf import poppler as run

NAMES = {
    "Latin with diacritics": "Zoë Ó'Brien-Núñez",
    "Arabic": "محمد عبد الله",
    "Urdu": "عائشہ پروین",
    "Bengali": "সুমাইয়া রহমান",
    "Gujarati": "ધ્રુવ પટેલ",
    "Punjabi (Gurmukhi)": "ਹਰਪ੍ਰੀਤ ਕੌਰ",
    "Tamil": "தமிழ்செல்வி இராமசாமி",
    "Chinese": "王小明",
    "Polish": "Wojciech Żółkiewski-Łęcki",
    "Somali": "Cabdiraxmaan Xasan Cumar",
    "Greek": "Νικόλαος Παπαδόπουλος",
    "Turkish": "Ağırğül Şenyiğit İnce",
}

needs_poppler = pytest.mark.needs("poppler")


@pytest.fixture
def pdf_file(tmp_path):
    def write(pdf: bytes, name="certificate.pdf"):
        path = tmp_path / name
        path.write_bytes(pdf)
        return path

    return write


@needs_poppler
def test_one_a4_landscape_page_tagged_pdf_ua_with_title_language_and_embedded_fonts(pdf_file):
    path = pdf_file(render_certificate_pdf(data()))
    info = run("pdfinfo", path)
    assert "Pages:           1" in info
    assert "841.89 x 595.276 pts (A4)" in info  # landscape: wider than tall
    assert "Tagged:          yes" in info
    assert "Title:           Certificate of completion: Suicide prevention" in info
    assert "pdfuaid:part" in run("pdfinfo", path, "-meta")  # declares PDF/UA-1
    assert b"/Lang (en-GB)" in decompressed(path.read_bytes())
    fonts = run("pdffonts", path).splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts  # embedded, subset, unicode
    text = run("pdftotext", path, "-layout")
    for expected in (
        "Amani Okoro",
        "Suicide prevention: an introduction for Londoners",
        "26 November 2026",
        "7KQ2-M9XD-3HWP-R4TB",
        "Dr Jane Smith",
        "Programme lead",
    ):
        assert expected in text


FONT_FOR_SCRIPT = {
    "Arabic": "Arabic",
    "Urdu": "Arabic",
    "Bengali": "Bengali",
    "Gujarati": "Gujarati",
    "Punjabi (Gurmukhi)": "Gurmukhi",
    "Tamil": "Tamil",
    "Chinese": "CJK",
}
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@needs_poppler
@pytest.mark.parametrize("script", list(NAMES))
def test_names_in_every_script_print_with_real_glyphs(script, pdf_file):
    name = NAMES[script]
    path = pdf_file(render_certificate_pdf(data(learner_name=name)))
    text = run("pdftotext", path, "-raw").translate(BIDI_CONTROLS)
    fonts = run("pdffonts", path)
    # Every font is embedded, and the name is set in the Noto face made for its script (a
    # fallback font without the glyphs would draw .notdef boxes).
    assert all(" yes yes yes " in line for line in fonts.splitlines()[2:]), fonts
    assert f"Noto-Sans-{FONT_FOR_SCRIPT.get(script, '')}".rstrip("-") in fonts
    assert "\ufffd" not in text
    words = set(text.split())
    if script == "Tamil":
        # poppler splits words at the reordered vowel sign and maps the glyph shared by ா/ொ back
        # to one of them, so only the first word round-trips (spaces ignored); the PNG check in
        # docs/certificates.md shows every glyph drawn.
        assert name.split()[0] in "".join(text.split())
    else:  # right-to-left names come out word by word in visual order: compare the words
        assert set(name.split()) <= words, (name, text)


def test_right_to_left_names_are_marked_right_to_left_in_the_certificate_markup():
    html = rendering._template().render(
        {"c": data(learner_name=NAMES["Urdu"]), "name_dir": rendering.text_direction(NAMES["Urdu"])}
    )
    assert 'dir="rtl"' in html
    assert rendering.text_direction("Zoë") == "ltr"
    assert rendering.text_direction("  123 محمد") == "rtl"


@pytest.mark.needs("poppler", "zbar")
def test_the_qr_code_scans_to_the_verify_page(pdf_file, tmp_path):
    url = "https://training.example.org/certificates/verify/7KQ2-M9XD-3HWP-R4TB/"
    path = pdf_file(render_certificate_pdf(data(verify_url=url)))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-singlefile", str(path), str(tmp_path / "page")], check=True
    )
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert scanned == url


@needs_poppler
def test_very_long_names_and_titles_still_fit_on_one_page(pdf_file):
    pdf = render_certificate_pdf(
        data(
            learner_name="Wolfeschlegelsteinhausenbergerdorff " * 4,
            course_title="Youth Mental Health First Aid " * 8,
            body="Covers a lot. " * 30,
            course_wording="More. " * 40,
        )
    )
    assert "Pages:           1" in run("pdfinfo", pdf_file(pdf))


@needs_poppler
def test_a_revoked_certificate_says_so_and_still_fits_on_one_page(pdf_file):
    path = pdf_file(render_certificate_pdf(data(revoked_on=date(2026, 12, 1))))
    assert "Pages:           1" in run("pdfinfo", path)
    text = " ".join(run("pdftotext", path).split())
    assert "Revoked on 1 December 2026: this certificate is no longer valid." in text
    assert "Revoked" not in run("pdftotext", pdf_file(render_certificate_pdf(data()), "valid.pdf"))


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests: list = []

    def do_GET(self):  # noqa: N802
        RecordingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { background: red; }")

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    """A tiny HTTP server on 127.0.0.1 that records every request it gets."""
    RecordingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@needs_poppler
def test_html_in_a_name_prints_as_text_and_fetches_nothing(pdf_file, http_server):
    name = (
        f'<img src="file:///etc/passwd"><link rel="stylesheet" href="{http_server}/evil.css">'
        f'<img src="{http_server}/pixel.png">'
    )
    # The server records a request before it answers, and rendering waits for answers, so any
    # fetch would be on the list by the time the PDF is returned.
    pdf = render_certificate_pdf(data(learner_name=name, course_title=f"<b>{http_server}/t</b>"))
    assert RecordingHandler.requests == []
    text = "".join(run("pdftotext", pdf_file(pdf), "-raw").split())
    assert '<imgsrc="file:///etc/passwd">' in text
    assert "root:x:0" not in text


def test_even_raw_html_cannot_fetch_from_the_network_or_read_other_files(http_server, caplog):
    """Defence in depth: were escaping ever bypassed, the fetcher still refuses."""
    html = (
        f'<html lang="en"><head><title>t</title><link rel="stylesheet" href="{http_server}/evil.css">'
        '</head><body><p>x</p><img src="file:///etc/passwd" alt="">'
        f'<img src="{http_server}/pixel.png" alt=""><img src="https://example.org/x.png" alt="">'
        "</body></html>"
    )
    assert rendering._html_to_pdf(html).startswith(b"%PDF-")
    assert RecordingHandler.requests == []
    assert "refused to fetch file:///etc/passwd" in caplog.text
    assert f"refused to fetch {http_server}/evil.css" in caplog.text


def test_the_fetcher_allows_only_the_platforms_own_static_and_media_files(tmp_path, settings):
    from pathlib import Path

    fetcher = rendering.SafeURLFetcher()
    logo = Path(settings.STATICFILES_DIRS[0]) / "certificates" / "logo.svg"
    assert fetcher.fetch(logo.as_uri()).read().startswith(b"<svg")
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    (media / "signature.png").write_bytes(b"png")
    assert fetcher.fetch((media / "signature.png").as_uri()).read() == b"png"
    assert fetcher.fetch("data:text/plain,hello").read() == b"hello"
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    for url in (
        outside.as_uri(),
        "file:///etc/passwd",
        (media / ".." / "secret.txt").as_uri(),  # no climbing out of an allowed folder
        "http://127.0.0.1:1/x.css",
        "ftp://127.0.0.1/x",
        "file://otherhost/etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_render_that_runs_too_long_is_stopped(monkeypatch):
    finished = []

    def never_ending(html):
        time.sleep(120)  # interrupted by the time limit, or the test fails below
        finished.append(True)
        return b"%PDF-"

    monkeypatch.setattr(rendering, "_layout", never_ending)
    with pytest.raises(RenderTimeout):
        render_certificate_pdf(data(), timeout=1)
    assert finished == []  # stopped part-way, not waited out


def test_the_issue_task_has_a_time_limit_and_acks_late():
    from certificates.tasks import issue_certificate

    assert issue_certificate.name == "certificates.tasks.issue_certificate"
    assert issue_certificate.acks_late is True
    assert issue_certificate.soft_time_limit == 60 and issue_certificate.time_limit == 90


def test_an_invalid_accent_colour_cannot_inject_css(monkeypatch):
    seen = []
    real = rendering._layout

    def keep_html(html):
        seen.append(html)
        return real(html)

    monkeypatch.setattr(rendering, "_layout", keep_html)
    render_certificate_pdf(data(accent_colour="red; background: url(http://x)"))
    injected, seen[:] = list(seen), []
    render_certificate_pdf(data(accent_colour="#A1b2C3"))
    assert injected and all("url(http://x)" not in h and "--accent: #1d4f91;" in h for h in injected)
    assert seen and all("--accent: #A1b2C3;" in h for h in seen)


@needs_poppler
def test_uploaded_logo_and_signature_images_are_printed(pdf_file, settings):
    from pathlib import Path

    from PIL import Image

    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (200, 60), "navy").save(media / "signature.png")
    Image.new("RGB", (120, 120), "teal").save(media / "logo.png")
    certificate = data(signature_path=str(media / "signature.png"), logo_path=str(media / "logo.png"))
    pdf = render_certificate_pdf(certificate)
    qr = qr_image_size(certificate.verify_url)
    images = run("pdfimages", pdf_file(pdf), "-list").strip().splitlines()[2:]
    sizes = sorted(tuple(int(n) for n in line.split()[3:5]) for line in images)
    # the logo and the signature, each embedded once, and the QR code (4 pixels a module)
    assert sizes == sorted([(120, 120), qr, (200, 60)])


def _tree(element):
    """(tag, attributes, text, tail, children) with whitespace-only text left out (WeasyPrint
    lays out whitespace between blocks as nothing; the parsers place it differently)."""
    def text(value):
        return value if value and value.strip() else None

    return (element.tag, dict(element.attrib), text(element.text), text(element.tail),
            [_tree(child) for child in element])


def _certificate_html(certificate, fit=0):
    from django.utils import translation

    with translation.override(certificate.language):
        return rendering._template().render(
            {**rendering._context(certificate), "fit": fit, "SITE_NAME": "London training"}
        )


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"learner_name": NAMES["Urdu"], "language": "ur", "valid_until": date(2028, 1, 2)},
        {"learner_name": "<b>Bold</b> & \"quoted\" 'x' <script>alert(1)</script>",
         "course_title": "<i>t</i>"},
        {"learner_name": "Sam 🌈 Lee", "revoked_on": date(2026, 12, 1), "body": "Body.",
         "course_wording": "Wording.", "heading": "Zertifikat", "wording_language": "de"},
        {"language": "pl", "signatory_name": "", "signatory_role": ""},
    ],
)
def test_the_fast_parser_builds_the_tree_the_html5_parser_builds(overrides):
    import tinyhtml5

    html = _certificate_html(data(**overrides))
    fast = rendering._parse(html)
    assert type(fast.etree_element).__module__.startswith("xml.etree")  # the fast parser took it
    html5 = tinyhtml5.parse(html, namespace_html_elements=False)
    assert _tree(fast.etree_element) == _tree(html5)
    assert fast.base_url == rendering._base_url()


@pytest.mark.parametrize(
    ("overrides", "expected_alt"),
    [
        ({"learner_name": "Sam\x0bLee"}, None),  # not a character XML allows
        ({"signatory_name": "Dr Jane\nSmith"}, "Signature of Dr Jane\nSmith"),  # XML makes it a space
    ],
)
def test_what_xml_would_read_differently_goes_through_the_html5_parser(overrides, expected_alt, monkeypatch):
    used = []
    monkeypatch.setattr(rendering, "_html_from_tree", lambda root: used.append(root))
    certificate = data(signature_path=__file__, **overrides) if expected_alt else data(**overrides)
    document = rendering._parse(_certificate_html(certificate))
    assert not used
    if expected_alt:
        signature = next(e for e in document.etree_element.iter("img") if "signature" in e.get("class"))
        assert signature.get("alt") == expected_alt
