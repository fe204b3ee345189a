"""Register import benchmark: a national-size GIAS file (~52,000 rows, ~60 MB, Windows-1252).

Data: built in a temporary folder from the shipped London extract, written with the full 120-column
header of the DfE example file: the 5,787 London rows once as they are, then eight more times with
new URNs and local-authority codes outside London (so ~46,000 rows are skipped, as in the real
national file), and the other columns filled to the real file's size. Times the first import, a
re-import of the same file (changes nothing) and an import in which 10% of London rows changed.
Run on PostgreSQL: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms make bench PYTEST_ARGS="-k gias"`.
"""

import csv
import os
import time
from pathlib import Path

import pytest
from django.db import connection

from schools.models import Institution
from schools.services import gias_import_file

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

DATA = Path(__file__).resolve().parents[2] / "data" / "gias"
OUTSIDE_LONDON = [
    (330, "Birmingham", "West Midlands"),
    (341, "Liverpool", "North West"),
    (352, "Manchester", "North West"),
    (373, "Sheffield", "Yorkshire and the Humber"),
    (380, "Bradford", "Yorkshire and the Humber"),
    (800, "Bath and North East Somerset", "South West"),
    (886, "Kent", "South East"),
    (926, "Norfolk", "East of England"),
]


def build_national_file(path: Path, *, change_every: int = 0) -> int:
    with (DATA / "example_schools_data.csv").open(encoding="cp1252", newline="") as handle:
        header = next(csv.reader(handle))
    with (DATA / "london_establishments_20240617.csv").open(encoding="cp1252", newline="") as handle:
        london = list(csv.DictReader(handle))
    position = {name: i for i, name in enumerate(header)}
    filler = "Not applicable"
    rows = 0
    with path.open("w", encoding="cp1252", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for copy, place in [(0, None), *enumerate(OUTSIDE_LONDON, start=1)]:
            for n, source in enumerate(london):
                cells = [filler if i % 2 else "" for i in range(len(header))]
                for name in ("Street", "Locality", "Town", "SchoolWebsite", "HeadFirstName", "HeadLastName"):
                    cells[position[name]] = f"{name} value for establishment {source['URN']}"
                cells[position["URN"]] = str(int(source["URN"]) + copy * 1_000_000)
                cells[position["EstablishmentName"]] = source["EstablishmentName"]
                cells[position["EstablishmentStatus (name)"]] = source["EstablishmentStatus (name)"]
                cells[position["PhaseOfEducation (name)"]] = source["PhaseOfEducation (name)"]
                cells[position["TypeOfEstablishment (name)"]] = "Community school"
                cells[position["EstablishmentTypeGroup (name)"]] = "Local authority maintained schools"
                cells[position["Postcode"]] = "SE1 7PB"
                cells[position["OpenDate"]] = "01-09-2001"
                cells[position["CloseDate"]] = ""
                cells[position["UKPRN"]] = str(10_000_000 + n) if n % 3 == 0 else ""
                cells[position["NumberOfPupils"]] = str(
                    200 + (n % 700) + (1 if change_every and n % change_every == 0 else 0)
                )
                if place is None:
                    cells[position["LA (code)"]] = source["LA (code)"]
                    cells[position["LA (name)"]] = source["LA (name)"]
                    cells[position["GOR (name)"]] = "London"
                else:
                    (
                        cells[position["LA (code)"]],
                        cells[position["LA (name)"]],
                        cells[position["GOR (name)"]],
                    ) = (
                        str(place[0]),
                        place[1],
                        place[2],
                    )
                writer.writerow(cells)
                rows += 1
    return rows


def test_national_file_import_and_reimport(tmp_path):
    national = tmp_path / "edubasealldata20240617.csv"
    rows = build_national_file(national)
    size_mb = national.stat().st_size / 1_000_000
    print(
        f"\nGIAS import benchmark on {connection.vendor}: {rows:,} rows, {size_mb:.1f} MB, 120 columns; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )

    runs = []
    for label, path in (("first import", national), ("re-import, same file", national)):
        started = time.perf_counter()
        summary = gias_import_file(path=path)
        runs.append((label, time.perf_counter() - started, summary))
    changed = tmp_path / "edubasealldata20240618.csv"
    build_national_file(changed, change_every=10)
    started = time.perf_counter()
    summary = gias_import_file(path=changed)
    runs.append(("import with 10% of London rows changed", time.perf_counter() - started, summary))

    for label, seconds, s in runs:
        print(
            f"  {label:<40} {seconds:6.2f} s   created {s.created:,} updated {s.updated:,} "
            f"unchanged {s.unchanged:,} skipped {s.skipped:,} rejected {s.rejected:,}"
        )
    assert runs[0][2].created == 5787 and runs[1][2].unchanged == 5787 and runs[2][2].updated == 579
    assert Institution.objects.count() == 5787
