"""import_gias against the shipped London extract, the full-header example, and bad files."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from schools.gias import GiasFileError
from schools.models import Institution, InstitutionKind, InstitutionStatus
from schools.services import gias_import_bytes, gias_import_file

DATA = Path(__file__).resolve().parents[2] / "data" / "gias"
LONDON = DATA / "london_establishments_20240617.csv"
EXAMPLE = DATA / "example_schools_data.csv"

pytestmark = pytest.mark.django_db

HEADER = (
    "URN,LA (code),LA (name),EstablishmentName,TypeOfEstablishment (name),"
    "EstablishmentTypeGroup (name),EstablishmentStatus (name),PhaseOfEducation (name),OpenDate,"
    "CloseDate,NumberOfPupils,UKPRN,Postcode,GOR (name)\r\n"
)


def csv_bytes(*rows, header=HEADER):
    return (header + "".join(row + "\r\n" for row in rows)).encode("cp1252")


def test_london_extract_imports_every_row_and_reimport_changes_nothing():
    summary = gias_import_file(path=LONDON)
    assert (summary.rows_read, summary.created, summary.rejected, summary.skipped) == (5787, 5787, 0, 0)
    assert Institution.objects.count() == 5787
    # 3,216 open + 13 "open, but proposed to close" count as open; 4 proposed; the rest closed.
    assert Institution.objects.filter(status=InstitutionStatus.OPEN).count() == 3229
    assert Institution.objects.filter(status=InstitutionStatus.PROPOSED).count() == 4
    assert Institution.objects.filter(status=InstitutionStatus.CLOSED).count() == 2554
    # Windows-1252 names survive.
    assert Institution.objects.filter(name="Ecole Française de Londres Jacques Prévert").exists()
    assert Institution.objects.filter(name="Beis Rochel d’Satmar School").exists()
    # No type columns: colleges guessed from phase and name.
    assert Institution.objects.get(urn=130411).kind == InstitutionKind.SIXTH_FORM_COLLEGE
    assert Institution.objects.get(urn=130432).kind == InstitutionKind.FE_COLLEGE
    assert Institution.objects.get(urn=100000).borough.name == "City of London"
    before = list(Institution.objects.order_by("urn").values_list("urn", "updated_at", "invitation_code"))

    again = gias_import_file(path=LONDON)
    assert (again.created, again.updated, again.closed, again.unchanged) == (0, 0, 0, 5787)
    fields = ("urn", "updated_at", "invitation_code")
    assert list(Institution.objects.order_by("urn").values_list(*fields)) == before


def test_full_header_file_maps_columns_by_name_and_rejects_rows_that_do_not_line_up():
    summary = gias_import_file(path=EXAMPLE)
    assert summary.rows_read == 19
    assert summary.created == 9  # the nine London rows with 120 fields
    assert summary.skipped == 6  # Birmingham, Lancashire, etc.
    assert summary.rejected == 4  # London rows with 135 fields against a 120-field header
    assert [line for line, _ in summary.rejections] == [14, 16, 17, 20]
    assert "135 fields but the header has 120" in summary.rejections[0][1]
    cass = Institution.objects.get(urn=100000)
    assert cass.postcode == "EC3A 5DE"
    assert cass.pupil_count == 276
    assert cass.establishment_type == "Voluntary aided school"
    assert cass.kind == InstitutionKind.SCHOOL
    girls = Institution.objects.get(urn=100001)
    assert (girls.ukprn, str(girls.opened_on)) == (10013279, "1920-01-01")
    assert Institution.objects.get(urn=100006).kind == InstitutionKind.ALTERNATIVE_PROVISION
    assert Institution.objects.get(urn=100004).status == InstitutionStatus.CLOSED
    again = gias_import_file(path=EXAMPLE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 9)


def test_narrow_extract_after_full_file_keeps_fields_it_does_not_carry():
    gias_import_file(path=EXAMPLE)
    gias_import_file(path=LONDON)
    cass = Institution.objects.get(urn=100000)
    assert cass.name == "The Aldgate School"  # the newer file renames it
    assert cass.postcode == "EC3A 5DE"  # the extract has no postcode column: kept
    assert cass.establishment_type == "Voluntary aided school"


def test_kinds_from_register_types():
    raw = csv_bytes(
        "1,202,Camden,Big Uni,Higher education institutions,Universities,Open,,,,,,NW1 2AB,London",
        "2,202,Camden,Town College,Further education,Colleges,Open,16 plus,,,,,NW1 2AB,London",
        "3,202,Camden,Hill Sixth Form College,Further education,Colleges,Open,16 plus,,,,,NW1 2AB,London",
        "4,202,Camden,Alt Academy,Academy alternative provision converter,Academies,Open,,,,,,,London",
        "5,202,Camden,Secure Place,Secure units,Other types,Open,,,,,,,London",
        "6,202,Camden,Elm Primary,Academy converter,Academies,Open,Primary,,,,,,London",
        "7,202,Camden,LAE,Academy 16-19 converter,Academies,Open,16 plus,,,,,,London",
    )
    gias_import_bytes(raw=raw)
    kinds = dict(Institution.objects.values_list("urn", "kind"))
    assert kinds == {
        1: InstitutionKind.UNIVERSITY,
        2: InstitutionKind.FE_COLLEGE,
        3: InstitutionKind.SIXTH_FORM_COLLEGE,
        4: InstitutionKind.ALTERNATIVE_PROVISION,
        5: InstitutionKind.OTHER_YOUTH_SETTING,
        6: InstitutionKind.SCHOOL,
        7: InstitutionKind.SIXTH_FORM_COLLEGE,
    }


def test_updates_and_closures_are_counted_separately():
    gias_import_bytes(
        raw=csv_bytes(
            "10,202,Camden,Elm School,Community school,LA,Open,Primary,01-09-1990,,200,,NW1 2AB,London",
            "11,202,Camden,Oak School,Community school,LA,Open,Primary,,,100,,NW1 2AB,London",
            "12,202,Camden,Ash School,Community school,LA,Open,Primary,,,100,,NW1 2AB,London",
        )
    )
    summary = gias_import_bytes(
        raw=csv_bytes(
            "10,202,Camden,Elm School,Community school,LA,Open,Primary,01-09-1990,,210,,NW1 2AB,London",
            "11,202,Camden,Oak School,Community school,LA,Closed,Primary,,31-08-2024,100,,NW1 2AB,London",
            "12,202,Camden,Ash School,Community school,LA,Open,Primary,,,100,,NW1 2AB,London",
        )
    )
    assert (summary.updated, summary.closed, summary.unchanged) == (1, 1, 1)
    assert Institution.objects.get(urn=10).pupil_count == 210
    assert str(Institution.objects.get(urn=11).closed_on) == "2024-08-31"


def test_london_by_region_or_code_others_skipped():
    summary = gias_import_bytes(
        raw=csv_bytes(
            "20,330,Birmingham,Far School,Community school,LA,Open,Primary,,,,,B29 6LH,West Midlands",
            "21,999,Unknown,Odd School,Community school,LA,Open,Primary,,,,,,London",
            "22,319,Sutton,Near School,Community school,LA,Open,Primary,,,,,SM1 1AA,",
        )
    )
    assert summary.skipped == 1
    assert summary.created == 1
    assert summary.rejections == [[3, "URN 21: local-authority code '999' is not a London borough"]]


def test_bad_rows_are_rejected_with_line_numbers_and_good_rows_import():
    summary = gias_import_bytes(
        raw=csv_bytes(
            "30,202,Camden,Good School,Community school,LA,Open,Primary,,,,,,London",
            "abc,202,Camden,No Number,Community school,LA,Open,Primary,,,,,,London",
            "31,202,Camden,,Community school,LA,Open,Primary,,,,,,London",
            "32,202,Camden,Bad Status,Community school,LA,Sort of open,Primary,,,,,,London",
            "33,202,Camden,Bad Date,Community school,LA,Open,Primary,31-02-2020,,,,,London",
            "34,202,Camden,Bad Pupils,Community school,LA,Open,Primary,,,many,,,London",
            "30,202,Camden,Duplicate,Community school,LA,Open,Primary,,,,,,London",
            "35,202,Camden,Bad Postcode,Community school,LA,Open,Primary,,,,,Mr,London",
            "36,202,Camden,Short row",
        )
    )
    assert summary.created == 1
    reasons = dict((line, reason) for line, reason in summary.rejections)
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "'abc' is not a whole number" in reasons[3]
    assert "name is missing" in reasons[4]
    assert "status 'Sort of open'" in reasons[5]
    assert "OpenDate '31-02-2020' is not a date" in reasons[6]
    assert "NumberOfPupils 'many'" in reasons[7]
    assert "URN 30 already appeared on line 2" in reasons[8]
    assert "postcode 'MR'" in reasons[9]
    assert "4 fields but the header has 14" in reasons[10]
    assert list(Institution.objects.values_list("urn", flat=True)) == [30]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "The file is empty"),
        (b"\r\n\r\n", "The file is empty"),
        (HEADER.encode("utf-16"), "UTF-16 or a binary file"),
        (b"PK\x03\x04\x14\x00\x00\x00binary", "UTF-16 or a binary file"),
        (b"URN,EstablishmentName\r\n1,A\x81B\r\n", "not Windows-1252 text"),
        (
            b"URN,EstablishmentName,LA (code)\r\n1,Elm,202\r\n",
            "missing required column(s): 'EstablishmentStatus (name)'",
        ),
    ],
)
def test_bad_files_abort_with_a_clear_message_and_change_nothing(raw, message):
    gias_import_file(path=EXAMPLE)
    before = list(Institution.objects.order_by("pk").values())
    with pytest.raises(GiasFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        gias_import_bytes(raw=raw)
    assert list(Institution.objects.order_by("pk").values()) == before


def test_command_prints_summary_and_fails_clearly(tmp_path, capsys):
    call_command("import_gias", str(EXAMPLE))
    out = capsys.readouterr().out
    assert "Created: 9" in out and "Skipped (outside London): 6" in out and "line 14:" in out
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="Nothing was imported: The file is empty"):
        call_command("import_gias", str(empty))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_gias", str(tmp_path / "missing.csv"))


def test_utf8_file_saved_by_a_spreadsheet_is_read_as_utf8():
    raw = (
        "\ufeff".encode()
        + HEADER.encode()
        + ("40,202,Camden,École Élan,Community school,LA,Open,Primary,,,,,,London\r\n").encode()
    )
    assert gias_import_bytes(raw=raw).created == 1
    assert Institution.objects.get(urn=40).name == "École Élan"
