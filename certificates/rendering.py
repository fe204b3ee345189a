"""Certificate PDF rendering: a pure function from `CertificateData` to PDF bytes.

Everything that does not depend on the certificate is prepared once per process and reused:
WeasyPrint's font configuration, the parsed stylesheet, the compiled template, the platform logo
and an image cache. Fonts come from the system's fontconfig (Debian fonts-noto-core and
fonts-noto-cjk, fonts-noto-color-emoji), so names in every script Londoners write print without
missing-glyph boxes; what no font can draw is left out (`scripts.printable`), never drawn as a box.

Safety: every value goes through Django's autoescaping template, and WeasyPrint fetches through
`SafeURLFetcher`, which serves `data:` URLs and files inside the platform's own static and media
folders only: no network and no other files. A render is bounded in time (`RenderTimeout`).
"""

from __future__ import annotations

import base64
import logging
import os
import re
import signal
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import cssselect2
import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template
from django.utils import translation
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from weasyprint import CSS, DEFAULT_OPTIONS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from lms.branding import site_name
from lms.languages import KNOWN_LANGUAGES

from . import pdf_fonts, pdf_layout, pdf_logo, pdf_qr, pdf_structure, scripts
from .pdf_styles import CertificateDocument
from .wording import DEFAULT_ACCENT_COLOUR

logger = logging.getLogger(__name__)

TEMPLATE_NAME = "certificates/pdf/certificate.html"
STYLESHEET = "certificates/certificate.css"
LOGO = "certificates/logo.svg"
RENDER_TIMEOUT_SECONDS = 20
_RTL = {"R", "AL"}


class RenderTimeout(Exception):
    """A render took longer than RENDER_TIMEOUT_SECONDS."""


class RenderError(Exception):
    """The certificate could not be laid out as one page."""


@dataclass(frozen=True)
class CertificateData:
    """Everything printed on a certificate. Plain values: no models, no database."""

    learner_name: str
    course_title: str
    completed_on: date
    code: str  # as printed, e.g. 7KQ2-M9XD-3HWP-R4TB
    verify_url: str  # the QR code's target: this certificate's verify page
    verify_page: str = ""  # printed under the code: the verify form's address
    language: str = "en-gb"  # the certificate's language: fixed wording, dates, direction
    wording_language: str = "en-gb"  # the language the template's wording below is written in
    course_wording_language: str = "en-gb"  # the language `course_wording` is written in
    valid_until: date | None = None  # printed when the course's certificates count for a time
    # The trainer's wording; empty fields print the standard wording, translated.
    heading: str = ""
    intro: str = ""
    completion_text: str = ""
    body: str = ""
    course_wording: str = ""
    signatory_name: str = ""
    signatory_role: str = ""
    accent_colour: str = DEFAULT_ACCENT_COLOUR
    logo_path: str = ""  # a file under MEDIA_ROOT (a Wagtail image), or "" for the platform logo
    signature_path: str = ""
    revoked_on: date | None = None  # printed across the top: a revoked certificate says so


class SafeURLFetcher(URLFetcher):
    """Fetches `data:` URLs and `file:` URLs inside the allowed folders; refuses everything else."""

    def __init__(self):
        super().__init__(timeout=2, allowed_protocols={"data", "file"}, allow_redirects=False)

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and _is_allowed_file(url):
            return super().fetch(url, headers)
        logger.warning("Certificate rendering refused to fetch %.200s", url)
        raise ValueError("Certificates may only use the platform's own static and media files")


def _allowed_roots() -> list[str]:
    roots = [settings.MEDIA_ROOT, settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    return [os.path.realpath(str(root)) for root in roots if root]


def _is_allowed_file(url: str) -> bool:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return False
    path = os.path.realpath(unquote(parts.path))
    return any(path.startswith(root + os.sep) for root in _allowed_roots()) and os.path.isfile(path)


@lru_cache(maxsize=1)
def _fetcher() -> SafeURLFetcher:
    return SafeURLFetcher()


@lru_cache(maxsize=1)
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@lru_cache(maxsize=1)
def _stylesheet() -> CSS:
    path = finders.find(STYLESHEET)
    return CSS(filename=path, font_config=_font_config(), url_fetcher=_fetcher())


@lru_cache(maxsize=1)
def _template():
    return get_template(TEMPLATE_NAME)


@lru_cache(maxsize=1)
def _platform_logo_uri() -> str:
    svg = Path(finders.find(LOGO)).read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


_image_cache: dict = {}
# WeasyPrint shares state between renders (the image cache, fonts); one render at a time per
# process. Workers are processes, so this only serialises threads of one web process.
_render_lock = threading.Lock()


def warm_up() -> None:
    """Prepare the per-process state now (a worker calls this at start so the first PDF is fast)."""
    _stylesheet()
    _template()
    _platform_logo_uri()
    scripts.printable("")


# The QR code's mask pattern, fixed: any of the eight reads the same in every scanner (the symbol
# says which it uses), and scoring all eight to pick the "best" cost more than the rest of the
# certificate's text layout put together.
QR_MASK = 2


def _qr_code_image(url: str) -> str:
    """The data URI of the certificate's QR code of `url` (4 pixels a module, quiet zone
    included, drawn without smoothing: `image-rendering: pixelated` in the stylesheet), with its
    image put ready in the renders' image cache under that URI (see `pdf_qr`), so WeasyPrint
    neither decodes nor re-encodes it. Call under the render lock."""
    qr = pdf_qr.qr_code_png(url, mask=QR_MASK)
    uri = qr.data_uri
    _image_cache[uri] = pdf_qr.QRImage(qr, cache=_image_cache)
    return uri


def qr_svg_data_uri(url: str) -> str:
    """The QR code of `url` as an SVG data URI (dark modules on white, quiet zone included)."""
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=2, dark="#000")


def text_direction(text: str) -> str:
    """'rtl' when the first strongly-directional character is right-to-left, else 'ltr'."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL:
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def _size_class(text: str, steps: tuple[int, ...]) -> str:
    return f"len-{sum(len(text) > step for step in steps)}"


def file_url(path: str) -> str:
    return Path(path).resolve().as_uri() if path else ""


# Dates print in the certificate language's own long form; Django's locale formats give it,
# except where they use an abbreviation or the American order.
_DATE_FORMATS = {"en-gb": "j F Y", "ur": "j F Y"}


def format_certificate_date(day: date, language: str) -> str:
    """`day` written out as the certificate's language writes dates (call inside its override)."""
    return format_date(day, _DATE_FORMATS.get(language) or get_format("DATE_FORMAT", lang=language))


def language_tag(language: str) -> str:
    """Django's language code as a BCP 47 tag, as HTML and PDF expect it: "en-gb" -> "en-GB"."""
    return translation.to_locale(language).replace("_", "-")


def language_direction(language: str) -> str:
    return KNOWN_LANGUAGES.get(language, ("", "ltr"))[1]


FIT_LEVELS = 4  # fit-0 (the normal look) to fit-3 (the most compact); see the stylesheet


def render_certificate_pdf(data: CertificateData, *, timeout: int = RENDER_TIMEOUT_SECONDS) -> bytes:
    """Render one A4 landscape page, tagged PDF/UA-1 with fonts embedded, and return its bytes.
    Fixed wording and dates are in `data.language`; the page is mirrored for right-to-left ones.

    Much text (a long name, title and wording together) is laid out again more compactly, up to
    three times, until it clears the footer; names never shrink below the course title's size."""
    with _render_lock, _time_limit(timeout):
        try:
            context = _context(data)  # inside the lock: it puts the QR code in the image cache
            for level in range(FIT_LEVELS):
                with translation.override(data.language):
                    html = _template().render({**context, "fit": level, "SITE_NAME": site_name()})
                document = _layout(html)
                if not _overlaps_footer(document):
                    break
            else:
                logger.error(
                    "Certificate %s: text reaches the footer even at the most compact layout", data.code
                )
            return _write(document)
        finally:
            _forget_images()


def _context(data: CertificateData) -> dict:
    name = scripts.printable(data.learner_name)
    with translation.override(data.language):
        return _context_in_language(data, name)


def _context_in_language(data: CertificateData, name: str) -> dict:
    return {
        "c": data,
        "lang": language_tag(data.language),
        "wording_lang": language_tag(data.wording_language),
        "course_wording_lang": language_tag(data.course_wording_language),
        "dir": language_direction(data.language),
        "name_runs": scripts.emoji_runs(name),
        "heading": data.heading or gettext("Certificate of completion"),
        "intro": data.intro or gettext("This is to certify that"),
        "completion_text": data.completion_text or gettext("has completed"),
        "completed_on": format_certificate_date(data.completed_on, data.language),
        "valid_until": format_certificate_date(data.valid_until, data.language) if data.valid_until else "",
        "name_lang": language_tag(
            scripts.name_language(data.learner_name, certificate_language=data.language)
        ),
        "revoked_on": format_certificate_date(data.revoked_on, data.language) if data.revoked_on else "",
        "name_dir": text_direction(data.learner_name),
        "title_dir": text_direction(data.course_title),
        "body_dir": text_direction(data.body),
        "course_wording_dir": text_direction(data.course_wording),
        "name_size": _size_class(name, (24, 40, 60, 90)),
        "title_size": _size_class(data.course_title, (60, 110, 180)),
        "verify_page": format_html('<span dir="ltr">{}</span>', data.verify_page),
        "qr_uri": _qr_code_image(data.verify_url),
        "logo_uri": file_url(data.logo_path) or _platform_logo_uri(),
        "signature_uri": file_url(data.signature_path),
        "accent_css": mark_safe(f"--accent: {_safe_colour(data.accent_colour)};"),  # noqa: S308
    }


def _safe_colour(value: str) -> str:
    ok = len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    return value if ok else DEFAULT_ACCENT_COLOUR


@lru_cache(maxsize=1)
def _base_url() -> str:
    return Path(finders.find(STYLESHEET)).parent.as_uri() + "/"


# An attribute value holding a tab or line break: an XML parser would turn it into a space.
_ATTRIBUTE_WITH_BREAK = re.compile(r'="[^"]*[\t\n\r]')


def _parse(html: str) -> HTML:
    """The certificate's HTML as WeasyPrint's `HTML`. The template is written so that it is also
    well-formed XML (void elements closed, the entities XML knows), and then Python's expat
    parser builds the same tree as the HTML5 parser in a tenth of the time; anything else (an
    XML error, say a control character in a name, or a break inside an attribute value, which
    XML would normalise) goes through WeasyPrint's HTML5 parser as before.
    `tests/certificates/test_rendering.py` checks both give the same tree."""
    if not _ATTRIBUTE_WITH_BREAK.search(html):
        try:
            root = ElementTree.fromstring(html)  # noqa: S314 - our template; entities are not expanded
        except ElementTree.ParseError:
            pass
        else:
            return _html_from_tree(root)
    return HTML(string=html, base_url=_base_url(), url_fetcher=_fetcher())


def _html_from_tree(root) -> HTML:
    """WeasyPrint's `HTML` of a parsed tree (as `HTML.__init__` sets it up after parsing)."""
    document = HTML.__new__(HTML)
    document.base_url = _base_url()
    document.url_fetcher = _fetcher()
    document.media_type = "print"
    document.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    document.etree_element = document.wrapper_element.etree_element
    return document


def _layout(html: str):
    """HTML string -> laid out WeasyPrint document, with the shared fonts, stylesheet and fetcher."""
    options = {**DEFAULT_OPTIONS, "stylesheets": [_stylesheet()], "pdf_variant": "pdf/ua-1",
               "cache": _image_cache}
    with pdf_layout.lazy_shrink_to_fit():
        document = CertificateDocument._render(_parse(html), _font_config(), None, None, options)
    if len(document.pages) != 1:
        raise RenderError(f"certificate laid out on {len(document.pages)} pages, not 1")
    return document


def _forget_images() -> None:
    """Keep only the shared images (the platform logo) cached: each QR code is used once. (After
    writing: raster images are read from the cache when the PDF is written.) The platform logo
    keeps its drawing from now on (see `pdf_logo`)."""
    logo = _platform_logo_uri()
    for key in [key for key in _image_cache if not key.startswith(logo)]:
        del _image_cache[key]
    if logo in _image_cache:
        pdf_logo.keep_drawings(_image_cache[logo])


def _write(document) -> bytes:
    fonts = pdf_fonts.CompactFonts()
    for key, font in document.fonts.items():
        fonts[key] = font
    document.fonts = fonts  # CJK fonts embed only the glyphs used (see pdf_fonts)
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, finisher=_finish)


def _finish(document, pdf) -> None:
    pdf_fonts.rewire_compact_fonts(document, pdf)
    pdf_structure.finish(document, pdf)


def _html_to_pdf(html: str) -> bytes:
    """HTML string -> PDF bytes (one page)."""
    try:
        return _write(_layout(html))
    finally:
        _forget_images()


def _has_class(box, name: str) -> bool:
    return box.element is not None and name in (box.element.get("class") or "").split()


def _overlaps_footer(document) -> bool:
    """Whether the flowing text (name, title, wording) reaches down into the footer (or pushed
    it off the page altogether)."""
    content_bottom, footer_top = 0.0, None
    for box in document.pages[0]._page_box.descendants(placeholders=True):
        box = getattr(box, "_box", box)
        if _has_class(box, "content"):
            content_bottom = max(content_bottom, box.position_y + box.margin_height())
        elif _has_class(box, "footer"):
            tops = [d.position_y for d in box.descendants() if getattr(d, "height", 0) and d is not box]
            footer_top = min(tops) if tops else box.position_y
    return footer_top is None or content_bottom > footer_top


@contextmanager
def _time_limit(seconds: int):
    """Raise RenderTimeout after `seconds` (main thread only: Celery prefork children and
    gunicorn sync workers render there; elsewhere the Celery soft time limit is the guard)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise RenderTimeout(f"certificate rendering took longer than {seconds}s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
