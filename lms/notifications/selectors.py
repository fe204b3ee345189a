from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from . import registry
from .models import EmailChoice, EmailSend


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


def send_key(prefix: str, pk, suffix: str) -> str:
    """The send-log key of one periodic email: "<prefix>:<row id>:<suffix>"."""
    return f"{prefix}:{pk}:{suffix}"


def send_key_sql(prefix: str, suffix: str):
    """`send_key` of each row of a query, in SQL, to alias on a finder's queryset."""
    return Concat(Value(f"{prefix}:"), Cast("pk", CharField()), Value(f":{suffix}"), output_field=CharField())


def logged(*, kind: str, key_alias: str, status: str | None = None) -> Exists:
    """Whether the send log holds (`kind`, the row's aliased key): finders leave these out."""
    rows = EmailSend.objects.filter(kind=kind, key=OuterRef(key_alias))
    return Exists(rows.filter(status=status) if status else rows)
