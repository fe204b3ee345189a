"""Celery tasks for schools. They take ids, call one service and are safe to run twice."""

from celery import shared_task

from . import services
from .models import Campaign


@shared_task(
    name="schools.tasks.import_gias_upload",
    acks_late=True,
    soft_time_limit=services.GIAS_IMPORT_SOFT_TIME_LIMIT,
    time_limit=services.GIAS_IMPORT_TIME_LIMIT,
)
def import_gias_upload(gias_import_id: int) -> str | None:
    """Import a register file uploaded in the admin; the summary (or the reason it failed) is stored
    on the upload."""
    record = services.gias_import_run(gias_import_id=gias_import_id)
    return record.status if record else None


@shared_task(name="schools.tasks.sweep_gias_imports", acks_late=True, soft_time_limit=60)
def sweep_gias_imports() -> int:
    """Periodic (Celery beat): mark failed the uploads whose task died or never started, and queue
    again those still waiting."""
    return services.gias_import_sweep()


@shared_task(name="schools.tasks.snapshot_campaign_coverage", acks_late=True, soft_time_limit=120)
def snapshot_campaign_coverage(campaign_id: int) -> int:
    """Store today's coverage of one campaign (replacing today's if it was already taken)."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    return services.coverage_snapshot_take(campaign=campaign) if campaign else 0


@shared_task(name="schools.tasks.snapshot_all_coverage", acks_late=True, soft_time_limit=600, time_limit=660)
def snapshot_all_coverage() -> int:
    """Nightly (Celery beat): a coverage snapshot for every campaign that has started."""
    return services.coverage_snapshot_all()
