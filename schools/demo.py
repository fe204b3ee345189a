"""Demo content owned by schools: the shipped London register extract, a few universities (which the
schools register does not list as such) and a public campaign. Safe to run again: changes nothing."""

from datetime import date
from pathlib import Path

from django.conf import settings

from .models import Borough, Campaign, Institution, InstitutionKind
from .services import gias_import_file

LONDON_EXTRACT = Path(settings.BASE_DIR) / "data" / "gias" / "london_establishments_20240617.csv"

UNIVERSITIES = [
    ("University College London", "Camden"),
    ("London School of Economics and Political Science", "Westminster"),
    ("Imperial College London", "Kensington and Chelsea"),
    ("Queen Mary University of London", "Tower Hamlets"),
    ("Goldsmiths, University of London", "Lewisham"),
    ("Kingston University", "Kingston upon Thames"),
    ("University of Greenwich", "Greenwich"),
    ("Brunel University London", "Hillingdon"),
    ("Middlesex University", "Barnet"),
    ("University of East London", "Newham"),
]


def seed() -> str:
    summary = gias_import_file(path=LONDON_EXTRACT)
    boroughs = {b.name: b for b in Borough.objects.all()}
    added = 0
    for name, borough in UNIVERSITIES:
        _, created = Institution.objects.get_or_create(
            name=name,
            kind=InstitutionKind.UNIVERSITY,
            defaults={"borough": boroughs[borough], "source": Institution.Source.MANUAL},
        )
        added += created
    campaign, _ = Campaign.objects.get_or_create(
        name="Every London school, college and university, and 100,000 Londoners",
        defaults={
            "programme": "",
            "starts_on": date(2025, 9, 1),
            "learner_target": 100_000,
            "staff_needed": 1,
            "certificate_valid_months": 36,
            "is_public": True,
        },
    )
    return (
        f"register: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged; "
        f"{added} universities added; campaign '{campaign.name}'"
    )
