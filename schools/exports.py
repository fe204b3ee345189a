"""Spreadsheet downloads (CSV and XLSX) for the coverage reports."""

import csv
import io
from datetime import date, datetime

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook

from lms.exports import spreadsheet_safe

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
