from celery import shared_task


@shared_task(name="lms.accounts.tasks.retention_run", acks_late=True)
def retention_run() -> dict:
    """Once a day (Celery beat): erase closed accounts after their cool-off, delete unverified
    sign-ups, warn and erase long-unused accounts. Safe to run twice."""
    from .retention import retention_run as run

    return run()
