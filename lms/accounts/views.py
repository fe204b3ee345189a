from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.i18n import override_for

from .forms import ProfileForm
from .privacy_notice import privacy_notice_context
from .services import user_update_profile


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = user_update_profile(user=request.user, **form.cleaned_data)
        with override_for(user):
            messages.success(request, _("Your details have been saved."))
            # Carry on in the language just chosen.
            return redirect(reverse("accounts_profile"))
    return render(request, "accounts/profile.html", {"form": form})


def privacy(request):
    return render(request, "accounts/privacy.html", privacy_notice_context())
