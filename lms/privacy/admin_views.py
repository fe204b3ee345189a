"""Wagtail admin for data requests: the list with legal deadlines, recording a request made by post
or email, and carrying one out (an export on the person's behalf, or erasure), every action logged."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import requests as data_requests
from .models import DataRequest

VIEW_PERMISSION = "privacy.view_datarequest"
CHANGE_PERMISSION = "privacy.change_datarequest"


class PermissionMixin(PermissionRequiredMixin):
    permission_required = CHANGE_PERMISSION
    raise_exception = True


class DataRequestListView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = VIEW_PERMISSION
    template_name = "privacy/admin/requests.html"
    page_title = _("Data requests")
    header_icon = "user"

    def get_context_data(self, **kwargs):
        show_all = self.request.GET.get("all") == "1"
        rows = DataRequest.objects.select_related("person")
        if not show_all:
            rows = rows.filter(status=DataRequest.Status.OPEN)
        return super().get_context_data(
            rows=rows[:500], show_all=show_all, today=timezone.localdate(), **kwargs
        )


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("They asked for"), choices=DataRequest.Kind.choices)
    source = forms.ChoiceField(
        label=_("How they asked"),
        choices=[c for c in DataRequest.Source.choices if c[0] != DataRequest.Source.ACCOUNT],
    )
    email = forms.EmailField(
        label=_("Email address of their account"),
        help_text=_("The address they sign in with. Check that the request really comes from them."),
    )
    received_on = forms.DateField(
        label=_("Received on"), initial=timezone.localdate,
        help_text=_("The legal deadline is one month from this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=DataRequest._meta.get_field("notes").help_text,
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.person = get_user_model().objects.filter(email__iexact=email).first()
        if self.person is None:
            raise forms.ValidationError(_("No account has this email address."))
        return email


class DataRequestCreateView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "privacy/admin/request_form.html"
    page_title = _("Record a data request")
    header_icon = "user"
    form_class = DataRequestForm

    def form_valid(self, form):
        data = form.cleaned_data
        request = data_requests.data_request_create(
            person=form.person, kind=data["kind"], source=data["source"],
            received_on=data["received_on"], notes=data["notes"], actor=self.request.user,
        )
        messages.success(self.request, gettext("The request is recorded."))
        return redirect("privacy_request_detail", pk=request.pk)


class DataRequestDetailView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """One request: who, the deadline, its log, and what staff can do about it (POST)."""

    template_name = "privacy/admin/request_detail.html"
    header_icon = "user"

    def get_page_title(self):
        return gettext("Data request %(number)s") % {"number": self.kwargs["pk"]}

    def get_object(self):
        return get_object_or_404(DataRequest.objects.select_related("person"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        data_request = self.get_object()
        actions = data_request.actions.select_related("actor")
        return super().get_context_data(
            data_request=data_request, actions=actions,
            download_url=data_requests.export_download_url(data_request),
            **kwargs,
        )

    def post(self, request, pk):
        data_request = self.get_object()
        action = request.POST.get("action")
        if action == "export" and data_request.person_id and data_request.kind == "export":
            try:
                data_requests.data_request_export_start(request=data_request, actor=request.user)
                messages.success(request, gettext(
                    "The export has started. It will be ready to download here in a few minutes."
                ))
            except NotImplementedError:
                messages.error(request, gettext("Exports cannot be made on this site yet."))
        elif action == "erase" and data_request.kind == "erasure":
            if request.POST.get("confirm") != "yes":
                messages.error(request, gettext(
                    "Tick the box to confirm you have checked who asked, then erase."
                ))
            elif data_requests.data_request_erase(request=data_request, actor=request.user):
                messages.success(request, gettext("Their account and data have been erased."))
            else:
                messages.info(request, gettext("There was nothing left to erase."))
        elif action in ("done", "open"):
            status = DataRequest.Status.DONE if action == "done" else DataRequest.Status.OPEN
            data_requests.data_request_set_status(request=data_request, status=status, actor=request.user)
            messages.success(request, gettext("The request's status is changed."))
        return redirect(reverse("privacy_request_detail", kwargs={"pk": data_request.pk}))


class DataRequestDownloadView(PermissionMixin, TemplateView):
    """Log that staff downloaded the person's export, then hand over the file."""

    def get(self, request, pk):
        data_request = get_object_or_404(DataRequest, pk=pk)
        data_export = data_requests.request_export(data_request)
        if data_export is None:
            raise PermissionDenied
        data_requests.data_request_export_downloaded(request=data_request, actor=request.user)
        response = FileResponse(
            data_export.file.open("rb"), as_attachment=True, content_type="application/zip",
            filename=f"data-request-{data_request.pk}-{data_export.ready_at:%Y-%m-%d}.zip",
        )
        response["Cache-Control"] = "private, no-store"
        return response
