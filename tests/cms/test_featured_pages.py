"""The home page features the page types higher apps register (cms names none of them)."""

import ast
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from cms.models import HomePage, StandardPage
from courses.models import CoursePage
from tests.factories import CoursePageFactory, ensure_site_tree

ROOT = Path(__file__).resolve().parents[2]
HIGHER_APPS = ("courses", "certificates", "schools")


def _featured_block():
    return HomePage._meta.get_field("featured_courses").stream_block.child_blocks["course"]


def _feature(home, *pages):
    home.featured_courses = [("course", page) for page in pages]
    home.save_revision().publish()


@pytest.mark.django_db
def test_the_home_page_shows_each_live_featured_course_as_its_card(client):
    home = ensure_site_tree()
    live = CoursePageFactory(title="Spotting the signs", summary="Twenty minutes for anyone.")
    draft = CoursePageFactory(title="Not ready yet", publish=False)
    other = StandardPage(title="About the programme", slug="about")
    home.add_child(instance=other)
    _feature(home, live, draft, other)

    html = client.get("/").content.decode()

    assert f'<a href="{live.url}">Spotting the signs</a>' in html
    assert "Twenty minutes for anyone." in html and "About 20 minutes" in html
    assert "Not ready yet" not in html  # unpublished: no card, no dead link
    assert html.count('class="course-card"') == 1  # a page of a type nobody registered shows nothing


@pytest.mark.django_db
def test_editors_can_feature_only_the_registered_page_types():
    home = ensure_site_tree()
    course = CoursePageFactory()
    other = StandardPage(title="About the programme", slug="about")
    home.add_child(instance=other)
    block = _featured_block()

    assert block.target_models == [CoursePage]
    assert block.clean(course) == course
    with pytest.raises(ValidationError):
        block.field.clean(other.pk)


def _code_strings(path):
    """String constants in a module, leaving out docstrings."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.value


def test_cms_names_no_page_type_or_url_of_a_higher_app():
    label = re.compile(rf"\b({'|'.join(HIGHER_APPS)})\.[A-Z]\w*")  # "courses.CoursePage"
    url_name = re.compile(rf"\b({'|'.join(HIGHER_APPS)}):\w")  # "courses:module_complete"
    found = []
    for path in (ROOT / "cms").rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found += [f"{path.name}: {s}" for s in _code_strings(path) if label.search(s) or url_name.search(s)]
    for path in (ROOT / "templates" / "cms").rglob("*.html"):
        found += [f"{path.name}: {m.group(0)}" for m in url_name.finditer(path.read_text())]
    assert found == []


@pytest.mark.django_db
def test_the_home_page_editor_opens_with_a_chooser_of_courses(admin_client):
    from django.urls import reverse

    home = ensure_site_tree()
    _feature(home, CoursePageFactory(title="Spotting the signs"))
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Spotting the signs" in html and "courses.coursepage" in html.lower()
