"""The kinds of email the platform sends. Each app registers its own in its `AppConfig.ready()`.

`lms.notifications` knows nothing of courses, certificates or schools: an app brings its kind of email
(a key, what a learner sees in their preferences, whether it is essential, its templates) and, for
reminders, how to find who is due from the database. The hourly dispatcher asks every registered
kind; no per-learner schedule entries exist anywhere.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Due:
    """One email that is due: to whom, the key that makes it unique, and its template context."""

    user: Any
    key: str
    context: dict = field(default_factory=dict)


@dataclass(frozen=True)
class EmailKind:
    key: str  # "<app>.<name>", e.g. "courses.unfinished"
    label: str  # what a learner sees on their email preferences page (a lazy translation)
    reason: str  # "why you got this" line in the footer (a lazy translation)
    # Templates <template>_subject.txt, <template>.txt and <template>.html; by default
    # "<app>/email/<name>" (from the key: "courses/email/unfinished").
    template: str = ""
    essential: bool = False  # account and certificate emails: always sent, no unsubscribe
    default: bool = True  # for non-essential kinds: sent unless turned off (False: opt-in)
    # For periodic kinds: (now, limit) -> Due items, found from the database.
    find_due: Callable[..., Iterable[Due]] | None = None
    # For `manage.py render_emails`: () -> (user, context) with sample data, saved nowhere.
    sample: Callable[[], tuple[Any, dict]] | None = None

    def __post_init__(self):
        if not self.template:
            app, _dot, name = self.key.partition(".")
            object.__setattr__(self, "template", f"{app}/email/{name}")


_kinds: dict[str, EmailKind] = {}


def register(kind: EmailKind) -> EmailKind:
    """Register a kind of email (idempotent for the same definition; a clash is an error)."""
    existing = _kinds.get(kind.key)
    if existing is not None and existing != kind:
        raise ValueError(f"email kind {kind.key!r} is already registered differently")
    _kinds[kind.key] = kind
    return kind


def unregister(key: str) -> None:
    _kinds.pop(key, None)


def get(key: str) -> EmailKind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"no email kind {key!r} is registered") from None


def all_kinds() -> list[EmailKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.key)


def optional_kinds() -> list[EmailKind]:
    """The kinds a learner can turn off (shown on the preferences page)."""
    return [kind for kind in all_kinds() if not kind.essential]


def sample_person(*, email: str = "alex@example.org", full_name: str = "Alex Example"):
    """A recipient for `EmailKind.sample` previews (`manage.py render_emails`): saved nowhere."""
    from types import SimpleNamespace

    return SimpleNamespace(pk=0, email=email, full_name=full_name, preferred_language="")


@dataclass(frozen=True)
class Sample:
    """An `EmailKind.sample`: a preview with this fixed context, to `sample_person(**person)`."""

    context: dict
    person: dict = field(default_factory=dict)

    def __call__(self):
        return sample_person(**self.person), self.context
