from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import registry
from .forms import EmailPreferencesForm
from .selectors import email_opted_out, email_preferences
from .services import email_preferences_update, email_unsubscribe
from .tokens import unsubscribe_token_read


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    current = email_preferences(user=request.user)
    form = EmailPreferencesForm(
        request.POST if request.method == "POST" else None,  # an empty POST means "none of them"
        initial={"receive": [kind.key for kind, receives in current if receives]},
    )
    if request.method == "POST" and form.is_valid():
        email_preferences_update(user=request.user, receive=set(form.cleaned_data["receive"]))
        messages.success(request, _("Your email choices are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form, "kinds": current})


def _token_target(token):
    read = unsubscribe_token_read(token)
    if read is None:
        return None, None
    user_id, kind_key = read
    user = get_user_model().objects.filter(pk=user_id).first()
    try:
        kind = registry.get(kind_key)
    except LookupError:
        return None, None
    if user is None or kind.essential:
        return None, None
    return user, kind


@csrf_exempt  # RFC 8058: mail providers post the one-click unsubscribe with no cookies or token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET shows what the link does and a button (link scanners fetch links: a GET never changes
    anything); POST turns that kind of email off, from the page or a mail program's one-click."""
    user, kind = _token_target(token)
    if user is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    if request.method == "POST":
        email_unsubscribe(user=user, kind=kind.key)
        return render(request, "notifications/unsubscribed.html", {"kind": kind})
    already = email_opted_out(user=user, kind=kind.key)
    return render(
        request, "notifications/unsubscribe.html", {"kind": kind, "already": already}
    )
