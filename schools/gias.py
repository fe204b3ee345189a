"""Reading the DfE "Get Information About Schools" register (edubasealldata*.csv).

The real file is Windows-1252 with ~139 columns that change between releases, so columns are found by
header name. Parsing (`gias_parse`) never touches the database; `gias_apply` writes every change in
bulk inside the caller's transaction. See `schools.services.gias_import_file`.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from .kinds import kind_from_phase, kind_from_type
from .models import InstitutionStatus

LONDON_LA_CODES = frozenset(list(range(201, 214)) + list(range(301, 321)))

COL_URN = "URN"
COL_NAME = "EstablishmentName"
COL_STATUS = "EstablishmentStatus (name)"
COL_LA = "LA (code)"
COL_GOR = "GOR (name)"
COL_GSS = "GSSLACode (name)"
COL_TYPE = "TypeOfEstablishment (name)"
COL_GROUP = "EstablishmentTypeGroup (name)"
COL_FE_TYPE = "FurtherEducationType (name)"
COL_PHASE = "PhaseOfEducation (name)"
COL_POSTCODE = "Postcode"
COL_OPEN = "OpenDate"
COL_CLOSE = "CloseDate"
COL_PUPILS = "NumberOfPupils"
COL_UKPRN = "UKPRN"
COL_STREET = "Street"
COL_LOCALITY = "Locality"
COL_TOWN = "Town"
COL_WEBSITE = "SchoolWebsite"
COL_TELEPHONE = "TelephoneNum"
COL_HEAD_TITLE = "HeadTitle (name)"
COL_HEAD_FIRST = "HeadFirstName"
COL_HEAD_LAST = "HeadLastName"
# Contact columns -> (Institution field, longest value kept). The head's name is put together below.
CONTACT_COLUMNS = {
    COL_STREET: ("street", 200),
    COL_LOCALITY: ("locality", 200),
    COL_TOWN: ("town", 100),
    COL_WEBSITE: ("website", 255),
    COL_TELEPHONE: ("telephone", 32),
}
HEAD_COLUMNS = (COL_HEAD_TITLE, COL_HEAD_FIRST, COL_HEAD_LAST)

REQUIRED_COLUMNS = (COL_URN, COL_NAME, COL_STATUS, COL_LA)

# Optional column -> the Institution fields it sets. A field is only ever updated when its column
# is in the file, so a narrow extract never blanks what a full file filled in.
OPTIONAL_FIELDS = {
    COL_PHASE: ("phase",),
    COL_POSTCODE: ("postcode",),
    COL_OPEN: ("opened_on",),
    COL_CLOSE: ("closed_on",),
    COL_PUPILS: ("pupil_count",),
    COL_UKPRN: ("ukprn",),
    COL_TYPE: ("establishment_type",),
    **{column: (name,) for column, (name, _) in CONTACT_COLUMNS.items()},
    COL_HEAD_LAST: ("head_name",),
}

STATUS_MAP = {
    "open": InstitutionStatus.OPEN,
    "open, but proposed to close": InstitutionStatus.OPEN,
    "closed": InstitutionStatus.CLOSED,
    "proposed to open": InstitutionStatus.PROPOSED,
}
POSTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
ASCII_DIGITS_RE = re.compile(r"^[0-9]{1,9}$")
MAX_REJECTIONS_KEPT = 500
# The largest value the database keeps in a whole-number column (PositiveIntegerField on PostgreSQL).
MAX_WHOLE_NUMBER = 2_147_483_647
# No cell of the real register is longer than ~100 characters. A far longer one is almost always a
# quote that was never closed, which swallows the rows after it: such a row is rejected, not stored.
MAX_CELL_CHARS = 1_000


class GiasFileError(Exception):
    """The file cannot be imported at all; nothing was changed."""


@dataclass
class ParsedRow:
    line: int
    urn: int
    values: dict  # Institution field -> value
    type_kind: str | None  # kind from type columns, or None when the file has none
    phase_kind: str  # guess for new rows when there are no type columns


@dataclass
class Rejections:
    """The rows of an imported file that could not be used, each with its line and reason (the
    first MAX_REJECTIONS_KEPT kept; all counted)."""

    rejected: int = 0
    rejections: list = field(default_factory=list)  # [line, reason]

    def reject(self, line: int, reason: str) -> None:
        self.rejected += 1
        if len(self.rejections) < MAX_REJECTIONS_KEPT:
            self.rejections.append([line, reason])


@dataclass
class ImportSummary(Rejections):
    file_name: str = ""
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    closed: int = 0
    skipped: int = 0

    def as_dict(self) -> dict:
        return {
            "file_name": self.file_name,
            "rows_read": self.rows_read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "closed": self.closed,
            "skipped": self.skipped,
            "rejected": self.rejected,
            "rejections": self.rejections,
        }

    def lines(self) -> list[str]:
        out = [
            f"Read {self.rows_read:,} rows from {self.file_name or 'the file'}.",
            f"Created: {self.created:,}",
            f"Updated: {self.updated:,}",
            f"Unchanged: {self.unchanged:,}",
            f"Closed (were open, now closed): {self.closed:,}",
            f"Skipped (outside London): {self.skipped:,}",
            f"Rejected: {self.rejected:,}",
        ]
        out += [f"  line {line}: {reason}" for line, reason in self.rejections]
        if self.rejected > len(self.rejections):
            out.append(f"  ... and {self.rejected - len(self.rejections):,} more")
        return out


def decode_gias_bytes(raw: bytes) -> str:
    """Text of a register file, or GiasFileError with a message a person can act on."""
    if not raw.strip():
        raise GiasFileError("The file is empty: there is nothing to import.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:65536]:
        raise GiasFileError(
            "The file is not a Windows-1252 CSV file (it looks like UTF-16 or a binary file such as "
            "a spreadsheet or zip). Download the CSV from Get Information About Schools again and "
            "import it as it is."
        )
    if raw.startswith(b"\xef\xbb\xbf"):  # re-saved as UTF-8 by a spreadsheet: read it as such
        try:
            return raw[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GiasFileError(f"The file says it is UTF-8 but is not (byte {exc.start}).") from exc
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise GiasFileError(
            f"The file is not Windows-1252 text (undecodable byte at position {exc.start}). "
            "Download the CSV from Get Information About Schools again and import it as it is."
        ) from exc


def _parse_date(value: str, column: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{column} '{value}' is not a date (expected dd-mm-yyyy)")


def _parse_int(value: str, column: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        number = int(float(value)) if "." in value else int(value)
    except (ValueError, OverflowError):  # "many", "1e400", "nan", a 5,000-digit number
        raise ValueError(f"{column} '{value[:40]}' is not a whole number") from None
    if number < 0:
        raise ValueError(f"{column} '{value[:40]}' is negative")
    if number > MAX_WHOLE_NUMBER:
        raise ValueError(
            f"{column} '{value[:40]}' is too large (the largest allowed is {MAX_WHOLE_NUMBER:,})"
        )
    return number


def _code(value: str) -> int | None:
    """A local-authority code as a number, or None (never an error: '²' and '9' * 5000 included)."""
    value = value.strip()
    return int(value) if ASCII_DIGITS_RE.match(value) else None


def _is_london(cells: list[str], index: dict) -> bool:
    if _code(cells[index[COL_LA]]) in LONDON_LA_CODES:
        return True
    gor = index.get(COL_GOR)
    return gor is not None and gor < len(cells) and cells[gor].strip().lower() == "london"


def _records(reader):
    """Yield (first line, last line, cells or None, csv error) for each record of `reader`.

    A record the csv module cannot read is reported with its lines instead of stopping the file.
    """
    previous_end = reader.line_num
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield previous_end + 1, reader.line_num, None, exc
        else:
            yield previous_end + 1, reader.line_num, cells, None
        previous_end = reader.line_num


def _head_name(parts) -> str:
    """"Ms Ada Lovelace" from the title, first and last name columns; empty without a name."""
    title, first, last = (" ".join(part.split()) for part in parts)
    if title.lower() in ("not applicable", "n/a"):
        title = ""
    if not (first or last):
        return ""
    return " ".join(part for part in (title, first, last) if part)[:200]


def _lines(first: int, last: int) -> str:
    return f"lines {first}-{last}" if last > first else f"line {first}"


def gias_parse(text: str, *, boroughs_by_dfe: dict, boroughs_by_ons: dict, summary: ImportSummary):
    """Yield a ParsedRow for every good London row; count skipped and rejected rows in `summary`.

    Only the file as a whole (its encoding or header) raises GiasFileError; a bad cell rejects its
    own row with the line it starts on and a reason.
    """
    # The csv module refuses fields over 128 KB with an error that would stop the whole file. The
    # text is already in memory, so let it read any field and judge oversized cells below, row by row.
    previous_limit = csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    try:
        yield from _gias_parse(
            text, boroughs_by_dfe=boroughs_by_dfe, boroughs_by_ons=boroughs_by_ons, summary=summary
        )
    finally:
        csv.field_size_limit(previous_limit)


def _gias_parse(text: str, *, boroughs_by_dfe: dict, boroughs_by_ons: dict, summary: ImportSummary):
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise GiasFileError("The file is empty: there is nothing to import.") from None
    except csv.Error as exc:
        raise GiasFileError(f"The first line (the column names) cannot be read as CSV: {exc}.") from None
    header = [name.strip().lstrip("\ufeff") for name in header]
    index = {}
    for position, name in enumerate(header):
        index.setdefault(name, position)
    missing = [name for name in REQUIRED_COLUMNS if name not in index]
    if missing:
        raise GiasFileError(
            "The file is missing required column(s): "
            + ", ".join(f"'{name}'" for name in missing)
            + ". Is this the establishment fields CSV from Get Information About Schools?"
        )
    has_type = COL_TYPE in index or COL_GROUP in index
    present_optional = {col for col in OPTIONAL_FIELDS if col in index}
    width = len(header)
    seen: dict[int, int] = {}

    def cell(cells, column):
        position = index.get(column)
        return cells[position].strip() if position is not None and position < len(cells) else ""

    for line, last_line, cells, error in _records(reader):
        if error is not None:
            summary.rows_read += 1
            summary.reject(line, f"{_lines(line, last_line)} cannot be read as CSV ({error}); not imported")
            continue
        if not any(value.strip() for value in cells):
            continue
        summary.rows_read += 1
        oversized = next((i for i, value in enumerate(cells) if len(value) > MAX_CELL_CHARS), None)
        if oversized is not None:
            column = header[oversized] if oversized < width else f"field {oversized + 1}"
            summary.reject(
                line,
                f"URN {cell(cells, COL_URN)[:20] or '?'}: {column} is {len(cells[oversized]):,} characters "
                f"long (at most {MAX_CELL_CHARS:,} are allowed), which usually means a quote (\") was "
                f"not closed; the row ({_lines(line, last_line)}) was not imported",
            )
            continue
        if len(cells) <= index[COL_LA] or not _is_london(cells, index):
            summary.skipped += 1
            continue
        urn_text = cell(cells, COL_URN)[:20]
        if len(cells) != width:
            hint = " (a quote (\") that is not closed joins lines together)" if last_line > line else ""
            summary.reject(
                line,
                f"URN {urn_text or '?'}: the row has {len(cells)} fields but the header has {width}, "
                f"so its columns do not line up{hint}; the row ({_lines(line, last_line)}) was not imported",
            )
            continue
        try:
            urn = _parse_int(urn_text, "URN")
            if not urn:
                raise ValueError("the URN is missing")
            if urn in seen:
                raise ValueError(f"URN {urn} already appeared on line {seen[urn]}")
            name = " ".join(cell(cells, COL_NAME).split())
            if not name:
                raise ValueError("the establishment name is missing")
            if len(name) > 255:
                raise ValueError("the establishment name is longer than 255 characters")
            status_text = cell(cells, COL_STATUS)
            status = STATUS_MAP.get(status_text.lower())
            if status is None:
                raise ValueError(f"status '{status_text[:40]}' is not one the register uses")
            la = cell(cells, COL_LA)
            borough = boroughs_by_dfe.get(_code(la))
            if borough is None:
                borough = boroughs_by_ons.get(cell(cells, COL_GSS).upper())
            if borough is None:
                raise ValueError(f"local-authority code '{la[:10]}' is not a London borough")
            values = {"name": name, "status": status, "borough_id": borough}
            if COL_PHASE in present_optional:
                values["phase"] = cell(cells, COL_PHASE)[:64]
            if COL_TYPE in present_optional:
                values["establishment_type"] = cell(cells, COL_TYPE)[:100]
            if COL_POSTCODE in present_optional:
                postcode = " ".join(cell(cells, COL_POSTCODE).upper().split())
                if postcode and not POSTCODE_RE.match(postcode):
                    raise ValueError(f"postcode '{postcode[:20]}' is not a UK postcode")
                values["postcode"] = postcode
            if COL_OPEN in present_optional:
                values["opened_on"] = _parse_date(cell(cells, COL_OPEN), COL_OPEN)
            if COL_CLOSE in present_optional:
                values["closed_on"] = _parse_date(cell(cells, COL_CLOSE), COL_CLOSE)
            opened, closed = values.get("opened_on"), values.get("closed_on")
            if opened and closed and closed < opened:
                raise ValueError("CloseDate is before OpenDate")
            if COL_PUPILS in present_optional:
                values["pupil_count"] = _parse_int(cell(cells, COL_PUPILS), COL_PUPILS)
            if COL_UKPRN in present_optional:
                values["ukprn"] = _parse_int(cell(cells, COL_UKPRN), COL_UKPRN)
            for column, (field_name, longest) in CONTACT_COLUMNS.items():
                if column in present_optional:
                    values[field_name] = " ".join(cell(cells, column).split())[:longest]
            if COL_HEAD_LAST in present_optional:
                values["head_name"] = _head_name(cell(cells, column) for column in HEAD_COLUMNS)
        except ValueError as exc:
            summary.reject(line, f"URN {urn_text or '?'}: {exc}")
            continue
        seen[urn] = line
        type_kind = None
        if has_type:
            type_kind = kind_from_type(
                type_name=cell(cells, COL_TYPE),
                group_name=cell(cells, COL_GROUP),
                fe_type=cell(cells, COL_FE_TYPE),
                name=name,
            )
        yield ParsedRow(
            line=line,
            urn=urn,
            values=values,
            type_kind=type_kind,
            phase_kind=kind_from_phase(phase=cell(cells, COL_PHASE), name=name),
        )
