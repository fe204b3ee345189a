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
