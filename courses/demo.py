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
    translated = translate_sample_course(index)
    checks = add_sample_confidence_checks(index)
    return f"{len(created)} sample courses created, {total} in the catalogue{featured}{translated}{checks}"


def add_sample_confidence_checks(index) -> str:
    """A sample confidence check on each sample course that has none, with its sample Polish and
    Urdu translations where those languages are offered (block ids fixed, so translations match)."""
    from django.conf import settings
    from wagtail.models import Locale

    from .demo_content import confidence
    from .models import ConfidenceCheck

    added = 0
    offered = {code for code, _name in settings.LANGUAGES}
    for content in (suicide_prevention, youth_mhfa):
        course = CoursePage.objects.child_of(index).filter(slug=content.COURSE["slug"]).first()
        if course is None or ConfidenceCheck.objects.filter(course=course).exists():
            continue
        ids = [block_id(content.COURSE["slug"], "confidence", n) for n in range(len(confidence.STATEMENTS))]
        check = ConfidenceCheck.objects.create(
            course=course,
            statements=[
                {"type": "statement", "value": text, "id": sid}
                for sid, text in zip(ids, confidence.STATEMENTS, strict=True)
            ],
        )
        for code, texts in confidence.TRANSLATIONS.items():
            locale = Locale.objects.filter(language_code=code).first()
            if code not in offered or locale is None:
                continue
            translation = check.copy_for_translation(locale)
            translation.course = course.get_translation_or_none(locale) or course
            translation.statements = [
                {"type": "statement", "value": text, "id": sid} for sid, text in zip(ids, texts, strict=True)
            ]
            translation.save()
        added += 1
    return f", {added} sample confidence checks added" if added else ""


def _translate_page(page, locale, strings) -> None:
    """Translate `page` into `locale` as a translator would with wagtail-localize (the strings as
    an uploaded PO file), then publish the translation. Strings not in `strings` stay English."""
    from wagtail_localize.models import Translation, TranslationSource

    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po, translation_type="manual", tool_name="seed_demo")
    translation.save_target(publish=False)
    target = type(page).objects.get(pk=translation.get_target_instance().pk)
    target.get_latest_revision().publish()


def translate_sample_course(index) -> str:
    """The suicide-prevention sample course in Polish and Urdu (sample translations that a
    qualified translator must review: courses.demo_content.translations), for each of those
    languages this deployment offers. A course already translated into a language is left as it is."""
    from django.conf import settings
    from wagtail.models import Locale

    from .demo_content import translations

    course = CoursePage.objects.child_of(index).filter(slug=suicide_prevention.COURSE["slug"]).first()
    if course is None:
        return ""
    offered = {code for code, _name in settings.LANGUAGES}
    done = []
    for code, strings in translations.STRINGS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if code not in offered or locale is None or course.has_translation(locale):
            continue
        pages = [*course.get_ancestors().filter(depth__gt=1).specific(), course]
        pages += list(ModulePage.objects.child_of(course).order_by("path"))
        for page in pages:
            if not page.has_translation(locale) or page.pk == course.pk or page.depth > course.depth:
                _translate_page(page.specific, locale, strings)
        done.append(code)
    return f", sample translations created: {', '.join(done)}" if done else ""


def feature_on_home_page(index) -> str:
    """Show the sample courses on the home page, unless staff have already chosen courses."""
    home = HomePage.objects.first()
    if home is None or len(home.featured_courses):
        return ""
    courses = CoursePage.objects.child_of(index).live().order_by("path")
    home.featured_courses = [("course", course) for course in courses]
    home.save_revision().publish()
    return f", {courses.count()} featured on the home page"
