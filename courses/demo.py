"""Demo content for courses: the catalogue and two sample courses, published with revisions.

Idempotent: a course that already exists (by slug) is left exactly as it is, so re-running never
overwrites a trainer's edits. Block ids are derived from the course, module and position, so the
same demo data always has the same question and option ids.
"""

import uuid

from cms.models import Helpline, HomePage

from .demo_content import suicide_prevention, youth_mhfa
from .models import CourseIndexPage, CoursePage, ModulePage

NAMESPACE = uuid.UUID("9a6f1d0e-3c55-4c1b-8f57-2f4a0c1d7e21")


def block_id(*parts) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))


def stream_block(spec, key, helpline_ids):
    kind = spec[0]
    if kind == "p":
        return {"type": "paragraph", "value": spec[1], "id": block_id(*key)}
    if kind in ("h2", "h3"):
        return {"type": "heading", "value": {"text": spec[1], "level": kind}, "id": block_id(*key)}
    if kind == "callout":
        _, style, title, html = spec
        return {
            "type": "callout",
            "value": {"kind": style, "title": title, "text": html},
            "id": block_id(*key),
        }
    if kind == "signpost":
        _, title, names = spec
        items = [
            {"type": "item", "value": helpline_ids[name], "id": block_id(*key, name)}
            for name in names
            if name in helpline_ids
        ]
        return {"type": "signpost", "value": {"title": title, "helplines": items}, "id": block_id(*key)}
    if kind == "reflect":
        _, prompt, hint = spec
        return {"type": "reflection", "value": {"prompt": prompt, "hint": hint}, "id": block_id(*key)}
    if kind == "q":
        _, prompt, question_kind, options, explanation, *extra = spec
        fixed = set(extra[0].get("fixed", [])) if extra else set()
        return {
            "type": "question",
            "value": {
                "prompt": prompt,
                "kind": question_kind,
                "options": [
                    {
                        "type": "item",
                        "value": {
                            "text": text, "is_correct": correct, "feedback": feedback,
                            "fixed": n in fixed,
                        },
                        "id": block_id(*key, "option", n),
                    }
                    for n, (text, correct, feedback) in enumerate(options)
                ],
                "explanation": explanation,
            },
            "id": block_id(*key),
        }
    raise ValueError(f"Unknown demo block {kind!r}")


def catalogue() -> CourseIndexPage:
    """The course catalogue (normally created by migration courses 0003)."""
    index = CourseIndexPage.objects.first()
    if index is None:
        index = HomePage.objects.get().add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
        index.save_revision().publish()
    return index


def create_course(index, content, helpline_ids) -> bool:
    spec = content.COURSE
    if CoursePage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return False
    course = index.add_child(instance=CoursePage(**spec))
    course.save_revision(log_action=True).publish()
    for module_spec in content.MODULES:
        values = {k: v for k, v in module_spec.items() if k != "body"}
        body = [
            stream_block(block, (spec["slug"], module_spec["slug"], n), helpline_ids)
            for n, block in enumerate(module_spec["body"])
        ]
        module = course.add_child(instance=ModulePage(body=body, **values))
        module.save_revision(log_action=True).publish()
    return True


def seed() -> str:
    index = catalogue()
    helpline_ids = dict(Helpline.objects.values_list("name", "pk"))
    created = [
        content.COURSE["title"]
        for content in (suicide_prevention, youth_mhfa)
        if create_course(index, content, helpline_ids)
    ]
    total = CoursePage.objects.child_of(index).count()
    featured = feature_on_home_page(index)
    return f"{len(created)} sample courses created, {total} in the catalogue{featured}"


def feature_on_home_page(index) -> str:
    """Show the sample courses on the home page, unless staff have already chosen courses."""
    home = HomePage.objects.first()
    if home is None or len(home.featured_courses):
        return ""
    courses = CoursePage.objects.child_of(index).live().order_by("path")
    home.featured_courses = [("course", course) for course in courses]
    home.save_revision().publish()
    return f", {courses.count()} featured on the home page"
