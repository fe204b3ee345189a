"""Delete my account: the confirmation page and the page shown once the account is closed."""

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import formats, timezone

from .closure import account_close
from .closure_forms import AccountCloseForm


@login_required
def account_delete(request):
    form = AccountCloseForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        erasure = account_close(user=request.user)
        erase_on = formats.date_format(timezone.localtime(erasure.erase_after), "j F Y")
        logout(request)  # this browser; every other session ends because the account is inactive
        request.session["accounts_closed_erase_on"] = erase_on
        return redirect("accounts_closed")
    return render(
        request, "accounts/delete.html",
        {"form": form, "cool_off_days": settings.ACCOUNT_ERASURE_COOL_OFF_DAYS},
    )


def account_closed(request):
    erase_on = request.session.get("accounts_closed_erase_on")
    if erase_on is None:
        return redirect("accounts_profile")
    return render(
        request, "accounts/closed.html",
        {"erase_on": erase_on, "cool_off_days": settings.ACCOUNT_ERASURE_COOL_OFF_DAYS},
    )
