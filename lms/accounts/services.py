from lms.i18n import supported_language

from .models import User


def user_update_profile(
    *, user: User, full_name: str, borough: str, role: str, preferred_language: str | None = None
) -> User:
    """Update the learner's own profile details. Returns the saved user."""
    user.full_name = full_name
    user.borough = borough
    user.role = role
    fields = ["full_name", "borough", "role"]
    if preferred_language is not None:
        if supported_language(preferred_language) != preferred_language:
            raise ValueError(f"not an offered language: {preferred_language!r}")
        user.preferred_language = preferred_language
        fields.append("preferred_language")
    user.save(update_fields=fields)
    return user


def user_set_preferred_language(*, user: User, language: str) -> User:
    """Save the language the learner reads the site in (their emails, reminders and certificates
    follow it). `language` must be one of settings.LANGUAGES, or "" for none."""
    if language and supported_language(language) != language:
        raise ValueError(f"not an offered language: {language!r}")
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])
    return user
