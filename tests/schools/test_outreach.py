"""The outreach list programme staff work from: the register's contact details (imported from the
GIAS file), filters, pages, leads of covered institutions, and an export of exactly what is filtered."""

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from schools.models import Institution, Membership
from schools.services import gias_import_file
from tests.factories import CoursePageFactory, UserFactory

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough, certify

pytestmark = pytest.mark.django_db
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "gias" / "example_schools_data.csv"
URL = "/admin/schools/reports/outreach/"


def test_the_register_import_keeps_contact_details():
    gias_import_file(path=EXAMPLE)
    school = Institution.objects.get(urn=100000)
    assert school.street == "St James's Passage"
    assert school.town == "London" and school.postcode == "EC3A 5DE"
    assert school.telephone == "02072831147"
    assert school.website == "www.sirjohncassprimary.org"
    assert school.head_name == "Mr Tim Wilson"


def test_a_narrow_file_never_blanks_contact_details(tmp_path):
    school = InstitutionFactory(urn=100000, telephone="020 1", head_name="Ms Head")
    narrow = tmp_path / "narrow.csv"
    narrow.write_text(
        '"URN","EstablishmentName","EstablishmentStatus (name)","LA (code)"\n'
        f'"{school.urn}","Renamed School","Open","201"\n',
        encoding="cp1252",
    )
    gias_import_file(path=narrow)
    school.refresh_from_db()
    assert school.name == "Renamed School" and school.telephone == "020 1" and school.head_name == "Ms Head"


@pytest.fixture
def register():
    campaign = CampaignFactory(name="Every school")
    course = CoursePageFactory()
    camden, hackney = borough("Camden"), borough("Hackney")
    covered = InstitutionFactory(
        name="Covered Primary", borough=camden, telephone="020 7000 0001", head_name="Ms Ada Head"
    )
    lead = UserFactory(full_name="Lee Lead")
    MembershipFactory(institution=covered, user=lead, role=Membership.Role.LEAD)
    certify(lead, course, when=timezone.now() - timedelta(days=2))
    InstitutionFactory(
        name="Waiting Primary", borough=camden, website="www.waiting.example", street="1 High St"
    )
    InstitutionFactory(name="Hackney College", borough=hackney, kind="fe_college")
    return campaign


def test_lists_uncovered_with_contacts_and_filters(admin_client, register):
    page = admin_client.get(URL).content.decode()
    assert "Outreach list" in page
    assert "Waiting Primary" in page and "www.waiting.example" in page and "1 High St" in page
    assert "Covered Primary" not in page  # not yet covered is the default

    page = admin_client.get(URL, {"coverage": "covered"}).content.decode()
    assert "Covered Primary" in page and "Lee Lead" in page and "Ms Ada Head" in page
    assert "Waiting Primary" not in page

    page = admin_client.get(URL, {"coverage": "all", "borough": borough("Hackney").pk}).content.decode()
    assert "Hackney College" in page and "Waiting Primary" not in page
    page = admin_client.get(URL, {"coverage": "all", "kind": "fe_college"}).content.decode()
    assert "Hackney College" in page and "Covered Primary" not in page
    page = admin_client.get(URL, {"coverage": "all", "q": "waiting"}).content.decode()
    assert "Waiting Primary" in page and "Hackney College" not in page


def test_the_export_holds_every_filtered_row_not_only_the_page(admin_client, register):
    for n in range(55):
        InstitutionFactory(name=f"Camden School {n:02d}", borough=borough("Camden"), telephone="=cmd")
    params = {"borough": borough("Camden").pk}
    page = admin_client.get(URL, params).content.decode()
    assert "Page 1 of 2" in page and "56 institutions" in page
    assert "Camden School 00" in page and "Camden School 54" not in page
    assert "Camden School 54" in admin_client.get(URL, {**params, "p": 2}).content.decode()

    response = admin_client.get(URL, {**params, "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Borough", "Name"] and "Telephone" in rows[0] and "Leads" in rows[0]
    names = [row[1] for row in rows[1:]]
    assert len(names) == 56 and "Hackney College" not in names and "Covered Primary" not in names
    telephone = rows[0].index("Telephone")
    assert {row[telephone] for row in rows[1:] if row[1].startswith("Camden School")} == {"'=cmd"}


def test_only_programme_staff_with_report_access_see_it(client, register):
    learner = UserFactory()
    client.force_login(learner)
    assert client.get(URL).status_code in (302, 403)
