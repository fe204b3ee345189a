"""The printable coverage summary a lead shows governors or inspectors: institution, date, staff
trained against the staff total, courses, and a verify link. Rendered synchronously (one short
page) with WeasyPrint through the certificates' safe URL fetcher: only the platform's own static
files and data: URIs are ever read, never the network."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from .models import CoverageSummary, Institution

STYLESHEET = "css/coverage-summary.css"


def coverage_summary_create(*, institution: Institution, lead, rows, coverage) -> CoverageSummary:
    """Record the figures as they stand now (from the dashboard's rows, people never stored)."""
    courses: dict[str, int] = {}
    trained = set()
    for row in rows:
        for _label, progress in row.progress_list():
            if progress.completed_at:
                courses[progress.course_title] = courses.get(progress.course_title, 0) + 1
                trained.add(row.membership_id)
    with transaction.atomic():
        return CoverageSummary.objects.create(
            institution=institution,
            created_by=lead,
            staff_trained=coverage["trained"] if coverage else len(trained),
            staff_total=institution.staff_total,
            courses=[{"title": title, "completed": n} for title, n in sorted(courses.items())],
            campaign_name=coverage["campaign"].name if coverage else "",
            covered=coverage["covered"] if coverage and coverage["counts"] else None,
        )


def verify_url(summary: CoverageSummary) -> str:
    return settings.SITE_URL + reverse("schools:summary_verify", args=[summary.code])


def render_summary_pdf(*, summary: CoverageSummary) -> bytes:
    from weasyprint import CSS, HTML

    from certificates.rendering import _fetcher, _font_config, _render_lock, qr_svg_data_uri
    from lms.branding import site_name

    url = verify_url(summary)
    html = render_to_string(
        "schools/pdf/coverage_summary.html",
        {"summary": summary, "verify_url": url, "qr": qr_svg_data_uri(url), "SITE_NAME": site_name()},
    )
    css_path = finders.find(STYLESHEET)
    with _render_lock:
        stylesheet = CSS(filename=css_path, font_config=_font_config(), url_fetcher=_fetcher())
        document = HTML(string=html, base_url=Path(css_path).parent.as_uri() + "/", url_fetcher=_fetcher())
        return document.write_pdf(stylesheets=[stylesheet], font_config=_font_config())
