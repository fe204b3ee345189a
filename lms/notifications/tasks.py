from celery import shared_task

DISPATCH_TASK = "lms.notifications.dispatch_due"
SEND_TASK = "lms.notifications.send"
SEND_TO_ADDRESS_TASK = "lms.notifications.send_to_address"
RETRYING = {
    "acks_late": True,
    "autoretry_for": (OSError,),  # SMTP errors are OSErrors: connection refused, timeouts, 4xx
    "retry_backoff": 60,
    "retry_backoff_max": 3600,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(name=DISPATCH_TASK, acks_late=True)
def dispatch_due() -> dict:
    """Hourly (Celery beat): send every reminder and digest that is due."""
    from .dispatch import emails_dispatch_due

    return emails_dispatch_due()


@shared_task(name=SEND_TASK, **RETRYING)
def send(kind: str, user_id: int, key: str, context: dict | None = None) -> bool:
    """Send one email (at most once for its kind and key); a failure is retried with backoff."""
    from django.contrib.auth import get_user_model

    from .services import email_send

    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return False
    return email_send(kind=kind, user=user, key=key, context=context)


@shared_task(name=SEND_TO_ADDRESS_TASK, **RETRYING)
def send_to_address(
    kind: str, address: str, key: str, context: dict | None = None, language: str = ""
) -> bool:
    """Send one email to an address (perhaps without an account), at most once for its kind and key."""
    from .services import email_send_to_address

    return email_send_to_address(kind, address, key=key, context=context, language=language)
