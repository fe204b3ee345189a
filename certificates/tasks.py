"""Celery tasks for certificates. They take ids, call one service and are safe to run twice."""

from celery import shared_task
from celery.signals import worker_process_init

from courses.services import CERTIFICATE_TASK

from . import services


@shared_task(name=CERTIFICATE_TASK, acks_late=True, soft_time_limit=60, time_limit=90)
def issue_certificate(enrollment_id: int) -> int | None:
    """Create (if needed), render and email the certificate of a completed enrollment."""
    certificate = services.certificate_issue(enrollment_id=enrollment_id)
    return certificate.pk if certificate else None


@shared_task(name="certificates.tasks.sweep_certificates", acks_late=True, soft_time_limit=120)
def sweep_certificates() -> int:
    """Periodic (Celery beat): queue any completion the normal path missed."""
    return services.certificates_sweep()


@worker_process_init.connect
def _warm_renderer(**kwargs):
    """Load fonts, stylesheet and template once per worker process, before the first certificate."""
    from .rendering import warm_up

    warm_up()
