"""Wagtail admin screens that are not plain model listings: register upload and coverage reports."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import selectors, services
from .exports import export_response
from .models import Borough, Campaign, GiasImport, Membership

REPORT_PERMISSION = "schools.view_campaign"
# The coverage reports: menu label, URL name, icon (the Reports menu and the dashboard panel).
REPORTS = [
    (_("Campaign progress"), "schools_report_campaign", "pick"),
    (_("Coverage by borough"), "schools_report_boroughs", "site"),
    (_("Not yet covered"), "schools_report_uncovered", "warning"),
]
IMPORT_PERMISSION = "schools.add_giasimport"
LEAD_PERMISSION = services.LEAD_PERMISSION
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class PermissionMixin:
    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Register upload -------------------------------------------------------------------------


class GiasUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Register file (CSV)"),
        help_text=_(
            "The establishment fields CSV from Get Information About Schools "
            "(edubasealldata….csv), as downloaded. Only London rows are kept."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB; is it the right file?"))
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class GiasImportView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    permission = IMPORT_PERMISSION
    form_class = GiasUploadForm
    template_name = "schools/admin/gias_import.html"
    page_title = _("Import the schools register")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        services.gias_import_fail_overdue()  # never list an upload whose task died as "Importing"
        return super().get_context_data(
            imports=GiasImport.objects.select_related("uploaded_by")[:20], **kwargs
        )

    def form_valid(self, form):
        record = services.gias_import_upload(uploaded_file=form.cleaned_data["file"], user=self.request.user)
        messages.success(
            self.request, gettext("%(file)s is being imported.") % {"file": record.original_name}
        )
        return redirect("schools_gias_import_detail", pk=record.pk)


class GiasImportDetailView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = IMPORT_PERMISSION
    template_name = "schools/admin/gias_import_detail.html"
    page_title = _("Register import")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        # An upload whose task died is marked failed here too, so this page stops refreshing and
        # says why, even before the periodic sweep runs.
        services.gias_import_fail_overdue()
        record = get_object_or_404(GiasImport, pk=self.kwargs["pk"])
        pending = record.status in (GiasImport.Status.QUEUED, GiasImport.Status.RUNNING)
        return super().get_context_data(record=record, pending=pending, **kwargs)


# --- Leads -----------------------------------------------------------------------------------


class LeadChangeView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then grant or withdraw lead status (withdrawing also declines a request)."""

    permission = LEAD_PERMISSION
    template_name = "schools/admin/lead_change.html"
    header_icon = "user"
    grant = True

    def get_page_title(self):
        return gettext("Make lead") if self.grant else gettext("Withdraw lead status")

    def dispatch(self, request, *args, **kwargs):
        self.membership = get_object_or_404(
            Membership.objects.select_related("user", "institution"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.membership, grant=self.grant, **kwargs)

    def post(self, request, *args, **kwargs):
        name, place = self.membership.user, self.membership.institution
        if self.grant:
            services.membership_grant_lead(membership=self.membership)
            messages.success(
                request, gettext("%(name)s is now a lead for %(place)s.") % {"name": name, "place": place}
            )
        else:
            services.membership_withdraw_lead(membership=self.membership)
            messages.success(
                request, gettext("%(name)s is not a lead for %(place)s.") % {"name": name, "place": place}
            )
        return redirect("schools_membership:index")


# --- Reports ---------------------------------------------------------------------------------


class ReportView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = REPORT_PERMISSION
    header_icon = "doc-empty-inverse"
    export_name = "report"
    columns = []

    def get(self, request, *args, **kwargs):
        campaigns = list(Campaign.objects.all())
        chosen = request.GET.get("campaign")
        self.campaign = next((c for c in campaigns if str(c.pk) == chosen), None)
        self.campaign = (
            self.campaign or selectors.campaign_for_public() or (campaigns[0] if campaigns else None)
        )
        self.campaigns = campaigns
        fmt = request.GET.get("export")
        if fmt in ("csv", "xlsx") and self.campaign is not None:
            return export_response(
                rows=self.get_rows(), columns=self.columns, filename=self.export_name, fmt=fmt
            )
        return super().get(request, *args, **kwargs)

    def get_rows(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(campaign=self.campaign, campaigns=self.campaigns, columns=self.columns)
        if self.campaign is not None:
            context["rows"] = self.get_rows()
        return context


class CampaignProgressReport(ReportView):
    page_title = _("Campaign progress")
    template_name = "schools/admin/report_campaign.html"
    export_name = "completions-by-week"
    columns = [
        ("week", _("Week beginning")),
        ("completions", _("Completions")),
        ("learners", _("Unique learners")),
    ]

    def get_rows(self):
        return selectors.completions_by_week(campaign=self.campaign)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.campaign is not None:
            context["summary"] = selectors.campaign_summary(campaign=self.campaign)
            context["kinds"] = context["summary"]["kinds"]
            context["snapshots"] = self.campaign.snapshots.filter(borough__isnull=True)[:12]
        return context


class BoroughCoverageReport(ReportView):
    page_title = _("Coverage by borough")
    template_name = "schools/admin/report_boroughs.html"
    export_name = "coverage-by-borough"
    columns = [
        ("borough", _("Borough")),
        ("ons_code", _("ONS code")),
        ("covered", pgettext_lazy("institutions covered", "Covered")),
        ("total", _("Institutions counted")),
        ("uncovered", _("Not yet covered")),
        ("percent", _("Covered %")),
        ("learners", _("Learners completed (by borough they gave)")),
        ("covered_platform", _("Covered by training on this site alone")),
        ("covered_external", _("Covered by training done elsewhere alone")),
        ("learners_platform", _("Learners trained on this site")),
        ("learners_external", _("Learners trained elsewhere (confirmed)")),
    ]

    def get_rows(self):
        return selectors.coverage_by_borough(campaign=self.campaign)


class UncoveredReport(ReportView):
    page_title = _("Institutions not yet covered")
    template_name = "schools/admin/report_uncovered.html"
    export_name = "not-yet-covered"
    columns = [
        ("borough_name", _("Borough")),
        ("name", _("Name")),
        ("urn", _("URN")),
        ("kind_label", pgettext_lazy("kind of institution", "Kind")),
        ("establishment_type", pgettext_lazy("establishment type", "Type")),
        ("postcode", _("Postcode")),
        ("pupil_count", _("Pupils")),
    ]

    def get(self, request, *args, **kwargs):
        self.boroughs = list(Borough.objects.all())
        chosen = request.GET.get("borough")
        self.borough = next((b for b in self.boroughs if str(b.pk) == chosen), None)
        return super().get(request, *args, **kwargs)

    def get_rows(self):
        institutions = selectors.uncovered_institutions(campaign=self.campaign, borough=self.borough)
        return [
            {
                "pk": i.pk,
                "borough_name": i.borough.name,
                "name": i.name,
                "urn": i.urn,
                "kind_label": i.get_kind_display(),
                "establishment_type": i.establishment_type,
                "postcode": i.postcode,
                "pupil_count": i.pupil_count,
            }
            for i in institutions
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(boroughs=self.boroughs, borough=self.borough, **kwargs)
