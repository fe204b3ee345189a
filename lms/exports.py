"""Spreadsheet safety for every export the platform offers (CSV and XLSX).

Names, emails and course titles come from people. A cell that starts with `=`, `+`, `-`, `@`, a tab or
a carriage return is read as a formula by Excel, LibreOffice and Google Sheets (CSV or formula
injection: `=1+1@example.org` is a valid email address). Every exported text cell goes through
`spreadsheet_safe`, which puts an apostrophe in front of such a value, as OWASP recommends: the
spreadsheet then shows the text as it is and never evaluates it.

One helper for the whole platform: the schools reports and the lead's staff list call it, and
`install_wagtail_export_guard` routes every Wagtail admin listing export (the Institutions listing,
the built-in reports, redirects) through it too.
"""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """`value` unchanged unless it is text a spreadsheet would treat as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe_row(values) -> list:
    return [spreadsheet_safe(value) for value in values]


def install_wagtail_export_guard() -> None:
    """Make every Wagtail listing export (`SpreadsheetExportMixin`) write cells through
    `spreadsheet_safe`. Wagtail's own reports have no hook of their own for this, so the mixin's
    per-cell step is wrapped once, at start-up. Safe to call twice."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "spreadsheet_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(original(self, field, value, export_format))

    preprocess_field_value.spreadsheet_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def export_response(*, rows, columns, filename: str, fmt: str) -> HttpResponse:
    """`columns`: [(key, heading)]; `rows`: dicts (or objects with those attributes)."""
    headings = [str(heading) for _, heading in columns]  # lazy translations, in the active language

    def values(row):
        for key, _ in columns:
            value = row[key] if isinstance(row, dict) else getattr(row, key)
            yield spreadsheet_safe(_plain(value))

    stamp = f"{timezone.localdate():%Y-%m-%d}"
    if fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=filename[:31])
        sheet.append(headings)
        for row in rows:
            sheet.append([v if isinstance(v, int | float | date) else str(v) for v in values(row)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(headings)
        for row in rows:
            writer.writerow(list(values(row)))
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.{fmt}"'
    return response
