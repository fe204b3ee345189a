"""Admin screens for attendance registers: upload, progress and result, rejected rows as CSV."""

import csv

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from lms.exports import spreadsheet_safe_row

from .admin_views import PermissionMixin
from .models import RegisterImport
from .register_import import MAX_REGISTER_BYTES, register_import_upload

REGISTER_PERMISSION = "schools.add_registerimport"


class RegisterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance register (CSV)"),
        help_text=_("Columns: email, name, date (dd/mm/yyyy), training, institution URN. At most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_REGISTER_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; is it the right file?"))
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class RegisterImportView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    permission = REGISTER_PERMISSION
    form_class = RegisterUploadForm
    template_name = "schools/admin/register_import.html"
    page_title = _("Import an attendance register")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        return super().get_context_data(imports=RegisterImport.objects.all()[:20], **kwargs)

    def form_valid(self, form):
        record = register_import_upload(uploaded_file=form.cleaned_data["file"], user=self.request.user)
        messages.success(
            self.request, gettext("%(file)s is being imported.") % {"file": record.original_name}
        )
        return redirect("schools_register_import_detail", pk=record.pk)


class RegisterImportDetailView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = REGISTER_PERMISSION
    template_name = "schools/admin/register_import_detail.html"
    page_title = _("Attendance register import")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        record = get_object_or_404(RegisterImport, pk=self.kwargs["pk"])
        pending = record.status in (RegisterImport.Status.QUEUED, RegisterImport.Status.RUNNING)
        return super().get_context_data(record=record, pending=pending, **kwargs)


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
