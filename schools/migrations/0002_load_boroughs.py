"""Load the 33 London local authorities from data/geo/london_local_authorities.csv
(ONS and DfE codes; Open Government Licence v3.0, see data/README.md)."""

import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parents[2] / "data" / "geo" / "london_local_authorities.csv"


def load_boroughs(apps, schema_editor):
    Borough = apps.get_model("schools", "Borough")
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            Borough.objects.update_or_create(
                ons_code=row["ons_code"],
                defaults={
                    "dfe_code": int(row["dfe_la_code"]),
                    "name": row["name"],
                    "is_inner": row["inner_outer"].strip().lower() == "inner",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("schools", "0001_initial")]

    operations = [migrations.RunPython(load_boroughs, migrations.RunPython.noop)]
