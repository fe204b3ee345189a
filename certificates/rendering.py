"""Certificate PDF rendering: a pure function from `CertificateData` to PDF bytes.

Everything that does not depend on the certificate is prepared once per process and reused:
WeasyPrint's font configuration, the parsed stylesheet, the compiled template, the platform logo
and an image cache. Fonts come from the system's fontconfig (Debian fonts-noto-core and
fonts-noto-cjk), so names in every script Londoners write print without missing-glyph boxes.

Safety: every value goes through Django's autoescaping template, and WeasyPrint fetches through
`SafeURLFetcher`, which serves `data:` URLs and files inside the platform's own static and media
folders only: no network and no other files. A render is bounded in time (`RenderTimeout`).
"""

from __future__ import annotations

import base64
import logging
import os
import signal
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

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
    heading: str = "Certificate of completion"
    intro: str = "This is to certify that"
    completion_text: str = "has completed"
    body: str = ""
    course_wording: str = ""
    signatory_name: str = ""
    signatory_role: str = ""
    accent_colour: str = "#1d4f91"
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


def render_certificate_pdf(data: CertificateData, *, timeout: int = RENDER_TIMEOUT_SECONDS) -> bytes:
    """Render one A4 landscape page, tagged PDF/UA-1 with fonts embedded, and return its bytes."""
    context = {
        "c": data,
        "completed_on": data.completed_on.strftime("%-d %B %Y"),
        "revoked_on": data.revoked_on.strftime("%-d %B %Y") if data.revoked_on else "",
        "name_dir": text_direction(data.learner_name),
        "title_dir": text_direction(data.course_title),
        "name_size": _size_class(data.learner_name, (28, 45, 70, 110)),
        "title_size": _size_class(data.course_title, (60, 110, 180)),
        "qr_uri": qr_svg_data_uri(data.verify_url),
        "logo_uri": file_url(data.logo_path) or _platform_logo_uri(),
        "signature_uri": file_url(data.signature_path),
        "accent_css": mark_safe(f"--accent: {_safe_colour(data.accent_colour)};"),  # noqa: S308
    }
    html = _template().render(context)
    with _render_lock, _time_limit(timeout):
        return _html_to_pdf(html)


def _safe_colour(value: str) -> str:
    ok = len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    return value if ok else "#1d4f91"


def _html_to_pdf(html: str) -> bytes:
    """HTML string -> PDF bytes with the shared fonts, stylesheet and safe fetcher."""
    base_url = Path(finders.find(STYLESHEET)).parent.as_uri() + "/"
    document = HTML(string=html, base_url=base_url, url_fetcher=_fetcher()).render(
        font_config=_font_config(),
        stylesheets=[_stylesheet()],
        pdf_variant="pdf/ua-1",
        cache=_image_cache,
    )
    # Keep only the shared images (the platform logo) cached: each QR code is used once.
    for key in [key for key in _image_cache if key != _platform_logo_uri()]:
        del _image_cache[key]
    if len(document.pages) != 1:
        raise RenderError(f"certificate laid out on {len(document.pages)} pages, not 1")
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


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
