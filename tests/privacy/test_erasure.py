"""Erasing a person: nothing of their name or email address is left in any table, their
certificates are withdrawn (verify page), staff work keeps a pseudonym, and it is safe to repeat."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from certificates.models import Certificate
from lms.privacy.models import Erasure
from lms.privacy.services import person_erase
from schools.models import CompletionFact
from tests.factories import CoursePageFactory, StaffUserFactory, UserFactory

from .builders import EMAIL, NAME, person_with_everything

pytestmark = pytest.mark.django_db


def tables_mentioning(*needles) -> dict[str, list[str]]:
    """Every column of every table (cast to text) that contains one of `needles`, ignoring case."""
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            for column in columns:
                quote = connection.ops.quote_name
                text = f"LOWER(CAST({quote(column)} AS TEXT))"
                sql = f"SELECT COUNT(*) FROM {quote(table)} WHERE {text} LIKE %s"
                for needle in needles:
                    cursor.execute(sql, [f"%{needle.lower()}%"])
                    if cursor.fetchone()[0]:
                        found.setdefault(table, []).append(column)
    return found


@pytest.fixture
def person(client):
    user = person_with_everything(courses=2, completed=2)
    client.force_login(user)  # a database session
    client.get("/accounts/profile/")
    return user


def test_after_erasure_no_table_holds_the_name_or_the_email(person, django_capture_on_commit_callbacks):
    assert tables_mentioning(NAME, EMAIL)  # the scan finds them before
    pdfs = [(c.pdf.storage, c.pdf.name) for c in Certificate.objects.filter(user=person)]
    assert all(storage.exists(name) for storage, name in pdfs)

    with django_capture_on_commit_callbacks(execute=True):
        person_erase(person)

    assert tables_mentioning(NAME, EMAIL, "zadie.other@example.org") == {}
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert not any(storage.exists(name) for storage, name in pdfs)
    erasure = Erasure.objects.get()
    assert (erasure.certificates_withdrawn, erasure.facts_kept, erasure.was_staff) == (2, 2, False)
    assert CompletionFact.objects.count() == 2
    assert CompletionFact.objects.values("person").distinct().count() == 1


def test_erasing_twice_is_harmless(person):
    person_erase(person)
    person_erase(person)
    assert Erasure.objects.count() == 1


def test_the_verify_page_says_the_certificate_was_withdrawn_without_a_name(client, person):
    certificate = Certificate.objects.filter(user=person).first()
    url = certificate.get_verify_url()
    assert NAME in client.get(url).content.decode()

    person_erase(person)
    client.logout()
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "withdrawn at the holder’s request" in page
    assert NAME not in page and certificate.course_title not in page
    # An unknown code is still "not found".
    assert client.get(url.replace(certificate.display_code[:4], "0000")).status_code == 404


def test_the_person_is_signed_out_everywhere(client, person):
    person_erase(person)
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_staff_members_published_work_keeps_a_pseudonym_not_their_name():
    admin = StaffUserFactory(full_name="Admin Person")
    staff = StaffUserFactory(full_name="Quentin Staffordshire", email="quentin@example.org")
    log(instance=staff, action="wagtail.create", user=admin)  # "Admin Person created Quentin..."
    course = CoursePageFactory(title="Spotting the signs")
    revision = course.save_revision(user=staff)
    revision.publish(user=staff)
    course.owner = staff
    course.save(update_fields=["owner"])
    assert tables_mentioning("Quentin Staffordshire", "quentin@example.org")

    person_erase(staff, actor=admin, reason="Asked by email")

    assert tables_mentioning("Quentin Staffordshire", "quentin@example.org") == {}
    erasure = Erasure.objects.get()
    assert erasure.was_staff and erasure.actor == admin
    pseudonym = get_user_model().objects.get(full_name=f"Former staff member #{erasure.pk}")
    assert not pseudonym.is_active and not pseudonym.has_usable_password() and not pseudonym.is_staff
    # Who published what is still answered, by the pseudonym.
    assert Revision.objects.get(pk=revision.pk).user == pseudonym
    published = PageLogEntry.objects.filter(page=course, action="wagtail.publish")
    assert published.filter(user_id=pseudonym.pk).exists()
    assert not PageLogEntry.objects.filter(user_id=staff.pk).exists()
    course.refresh_from_db()
    assert course.owner == pseudonym
    # Erasing the pseudonym is refused quietly (it is nobody).
    person_erase(pseudonym)
    assert get_user_model().objects.filter(pk=pseudonym.pk).exists()


def test_erasure_touches_no_one_else(person):
    other = person_with_everything(
        courses=0, completed=0, full_name="Other Person", email="other@example.org"
    )
    UserFactory()
    person_erase(person)
    assert get_user_model().objects.filter(pk=other.pk).exists()
    assert other.school_memberships.count() == 1 and other.emailaddress_set.count() == 2


def test_erasure_queries_do_not_grow_with_courses(django_assert_max_num_queries):
    from django.test.utils import CaptureQueriesContext

    courses = [CoursePageFactory(title=f"Course {n}", modules=2) for n in range(4)]
    small = person_with_everything(course_list=courses[:1], completed=1, pdfs=False)
    big = person_with_everything(
        course_list=courses, completed=3, pdfs=False, email="b@example.org", full_name="B B"
    )
    with CaptureQueriesContext(connection) as captured:
        person_erase(small)
    # The same statements whatever the number of courses (rows go in bulk); a few lookups that
    # Django and Wagtail cache per process may fall on either run.
    with django_assert_max_num_queries(len(captured.captured_queries) + 10):
        person_erase(big)
