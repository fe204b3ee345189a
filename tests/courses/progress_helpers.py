"""A published course for progress tests: required modules, one optional module and a graded
assessment whose option ids the tests post as a learner's browser would."""

from dataclasses import dataclass, field

import pytest
from celery.signals import task_prerun

from courses.services import CERTIFICATE_TASK
from tests.courses.builders import option_ids, paragraph, question
from tests.factories import CoursePageFactory, ModulePageFactory

# For tests that really commit (threads, a worker), like the browser tests: the migration data is
# restored after each, so later tests start from the same database.
COMMITTING_DB = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@dataclass
class Course:
    page: object
    modules: list  # the required, non-assessment modules, in order
    optional: object | None
    assessment: object | None
    questions: list = field(default_factory=list)  # raw question blocks of the assessment

    def answers(self, *, right=None):
        """Answers for every assessment question: all right, or only the first `right` right."""
        chosen = {}
        for number, block in enumerate(self.questions):
            correct = right is None or number < right
            chosen[block["id"]] = option_ids(block, correct=correct)[:1]
        return chosen

    def post_data(self, *, right=None, attempt=None):
        data = {f"q-{qid}": ids for qid, ids in self.answers(right=right).items()}
        if attempt is not None:
            data["attempt"] = str(attempt)
        return data


def build_course(*, required=3, optional=True, assessment=True, questions=5, pass_mark=80,
                 title="Suicide prevention: test course"):
    page = CoursePageFactory(title=title, pass_mark=pass_mark if assessment else None)
    modules = [
        ModulePageFactory(parent=page, title=f"Module {n}", body=[paragraph()])
        for n in range(1, required + 1)
    ]
    optional_module = (
        ModulePageFactory(parent=page, title="Further reading", body=[paragraph()], is_required=False)
        if optional else None
    )
    blocks = [
        question(
            f"Question {n}: which is the most helpful response?",
            [("Listen and ask directly", True, "Yes: asking directly shows you care."),
             ("Change the subject", False, "Changing the subject can leave someone feeling alone.")],
        )
        for n in range(1, questions + 1)
    ]
    assessment_module = (
        ModulePageFactory(parent=page, title="Assessment", body=blocks, is_assessment=True)
        if assessment
        else None
    )
    return Course(page=page, modules=modules, optional=optional_module,
                  assessment=assessment_module, questions=blocks)


class TaskRuns:
    """Counts runs of the certificate task, for the real Celery app in eager mode or a worker."""

    def __init__(self):
        self.enrollment_ids = []

    def _on_prerun(self, sender=None, args=None, **kwargs):
        if getattr(sender, "name", None) == CERTIFICATE_TASK:
            self.enrollment_ids.append(list(args or [])[0] if args else None)

    def __enter__(self):
        task_prerun.connect(self._on_prerun, weak=False)
        return self

    def __exit__(self, *exc):
        task_prerun.disconnect(self._on_prerun)


def ensure_certificate_task():
    """The certificate task on the real Celery app. The certificates app registers it; where it
    does not exist (yet), a task that only records its argument is registered under the same name,
    so these tests still prove what `courses` promises: the task is queued by name, once.
    Returns a function that undoes the registration (a no-op when the real task exists)."""
    from lms.celery import app

    app.loader.import_default_modules()
    if CERTIFICATE_TASK in app.tasks:
        return lambda: None

    @app.task(name=CERTIFICATE_TASK)
    def issue_certificate(enrollment_id):
        return enrollment_id

    return lambda: app.tasks.pop(CERTIFICATE_TASK, None)
