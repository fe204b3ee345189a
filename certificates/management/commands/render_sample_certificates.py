"""Render sample certificates with names in every script Londoners write, as PDFs and PNGs.

    python manage.py render_sample_certificates /tmp/certificates

Then open the PNGs and look: every name drawn in real glyphs (no empty boxes), right-to-left
names read right to left, the QR code sharp. Needs poppler-utils (pdftoppm) for the PNGs.
"""

import shutil
import subprocess
from datetime import date
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from certificates.rendering import CertificateData, render_certificate_pdf

# The names of the certificate audit (issue 14), one per script, and a name made of HTML.
SAMPLE_NAMES = {
    "ethiopic": "አበበ ቢቂላ",
    "hebrew": "נועה כהן",
    "korean": "김민준",
    "persian": "زهرا محمدی",
    "vietnamese": "Nguyễn Thị Hương",
    "thai": "สมชาย ใจดี",
    "yoruba": "Adéṣọlá Ọlọ́run",
    "tamil": "கார்த்திகேயன்",
    "bengali": "সুমাইয়া রহমান",
    "gurmukhi": "ਹਰਪ੍ਰੀਤ ਕੌਰ",
    "urdu": "عائشہ پروین",
    "chinese": "王小明",
    "japanese": "やまだ はなこ",
    "greek": "Νικόλαος Παπαδόπουλος",
    "polish": "Wojciech Żółkiewski-Łęcki",
    "long": "Maria Alejandra de los Ángeles Fernández-Castellanos Montgomery-Worthington",
    "unbroken": "Q" * 120,
    "emoji": "Sam 🌈 Lee",
    "html": '<img src="file:///etc/passwd">',
}
# Certificates printed in another language: (language, name), the page mirrored for Urdu.
SAMPLE_LANGUAGES = {"in-urdu": ("ur", "عائشہ پروین"), "in-polish": ("pl", "Wojciech Żółkiewski-Łęcki")}


class Command(BaseCommand):
    help = "Render sample certificates (PDF and PNG) with names in every supported script."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path)
        parser.add_argument("--dpi", type=int, default=80)

    def handle(self, folder: Path, dpi: int, **options):
        folder.mkdir(parents=True, exist_ok=True)
        code = "7KQ2-M9XD-3HWP-R4TB"
        samples = {key: ("en-gb", name) for key, name in SAMPLE_NAMES.items()} | SAMPLE_LANGUAGES
        for key, (language, name) in samples.items():
            data = CertificateData(
                language=language,
                valid_until=date.today().replace(year=date.today().year + 3, day=1),
                learner_name=name,
                course_title="Suicide prevention: an introduction for Londoners",
                completed_on=date.today(),
                code=code,
                verify_url=f"{settings.SITE_URL}/certificates/verify/{code}/",
                verify_page=settings.SITE_URL.split("://", 1)[-1] + "/certificates/verify/",
                body="Free online training for Londoners.",
                signatory_name="Dr Jane Smith",
                signatory_role="Programme lead",
            )
            pdf_path = folder / f"certificate-{key}.pdf"
            pdf_path.write_bytes(render_certificate_pdf(data))
            if shutil.which("pdftoppm"):
                subprocess.run(  # noqa: S603
                    ["pdftoppm", "-png", "-singlefile", "-r", str(dpi), str(pdf_path),  # noqa: S607
                     str(folder / f"certificate-{key}")],
                    check=True,
                )
            self.stdout.write(f"{pdf_path}  ({name})")
