"""Signed, per-learner unsubscribe tokens: they work without signing in, and a forged or altered
token is refused (nothing changes)."""

from django.core import signing

SALT = "lms.notifications.unsubscribe"


def unsubscribe_token(*, user, kind: str) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=SALT, compress=False)


def unsubscribe_token_read(token: str) -> tuple[int, str] | None:
    """(user id, kind) for a genuine token; None for anything forged, altered or malformed."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int) or not isinstance(
        data.get("k"), str
    ):
        return None
    return data["u"], data["k"]
