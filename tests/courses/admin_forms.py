"""POST data for the Wagtail page editor, built the way the admin's own form would send it."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def listblock(items):
    data = {"count": len(items)}
    for i, item in enumerate(items):
        data[i] = {"value": item, "deleted": "", "order": i, "id": ""}
    return data


def question_value(
    prompt="Is it safe to ask directly?", options=(("Yes", True), ("No", False)), kind="single"
):
    return {
        "prompt": prompt,
        "kind": kind,
        "options": listblock(
            [
                {"text": text, "is_correct": "on" if correct else "", "feedback": f"About {text}"}
                for text, correct in options
            ]
        ),
        "explanation": rich_text("<p>Asking shows you care.</p>"),
    }


def module_form(title="Noticing the signs", slug=None, is_assessment=False, blocks=None, action=None):
    if blocks is None:
        blocks = [("paragraph", rich_text("<p>People often show they are struggling.</p>"))]
    data = nested_form_data(
        {
            "title": title,
            "slug": slug or title.lower().replace(" ", "-"),
            "estimated_minutes": 5,
            "content_note": rich_text(""),
            "is_required": "on",
            "body": streamfield(blocks),
        }
    )
    if is_assessment:
        data["is_assessment"] = "on"
    if action:
        data[action] = "1"
    return data


def course_form(title="A course", slug="a-course", pass_mark="80"):  # noqa: S107 (a percentage)
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Short.",
            "audience": "everyone",
            "programme": "suicide_prevention",
            "estimated_minutes": 20,
            "learning_outcomes": rich_text("<ul><li>Ask</li></ul>"),
            "content_note": rich_text("<p>This course talks about suicide.</p>"),
            "pass_mark": pass_mark,
            "certificate_wording": "",
        }
    )
