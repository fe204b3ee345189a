"""Helpers for apps' `export` functions: rows of plain, JSON-serialisable values."""

from datetime import date, datetime
from uuid import UUID

from django.db.models import F


def plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def export_rows(queryset, *fields, **renamed) -> list[dict]:
    """`queryset.values(*fields, **renamed)` as a list of dicts of plain values; `renamed` maps an
    output name to a field path ("course_title"="course__title")."""
    expressions = {name: F(path) for name, path in renamed.items()}
    rows = queryset.values(*fields, **expressions)
    return [{key: plain(value) for key, value in row.items()} for row in rows]
