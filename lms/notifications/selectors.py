from . import registry
from .models import EmailChoice


def email_receives(*, user, kind: str) -> bool:
    """Whether this person gets this kind of email: always for essential kinds, otherwise their
    choice or, if they never made one, the kind's default."""
    email_kind = registry.get(kind)
    if email_kind.essential:
        return True
    choice = EmailChoice.objects.filter(user=user, kind=kind).values_list("receive", flat=True).first()
    return email_kind.default if choice is None else choice


def email_preferences(*, user) -> list[tuple[registry.EmailKind, bool]]:
    """Each optional kind of email with whether this person receives it (one query)."""
    choices = dict(EmailChoice.objects.filter(user=user).values_list("kind", "receive"))
    return [(kind, choices.get(kind.key, kind.default)) for kind in registry.optional_kinds()]
