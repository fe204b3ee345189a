"""Admin screens for attendance registers: upload, progress and result, rejected rows as CSV."""

import csv

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from lms.exports import spreadsheet_safe_row

from .admin_views import PermissionMixin, UploadDetailView, UploadForm, UploadView
from .models import RegisterImport
from .register_import import MAX_REGISTER_BYTES

REGISTER_PERMISSION = "schools.add_registerimport"


class RegisterUploadForm(UploadForm):
    max_bytes = MAX_REGISTER_BYTES
    too_large = _("The file is larger than 5 MB; is it the right file?")
    file = forms.FileField(
        label=_("Attendance register (CSV)"),
        help_text=_("Columns: email, name, date (dd/mm/yyyy), training, institution URN. At most 5 MB."),
    )


class RegisterImportView(UploadView):
    permission = REGISTER_PERMISSION
    model = RegisterImport
    form_class = RegisterUploadForm
    template_name = "schools/admin/register_import.html"
    page_title = _("Import an attendance register")
    detail_url_name = "schools_register_import_detail"


class RegisterImportDetailView(UploadDetailView):
    permission = REGISTER_PERMISSION
    model = RegisterImport
    template_name = "schools/admin/register_import_detail.html"
    page_title = _("Attendance register import")


class RegisterRejectionsView(PermissionMixin, View):
    """The rejected rows of an import with their reasons, to fix and upload again."""

    permission = REGISTER_PERMISSION

    def get(self, request, pk):
        record = get_object_or_404(RegisterImport, pk=pk)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="register-{record.pk}-rejected.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(spreadsheet_safe_row([gettext("Line"), gettext("Reason")]))
        for line, reason in record.summary.get("rejections", []):
            writer.writerow(spreadsheet_safe_row([line, reason]))  # reasons quote the file's cells
        return response
