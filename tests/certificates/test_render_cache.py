"""What a process remembers between certificate renders never changes a certificate.

Renders are deterministic (the same data gives the same bytes), so each certificate rendered
after others, with everything the process remembers, must be byte for byte the certificate
rendered first in a process that remembers nothing, and carry its own learner's name and code
only.
"""

from datetime import date

import pytest

from certificates import pdf_logo, pdf_styles, rendering
from certificates.rendering import render_certificate_pdf
from tests.certificates.pdf import certificate_data as data
from tests.certificates.pdf import decompressed

CERTIFICATES = {
    "latin": data(learner_name="Zoë Ó'Brien-Núñez"),
    "urdu, right to left": data(
        learner_name="عائشہ پروین", language="ur", valid_until=date(2028, 11, 26),
        code="AAAA-BBBB-CCCC-DDDD", verify_url="https://x.example/certificates/verify/AAAA-BBBB-CCCC-DDDD/",
    ),
    "korean": data(learner_name="김민준", code="KKKK-MMMM-JJJJ-NNNN"),
    "most compact layout": data(
        learner_name="W" * 150, course_title="Y" * 255, body="B" * 600, course_wording="C" * 600,
        code="WWWW-YYYY-BBBB-CCCC",
    ),
    "polish, revoked, own colour": data(
        learner_name="Wojciech Żółkiewski-Łęcki", language="pl", revoked_on=date(2026, 12, 1),
        accent_colour="#A1b2C3", code="PPPP-LLLL-RRRR-CCCC",
    ),
}


def _forget_everything():
    pdf_styles.CertificateDocument.style_cache.clear()
    rendering._image_cache.clear()  # the platform logo too, with the drawings it keeps


@pytest.fixture
def first_renders():
    """Each certificate rendered with nothing remembered."""
    renders = {}
    for label, certificate in CERTIFICATES.items():
        _forget_everything()
        renders[label] = render_certificate_pdf(certificate)
    return renders


@pytest.mark.parametrize("order", ["as listed", "reversed", "interleaved twice"])
def test_a_certificate_is_the_same_whatever_was_rendered_before_it(first_renders, order):
    labels = list(CERTIFICATES)
    if order == "reversed":
        labels.reverse()
    elif order == "interleaved twice":
        labels = labels[::2] + labels[1::2] + labels[::-1]
    _forget_everything()
    for label in labels:
        assert render_certificate_pdf(CERTIFICATES[label]) == first_renders[label], label


def test_a_certificate_carries_only_its_own_learners_name_and_code():
    for certificate in CERTIFICATES.values():
        render_certificate_pdf(certificate)
    latin = decompressed(render_certificate_pdf(CERTIFICATES["latin"]))
    assert "7KQ2-M9XD-3HWP-R4TB".encode("utf-16-be") in latin or b"7KQ2-M9XD-3HWP-R4TB" in latin
    for label, other in CERTIFICATES.items():
        if label != "latin":
            for text in (other.code, other.learner_name):
                assert text.encode() not in latin and text.encode("utf-16-be") not in latin, label


def _stream():
    from weasyprint.pdf.stream import Stream

    resources = {"ExtGState": {}, "XObject": {}, "Pattern": {}, "Shading": {}, "ColorSpace": {}}
    return Stream(fonts={}, page_rectangle=(0, 0, 200, 200), resources=resources, images={},
                  tags={}, color_profiles={}, output_intent=None)


def _svg_image(svg: str):
    from xml.etree import ElementTree

    from weasyprint.images import SVGImage

    tree = ElementTree.fromstring(svg)  # noqa: S314 - the test's own SVG
    image = SVGImage(tree, "data:image/svg+xml,", rendering._fetcher(), None)
    pdf_logo.keep_drawings(image)
    return image


def test_the_logo_drawing_is_replayed_exactly_and_only_when_it_is_self_contained():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    logo = _svg_image(Path(finders.find(rendering.LOGO)).read_text())
    drawn, replayed = _stream(), _stream()
    logo.draw(drawn, 80, 80, None)
    logo.draw(replayed, 80, 80, None)
    assert replayed.stream == drawn.stream and replayed._resources == drawn._resources
    assert list(logo._recordings.values())[0] is not pdf_logo._NOT_KEPT

    translucent = _svg_image(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
        '<g opacity="0.5"><rect width="10" height="10" fill="red"/></g></svg>'
    )
    first, second = _stream(), _stream()
    translucent.draw(first, 80, 80, None)
    translucent.draw(second, 80, 80, None)
    assert first._resources["XObject"]  # a group of its own...
    assert list(translucent._recordings.values()) == [pdf_logo._NOT_KEPT]  # ...so never replayed
    assert second._resources["XObject"]  # but drawn again in full


def test_no_stylesheet_selector_looks_at_the_attributes_a_document_is_remembered_without():
    """The styles of a document are remembered by its tree without the `src` and `alt` of images
    and the `content` of meta elements (they differ on every certificate): no selector of the
    stylesheets a certificate is rendered with may look at them."""
    import re
    from pathlib import Path

    import weasyprint
    from django.contrib.staticfiles import finders

    css = Path(weasyprint.__file__).parent / "css"
    sources = [css / "html5_ua.css", Path(finders.find(rendering.STYLESHEET))]
    ignored = {name for names in pdf_styles._NOT_STYLED.values() for name in names}
    for source in sources:
        text = re.sub(r"/\*.*?\*/", "", source.read_text(), flags=re.S)
        for name in ignored:
            assert not re.search(rf"\[\s*{name}\b", text, flags=re.I), (source.name, name)


def test_documents_that_differ_only_in_per_certificate_values_share_their_styles_element_for_element():
    _forget_everything()
    render_certificate_pdf(CERTIFICATES["latin"])
    cache = pdf_styles.CertificateDocument.style_cache
    documents, styles = len(cache.documents), len(cache.styles)
    assert documents == 1
    render_certificate_pdf(data(learner_name="Amani Okoro", code="ZZZZ-ZZZZ-ZZZZ-ZZZZ",
                                verify_url="https://x.example/certificates/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ/"))
    assert (len(cache.documents), len(cache.styles)) == (documents, styles)  # taken as they were
    render_certificate_pdf(CERTIFICATES["urdu, right to left"])
    assert len(cache.documents) == documents + 1  # another language and direction: its own


@pytest.mark.parametrize("name", ["Zoë Ó'Brien-Núñez", "Q" * 120, "Maria Alejandra " * 9, "عائشہ پروین"])
def test_the_shrink_to_fit_width_without_min_content_lays_out_the_same_page(name, monkeypatch):
    import contextlib

    from certificates import pdf_layout

    certificate = data(learner_name=name)
    ours = render_certificate_pdf(certificate)
    monkeypatch.setattr(pdf_layout, "lazy_shrink_to_fit", contextlib.nullcontext)
    assert render_certificate_pdf(certificate) == ours  # WeasyPrint's own shrink-to-fit


def _weasyprints_own_render(certificate) -> bytes:
    """The certificate through WeasyPrint's own pipeline (HTML5 parser, styles worked out afresh,
    its own QR and logo handling, its shrink-to-fit), with our fit level, fonts and finisher."""
    from django.utils import translation
    from weasyprint import HTML

    from lms.branding import site_name

    with translation.override(certificate.language):
        context = rendering._context(certificate)
        html = None
        for level in range(rendering.FIT_LEVELS):
            html = rendering._template().render({**context, "fit": level, "SITE_NAME": site_name()})
            if not rendering._overlaps_footer(rendering._layout(html)):
                break
    rendering._image_cache.clear()
    document = HTML(string=html, base_url=rendering._base_url(), url_fetcher=rendering._fetcher()).render(
        font_config=rendering._font_config(), stylesheets=[rendering._stylesheet()], pdf_variant="pdf/ua-1",
    )
    return rendering._write(document)


def _page(pdf: bytes, tmp_path, name: str) -> tuple[bytes, str]:
    import subprocess

    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-gray", str(path), str(tmp_path / name)], check=True)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return next(tmp_path.glob(f"{name}*.pgm")).read_bytes(), text


@pytest.mark.needs("poppler")
@pytest.mark.parametrize("label", list(CERTIFICATES))
def test_what_is_remembered_draws_the_page_weasyprint_itself_draws(label, tmp_path):
    """Against a WeasyPrint upgrade: the styles, parser, QR code, logo and name width taken over
    here must still give the page WeasyPrint's own pipeline gives, pixel for pixel."""
    certificate = CERTIFICATES[label]
    render_certificate_pdf(certificate)  # everything remembered
    ours = _page(render_certificate_pdf(certificate), tmp_path, "ours")
    assert ours == _page(_weasyprints_own_render(certificate), tmp_path, "weasyprint")


@pytest.mark.parametrize("url", [
    "https://training.example.org/certificates/verify/7KQ2-M9XD-3HWP-R4TB/",
    "http://127.0.0.1:8000/certificates/verify/AAAA-BBBB-CCCC-DDDD/",
    "https://x.example/" + "y" * 300,
])
def test_the_qr_code_png_has_the_pixels_of_segnos_own(url):
    import io

    import segno
    from PIL import Image

    from certificates import pdf_qr

    ours = pdf_qr.qr_code_png(url, mask=rendering.QR_MASK)
    theirs = io.BytesIO()
    symbol = segno.make(url, error="m", micro=False, mask=rendering.QR_MASK)
    symbol.save(theirs, kind="png", scale=4, border=2)
    ours_image, theirs_image = Image.open(io.BytesIO(ours.png)), Image.open(theirs).convert("L")
    assert ours_image.mode == "L" and ours_image.size == theirs_image.size == (ours.size, ours.size)
    assert ours_image.tobytes() == theirs_image.tobytes()
