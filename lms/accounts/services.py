from .models import User


def user_update_profile(*, user: User, full_name: str, borough: str, role: str) -> User:
    """Update the learner's own profile details. Returns the saved user."""
    user.full_name = full_name
    user.borough = borough
    user.role = role
    user.save(update_fields=["full_name", "borough", "role"])
    return user
