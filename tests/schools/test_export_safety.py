"""Every exported cell a spreadsheet would run as a formula is neutralised, in every export.

A learner controls their name and email (sign-up accepts `=1+1@example.org`); programme staff type
institution names; editors type page titles. Each export is opened as a person would open it (CSV
text, or the XLSX workbook) and no cell may start with `=`, `+`, `-`, `@`, a tab or a carriage return.
"""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cms.models import HomePage
from lms.exports import spreadsheet_safe
from schools.models import Membership
from tests.factories import StaffUserFactory, UserFactory, give_totp

from .factories import CampaignFactory, InstitutionFactory, MembershipFactory, borough

pytestmark = pytest.mark.django_db
DANGEROUS = ["=1+1", "+SUM(1,1)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cells(response) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]


def xlsx_cells(response) -> list:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(body))
    return [cell for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row]


def assert_no_formula(cells, *expected):
    text = [cell for cell in cells if isinstance(cell, str)]
    assert not [cell for cell in text if cell.startswith((*FORMULA_STARTS, "\n"))], text
    # A workbook stores a carriage return as a line feed (XML line-end handling).
    text = [cell.replace("\r", "\n") for cell in text]
    for value in expected:
        assert ("'" + value).replace("\r", "\n") in text, (value, text)


@pytest.fixture
def admin_client(client):
    staff = StaffUserFactory()
    give_totp(staff)
    client.force_login(staff)
    return client


@pytest.mark.parametrize("value", DANGEROUS)
def test_the_helper_neutralises_each_formula_start(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", ["Elm Park Primary", "amara@example.org", "", -5, 3.5, None, "O'Neil"])
def test_the_helper_leaves_ordinary_text_and_numbers_alone(value):
    assert spreadsheet_safe(value) == value


def test_the_leads_staff_csv_neutralises_emails_names_and_course_titles(client):
    school = InstitutionFactory(name="Elm Park Primary")
    lead = MembershipFactory(institution=school, role=Membership.Role.LEAD, shares_completion=False).user
    MembershipFactory(
        institution=school, user=UserFactory(email="=1+1@example.org", full_name="@SUM(A1)")
    )
    MembershipFactory(institution=school, user=UserFactory(email="-2+3@example.org", full_name="+1"))
    client.force_login(lead)
    cells = csv_cells(client.get(reverse("schools:dashboard_csv", args=[school.pk])))
    assert_no_formula(cells, "=1+1@example.org", "-2+3@example.org", "@SUM(A1)", "+1")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_admin_coverage_report_exports_neutralise_institution_names(admin_client, fmt):
    CampaignFactory(starts_on=timezone.localdate() - timedelta(days=30))
    for n, name in enumerate(DANGEROUS):
        InstitutionFactory(name=name, borough=borough("Camden"), postcode="", urn=900 + n)
    response = admin_client.get(reverse("schools_report_uncovered"), {"export": fmt})
    assert response.status_code == 200
    cells = csv_cells(response) if fmt == "csv" else xlsx_cells(response)
    assert_no_formula(cells, *DANGEROUS)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_wagtail_institutions_listing_export_neutralises_names(admin_client, fmt):
    for n, name in enumerate(DANGEROUS):
        InstitutionFactory(name=name, urn=800 + n)
    response = admin_client.get(reverse("schools_institution:index"), {"export": fmt})
    assert response.status_code == 200
    cells = csv_cells(response) if fmt == "csv" else xlsx_cells(response)
    assert_no_formula(cells, *DANGEROUS)
    # Numbers stay numbers in the workbook.
    if fmt == "xlsx":
        assert 800 in cells


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_wagtails_own_report_exports_neutralise_page_titles(admin_client, fmt):
    home = HomePage.objects.first()
    page = home.add_child(instance=HomePage(title="=HYPERLINK(\"http://x\")", slug="formula"))
    page.locked, page.locked_at = True, timezone.now()
    page.save()
    response = admin_client.get(reverse("wagtailadmin_reports:locked_pages"), {"export": fmt})
    assert response.status_code == 200
    cells = csv_cells(response) if fmt == "csv" else xlsx_cells(response)
    assert_no_formula(cells, '=HYPERLINK("http://x")')
