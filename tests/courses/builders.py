"""Raw StreamField data for module bodies, with fixed block ids, so tests can post answers by id
exactly as a learner's browser would. The pages themselves come from tests/factories.py
(`CoursePageFactory`, `ModulePageFactory(parent=course, body=[...])`)."""

import uuid

from cms.models import Helpline


def new_id() -> str:
    return str(uuid.uuid4())


def paragraph(html="<p>Listening without judging helps.</p>"):
    return {"type": "paragraph", "value": html, "id": new_id()}


def heading(text="A section", level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}, "id": new_id()}


def callout(text="<p>You can take a break at any time.</p>", kind="information", title="Note"):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": text}, "id": new_id()}


def signpost(*names, title="Where to find support"):
    ids = Helpline.objects.filter(name__in=names).values_list("pk", flat=True)
    return {
        "type": "signpost",
        "value": {
            "title": title,
            "helplines": [{"type": "item", "value": pk, "id": new_id()} for pk in ids],
        },
        "id": new_id(),
    }


def reflection(prompt="What would you say first?", hint=""):
    return {"type": "reflection", "value": {"prompt": prompt, "hint": hint}, "id": new_id()}


def question(prompt, options, kind="single", explanation="<p>Asking directly is safe.</p>", qid=None):
    """`options`: [(text, is_correct, feedback), ...]. Returns the raw block; option ids are in
    block["value"]["options"][i]["id"]."""
    return {
        "type": "question",
        "value": {
            "prompt": prompt,
            "kind": kind,
            "options": [
                {"type": "item", "value": {"text": t, "is_correct": c, "feedback": f}, "id": new_id()}
                for t, c, f in options
            ],
            "explanation": explanation,
        },
        "id": qid or new_id(),
    }


def option_ids(block, correct=None):
    """The option ids of a raw question block (only correct / incorrect ones if asked)."""
    return [
        item["id"]
        for item in block["value"]["options"]
        if correct is None or item["value"]["is_correct"] == correct
    ]
