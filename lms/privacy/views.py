"""Download my data: ask for a copy (POST) and download it (owner only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import selectors, services
from .requests import data_request_from_account


@login_required
@require_POST
def export(request):
    data_export = services.person_export_start(request.user)
    data_request_from_account(user=request.user, kind="export")
    if data_export.status == data_export.Status.READY:
        messages.success(request, _("Your data is ready to download."))
    else:
        messages.success(
            request, _("We are preparing a copy of your data. We will email you when it is ready.")
        )
    return redirect("accounts_profile")


@login_required
@never_cache
@require_GET
def download(request, public_id):
    data_export = selectors.data_export_for_owner(user=request.user, public_id=public_id)
    if data_export is None:
        raise Http404("No such export")
    response = FileResponse(
        data_export.file.open("rb"),
        as_attachment=True,
        filename=f"my-data-{data_export.ready_at:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response
