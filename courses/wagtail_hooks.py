"""Wagtail hooks for courses."""

from django.contrib.auth.views import redirect_to_login
from wagtail import hooks

from .models import ModulePage


@hooks.register("before_serve_page")
def modules_require_sign_in(page, request, serve_args, serve_kwargs):
    """Course pages are public; module pages need a signed-in learner, who comes back here after
    signing in (or signing up). Trainers' previews are not served through this hook."""
    if isinstance(page, ModulePage) and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None
