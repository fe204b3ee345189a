"""London's 33 local authorities (the City and the 32 boroughs), read once from
data/geo/london_local_authorities.csv (ONS and DfE codes; Open Government Licence v3.0). The one list
of them: a learner's borough choices (accounts) and the `schools.Borough` rows (loaded from the
same file by a data migration) both come from here, matched by ONS code."""

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CSV_PATH = Path(__file__).resolve().parents[1] / "data" / "geo" / "london_local_authorities.csv"


@dataclass(frozen=True)
class LocalAuthority:
    ons_code: str
    dfe_code: int
    name: str
    is_inner: bool


@lru_cache(maxsize=1)
def local_authorities() -> tuple[LocalAuthority, ...]:
    """In ONS code order, as the file lists them."""
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        return tuple(
            LocalAuthority(
                ons_code=row["ons_code"],
                dfe_code=int(row["dfe_la_code"]),
                name=row["name"],
                is_inner=row["inner_outer"].strip().lower() == "inner",
            )
            for row in csv.DictReader(handle)
        )
