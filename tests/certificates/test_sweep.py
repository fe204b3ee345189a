"""The periodic sweep: a broker outage or a worker killed mid-render delays a certificate but
never loses it."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.core import mail
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.tasks import sweep_certificates
from lms import queueing
from tests.celery_helpers import use_broker
from tests.certificates.factories import EnrollmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _eager(celery_eager):
    """Tasks run in-process here, whatever broker CI configures (a real worker: test_worker.py)."""


def _minutes_ago(minutes):
    return timezone.now() - timedelta(minutes=minutes)


WORST_CASE = timedelta(minutes=5)  # documented in docs/certificates.md and the README


def _sweep_interval() -> timedelta:
    entry = django_settings.CELERY_BEAT_SCHEDULE["certificates-sweep"]
    assert entry["task"] == "certificates.tasks.sweep_certificates"
    return entry["schedule"]


def _first_sweep_that_issues(enrollment, *, first_tick, interval, capture) -> timedelta:
    """Run the sweep at each beat tick from `first_tick` (travelling in time, no sleeping) until
    the enrollment has a rendered certificate; how long after its completion that was."""
    for k in range(20):
        tick = first_tick + k * interval
        with time_machine.travel(tick, tick=False), capture(execute=True):
            services.certificates_sweep()
        certificate = Certificate.objects.filter(enrollment=enrollment).exclude(pdf="").first()
        if certificate is not None:
            return tick - enrollment.completed_at
    raise AssertionError("the sweep never issued the certificate")


def test_after_a_worker_crash_the_sweep_issues_the_certificate_within_five_minutes(
    django_capture_on_commit_callbacks,
):
    """The worker died with the issue task in hand, whenever in the sweep's cycle that happened:
    the certificate is issued by a sweep at most five minutes after the completion."""
    interval = _sweep_interval()
    course = EnrollmentFactory().course
    base = timezone.now().replace(microsecond=0) + timedelta(days=1)
    delays = []
    for i, offset in enumerate(range(0, int(interval.total_seconds()), 30)):
        cycle = base + i * 20 * interval  # beat ticks at cycle + k * interval
        with time_machine.travel(cycle + timedelta(seconds=offset), tick=False):
            enrollment = EnrollmentFactory(course=course, completed_at=timezone.now())
        # ...and the worker took its issue task and was killed: no certificate, nothing queued.
        delays.append(
            _first_sweep_that_issues(
                enrollment, first_tick=cycle + interval, interval=interval,
                capture=django_capture_on_commit_callbacks,
            )
        )
    assert max(delays) <= WORST_CASE, f"worst case {max(delays)}"
    assert min(delays) >= timedelta(minutes=django_settings.CERTIFICATE_SWEEP_GRACE_MINUTES)


def test_a_render_killed_mid_way_is_finished_by_the_sweep_within_five_minutes(
    django_capture_on_commit_callbacks,
):
    interval = _sweep_interval()
    start = timezone.now().replace(microsecond=0) + timedelta(days=1)
    with time_machine.travel(start + timedelta(seconds=1), tick=False):
        enrollment = EnrollmentFactory(completed_at=timezone.now())
        services.certificate_get_or_create(enrollment=enrollment)  # then the worker was killed
    delay = _first_sweep_that_issues(
        enrollment, first_tick=start + interval, interval=interval,
        capture=django_capture_on_commit_callbacks,
    )
    assert delay <= WORST_CASE


def test_the_sweep_grace_outlasts_the_issue_task_and_the_visibility_timeout_every_task():
    """A healthy issue task is never raced by the sweep, and Redis never hands a running task
    (whatever its hard time limit) to a second worker."""
    from certificates.tasks import issue_certificate
    from lms.celery import app, import_all_tasks

    assert issue_certificate.time_limit < django_settings.CERTIFICATE_SWEEP_GRACE_MINUTES * 60
    import_all_tasks()
    limits = [
        task.time_limit or django_settings.CELERY_TASK_TIME_LIMIT
        for name, task in app.tasks.items()
        if not name.startswith("celery.")
    ]
    visibility = django_settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > max(limits)


def test_a_sweep_that_waited_longer_than_its_interval_is_dropped():
    entry = django_settings.CELERY_BEAT_SCHEDULE["certificates-sweep"]
    assert 0 < entry["options"]["expires"] <= _sweep_interval().total_seconds()


def test_a_completion_recorded_while_the_broker_is_down_is_issued_by_the_sweep(
    django_capture_on_commit_callbacks, caplog
):
    enrollment = EnrollmentFactory(completed_at=_minutes_ago(30))
    # The progress tracker queues the task on commit; the broker is unreachable.
    with use_broker("redis://127.0.0.1:1/0"), django_capture_on_commit_callbacks(execute=True):
        queueing.enqueue_on_commit("certificates.tasks.issue_certificate", enrollment.id)
    assert "Could not queue certificates.tasks.issue_certificate" in caplog.text
    assert not Certificate.objects.filter(enrollment=enrollment).exists()

    # The broker is back; beat runs the sweep.
    with django_capture_on_commit_callbacks(execute=True):
        queued = sweep_certificates.delay().get()

    assert queued == 1
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.pdf and certificate.emailed_at
    assert len(mail.outbox) == 1


def test_a_certificate_whose_render_never_finished_is_rendered_by_the_sweep(
    django_capture_on_commit_callbacks,
):
    enrollment = EnrollmentFactory(completed_at=_minutes_ago(60))
    certificate = services.certificate_get_or_create(enrollment=enrollment)  # then the worker died
    Certificate.objects.filter(pk=certificate.pk).update(issued_at=_minutes_ago(30))

    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificates_sweep() == 1

    certificate.refresh_from_db()
    assert certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name)
    assert certificate.emailed_at is not None


def test_the_sweep_leaves_recent_completions_to_their_own_task(django_capture_on_commit_callbacks):
    EnrollmentFactory(completed_at=timezone.now())  # its task is probably on its way
    EnrollmentFactory(completed_at=None)  # not finished
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificates_sweep() == 0
    assert not Certificate.objects.exists()


def test_the_sweep_does_not_touch_finished_or_revoked_certificates(django_capture_on_commit_callbacks):
    done = services.certificate_issue(enrollment_id=EnrollmentFactory(completed_at=_minutes_ago(60)).id)
    revoked = services.certificate_get_or_create(enrollment=EnrollmentFactory(completed_at=_minutes_ago(60)))
    services.certificate_revoke(certificate=revoked, reason="Issued in error", by=None)
    Certificate.objects.update(issued_at=_minutes_ago(30))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificates_sweep() == 0
    assert Certificate.objects.get(pk=done.pk).pdf.name == done.pdf.name
    assert len(mail.outbox) == 1
