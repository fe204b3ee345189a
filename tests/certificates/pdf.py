"""What the certificate PDF tests share: the data a certificate is printed from, and poppler's
command-line tools to read the PDF back."""

import contextlib
import re
import subprocess
import zlib
from datetime import date

from certificates.rendering import CertificateData

COURSE = "Suicide prevention: an introduction for Londoners"


def certificate_data(**overrides) -> CertificateData:
    values = {
        "learner_name": "Amani Okoro",
        "course_title": COURSE,
        "completed_on": date(2026, 11, 26),
        "code": "7KQ2-M9XD-3HWP-R4TB",
        "verify_url": "http://127.0.0.1:8000/certificates/verify/7KQ2-M9XD-3HWP-R4TB/",
        "verify_page": "127.0.0.1:8000/certificates/verify/",
        "signatory_name": "Dr Jane Smith",
        "signatory_role": "Programme lead",
    }
    values.update(overrides)
    return CertificateData(**values)


def poppler(tool, pdf_path, *args) -> str:
    """The output of a poppler tool (pdfinfo, pdffonts, pdftotext, pdfimages) run on a PDF file."""
    out = ["-"] if tool == "pdftotext" else []  # pdftotext writes to stdout only when told
    command = [tool, *args, str(pdf_path), *out]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def decompressed(raw: bytes) -> bytes:
    """The PDF with every Flate stream inflated (the catalog sits in a compressed object stream)."""
    parts = [raw]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(stream))
    return b"\n".join(parts)


def qr_image_size(url: str) -> tuple[int, int]:
    """The pixel size of the QR code image a certificate of `url` embeds (4 pixels a module)."""
    import segno

    from certificates.rendering import QR_MASK

    return segno.make(url, error="m", micro=False, mask=QR_MASK).symbol_size(scale=4, border=2)
