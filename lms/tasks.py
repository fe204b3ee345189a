from celery import shared_task


@shared_task(name="lms.ping", acks_late=True, ignore_result=False)
def ping(payload: str = "pong") -> str:
    """Round trip used by `/healthz?worker=1` and the worker test: proves a worker consumes tasks."""
    return payload
