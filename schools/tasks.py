"""Celery tasks for schools. They take ids, call one service and are safe to run twice."""

from celery import shared_task

from . import services
from .register_import import (
    INVITATION_TASK,
    REGISTER_IMPORT_TASK,
    REGISTER_SOFT_TIME_LIMIT,
    REGISTER_TIME_LIMIT,
)


@shared_task(
    name=services.GIAS_IMPORT_TASK,
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
    """Periodic (Celery beat): mark failed the uploads (schools registers and attendance registers)
    whose task died or never started, and queue again those still waiting. (The task keeps its first
    name, which the beat schedule and queued messages use.)"""
    return services.uploads_sweep()


@shared_task(name="schools.tasks.refresh_public_figures", acks_late=True, soft_time_limit=120, time_limit=150)
def refresh_public_figures() -> bool:
    """Periodic (Celery beat): work out the public campaign's figures again, so public pages read
    them ready-made."""
    from .selectors import public_figures_refresh

    return public_figures_refresh() is not None


@shared_task(name="schools.tasks.snapshot_all_coverage", acks_late=True, soft_time_limit=600, time_limit=660)
def snapshot_all_coverage() -> int:
    """Nightly (Celery beat): a coverage snapshot for every campaign that has started."""
    return services.coverage_snapshot_all()


@shared_task(
    name=REGISTER_IMPORT_TASK,
    acks_late=True,
    soft_time_limit=REGISTER_SOFT_TIME_LIMIT,
    time_limit=REGISTER_TIME_LIMIT,
)
def import_attendance_register(register_import_id: int) -> str | None:
    """Import an attendance register uploaded in the admin (summary or failure stored on it)."""
    from .register_import import register_import_run

    record = register_import_run(register_import_id=register_import_id)
    return record.status if record else None


@shared_task(
    name=INVITATION_TASK,
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=60,
    max_retries=6,
)
def send_register_invitations(register_import_id: int) -> int:
    """Invite the people a register named who have no account yet to claim their records."""
    from .register_import import register_invitations_send

    return register_invitations_send(register_import_id=register_import_id)
