from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import user_has_totp, user_uses_admin


class AdminRequiresMFAMiddleware:
    """Anyone who can use the CMS admin must have set up an authenticator app first.

    Requests to the admin from such a user without TOTP are sent to the set-up page.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        if (
            request.path.startswith(self.admin_prefix)
            and request.user.is_authenticated
            and user_uses_admin(user=request.user)
            and not user_has_totp(user=request.user)
        ):
            messages.info(
                request,
                _(
                    "To use the content admin, first set up an authenticator app for two-step "
                    "sign-in."
                ),
            )
            return redirect(f"{reverse('mfa_activate_totp')}?next={request.path}")
        return self.get_response(request)
