"""Spreadsheet downloads (CSV and XLSX) for the coverage reports: the platform's one export helper,
`lms.exports.export_response`."""

from lms.exports import XLSX_TYPE, export_response

__all__ = ["XLSX_TYPE", "export_response"]
