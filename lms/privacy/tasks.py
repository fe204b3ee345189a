"""Celery tasks for personal data. They take ids, call one service and are safe to run twice."""

from celery import shared_task

from . import services


@shared_task(name=services.EXPORT_TASK, acks_late=True, soft_time_limit=240, time_limit=300)
def build_export(export_id: int) -> None:
    services.person_export_build(export_id=export_id)


@shared_task(name="lms.privacy.tasks.purge_exports", acks_late=True, soft_time_limit=120)
def purge_exports() -> int:
    """Periodic (Celery beat): delete archives after 7 days; queue lost ones again."""
    return services.exports_purge_expired()
