from . import registry
from .models import EmailOptOut


def email_opted_out(*, user, kind: str) -> bool:
    return EmailOptOut.objects.filter(user=user, kind=kind).exists()


def email_preferences(*, user) -> list[tuple[registry.EmailKind, bool]]:
    """Each optional kind of email with whether this person receives it."""
    off = set(EmailOptOut.objects.filter(user=user).values_list("kind", flat=True))
    return [(kind, kind.key not in off) for kind in registry.optional_kinds()]
