"""Wagtail admin screens that are not plain model listings: register upload and coverage reports."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import selectors, services
from .exports import export_response
from .models import Borough, Campaign, GiasImport, InstitutionKind, Membership
from .selectors import outreach

REPORT_PERMISSION = "schools.view_campaign"
# The coverage reports: menu label, URL name, icon (the Reports menu and the dashboard panel).
REPORTS = [
    (_("Campaign progress"), "schools_report_campaign", "pick"),
    (_("Coverage by borough"), "schools_report_boroughs", "site"),
    (_("Not yet covered"), "schools_report_uncovered", "warning"),
    (_("Outreach list"), "schools_report_outreach", "mail"),
]
IMPORT_PERMISSION = "schools.add_giasimport"
LEAD_PERMISSION = services.LEAD_PERMISSION
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class AdminPageMixin(WagtailAdminTemplateMixin):
    """The platform's own admin pages: headed with their own title (Home › title), not "Home"."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("header_title", self.get_page_title())
        return context


class PermissionMixin:
    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Register upload -------------------------------------------------------------------------


class UploadForm(forms.Form):
    """An admin upload: one file, not empty and no larger than `max_bytes`."""

    max_bytes = MAX_UPLOAD_BYTES
    too_large = _("The file is larger than 200 MB; is it the right file?")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise forms.ValidationError(self.too_large)
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class GiasUploadForm(UploadForm):
    file = forms.FileField(
        label=_("Register file (CSV)"),
        help_text=_(
            "The establishment fields CSV from Get Information About Schools "
            "(edubasealldata….csv), as downloaded. Only London rows are kept."
        ),
    )


class UploadView(PermissionMixin, AdminPageMixin, FormView):
    """Upload a file that a Celery task imports; the latest uploads are listed under the form. What
    the page says after an upload follows its real state: without a worker the import has already
    run (or failed), and a failure is never announced as "being imported"."""

    model = None  # a `models.imports.UploadedImport`
    detail_url_name = ""
    header_icon = "upload"

    def upload(self, uploaded_file):
        return services.upload_queue(self.model).store(uploaded_file=uploaded_file, user=self.request.user)

    def get_context_data(self, **kwargs):
        services.uploads_fail_overdue(model=self.model)  # never list an upload whose task died as "Importing"
        return super().get_context_data(
            imports=self.model.objects.select_related("uploaded_by")[:20], **kwargs
        )

    def form_valid(self, form):
        record = self.upload(form.cleaned_data["file"])
        record.refresh_from_db()
        name = {"file": record.original_name}
        if record.status == self.model.Status.FAILED:
            messages.error(self.request, gettext("%(file)s was not imported: see why below.") % name)
        elif record.status == self.model.Status.DONE:
            messages.success(self.request, gettext("%(file)s was imported.") % name)
        else:
            messages.info(self.request, gettext("%(file)s is being imported.") % name)
        return redirect(self.detail_url_name, pk=record.pk)


class UploadDetailView(PermissionMixin, AdminPageMixin, TemplateView):
    """One upload: its state (refreshing while it runs), then its summary or why it failed."""

    model = None
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        # An upload whose task died is marked failed here too, so this page stops refreshing and
        # says why, even before the periodic sweep runs.
        services.uploads_fail_overdue(model=self.model)
        record = get_object_or_404(self.model.objects.select_related("uploaded_by"), pk=self.kwargs["pk"])
        pending = record.status in (self.model.Status.QUEUED, self.model.Status.RUNNING)
        return super().get_context_data(
            record=record, pending=pending, limit_minutes=services.upload_queue(self.model).limit_minutes(),
            **self.progress(record, pending), **kwargs,
        )

    def progress(self, record, pending) -> dict:
        return {}


class GiasImportView(UploadView):
    permission = IMPORT_PERMISSION
    model = GiasImport
    form_class = GiasUploadForm
    template_name = "schools/admin/gias_import.html"
    page_title = _("Import the schools register")
    detail_url_name = "schools_gias_import_detail"


class GiasImportDetailView(UploadDetailView):
    permission = IMPORT_PERMISSION
    model = GiasImport
    template_name = "schools/admin/gias_import_detail.html"
    page_title = _("Register import")

    def progress(self, record, pending):
        return {"rows_so_far": services.gias_import_progress(gias_import_id=record.pk) if pending else None}


# --- Leads -----------------------------------------------------------------------------------


class LeadChangeView(PermissionMixin, AdminPageMixin, TemplateView):
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


class DateRangeForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Figures as they stood at the end of this day. Leave both blank for today."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The end date is before the start date."))
        return cleaned


# The columns every list of institutions starts with (the not-yet-covered report, the outreach list).
INSTITUTION_COLUMNS = [
    ("borough_name", _("Borough")),
    ("name", _("Name")),
    ("urn", _("URN")),
    ("kind_label", pgettext_lazy("kind of institution", "Kind")),
    ("establishment_type", pgettext_lazy("establishment type", "Type")),
]


class ReportView(PermissionMixin, AdminPageMixin, TemplateView):
    permission = REPORT_PERMISSION
    header_icon = "doc-empty-inverse"
    export_name = "report"
    columns = []

    def get(self, request, *args, **kwargs):
        self.range_form = DateRangeForm(request.GET or None)
        dates = self.range_form.cleaned_data if self.range_form.is_valid() else {}
        self.start, self.end = dates.get("start"), dates.get("end")
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
        context.update(
            campaign=self.campaign, campaigns=self.campaigns, columns=self.columns, range_form=self.range_form
        )
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
        ("running_total", _("Completions so far")),
    ]

    def get_rows(self):
        from .selectors.reports import weekly_trend

        return weekly_trend(campaign=self.campaign, start=self.start, end=self.end)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.campaign is not None:
            context["summary"] = selectors.campaign_summary(campaign=self.campaign)
            context["kinds"] = context["summary"]["kinds"]
            context["snapshots"] = self.campaign.snapshots.filter(borough__isnull=True)[:12]
            from .selectors.reports import trend_chart

            context["trend_svg"] = trend_chart(
                context["rows"], title=gettext("Completions so far, week by week")
            )
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
        from .selectors.reports import coverage_by_borough_with_totals

        return coverage_by_borough_with_totals(campaign=self.campaign, on=self.end)


class UncoveredReport(ReportView):
    page_title = _("Institutions not yet covered")
    template_name = "schools/admin/report_uncovered.html"
    export_name = "not-yet-covered"
    columns = [*INSTITUTION_COLUMNS, ("postcode", _("Postcode")), ("pupil_count", _("Pupils"))]

    def get(self, request, *args, **kwargs):
        self.boroughs = list(Borough.objects.all())
        chosen = request.GET.get("borough")
        self.borough = next((b for b in self.boroughs if str(b.pk) == chosen), None)
        return super().get(request, *args, **kwargs)

    def get_rows(self):
        return outreach.outreach_rows(
            selectors.uncovered_institutions(campaign=self.campaign, borough=self.borough)
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(boroughs=self.boroughs, borough=self.borough, **kwargs)


class OutreachFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, URN or postcode"), required=False, max_length=100)
    borough = forms.ModelChoiceField(
        label=_("Borough"), queryset=Borough.objects.all(), required=False, empty_label=_("All boroughs")
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("kind of institution", "Kind"),
        choices=[("", _("All kinds"))] + list(InstitutionKind.choices),
        required=False,
    )
    coverage = forms.ChoiceField(
        label=_("Coverage"),
        choices=[
            (outreach.NOT_COVERED, _("Not yet covered")),
            (outreach.COVERED, pgettext_lazy("institutions covered", "Covered")),
            ("all", _("Covered or not")),
        ],
        required=False,
    )


class OutreachReport(ReportView):
    """Counted institutions with the register's contact details and their leads, filtered and
    paginated; the export holds every row the filters keep, not only the page shown."""

    page_title = _("Outreach list")
    template_name = "schools/admin/report_outreach.html"
    export_name = "outreach-list"
    per_page = 50
    columns = [
        *INSTITUTION_COLUMNS,
        ("head_name", _("Head")),
        ("address", _("Address")),
        ("postcode", _("Postcode")),
        ("telephone", _("Telephone")),
        ("website", _("Website")),
        ("pupil_count", _("Pupils")),
        ("is_covered", pgettext_lazy("institutions covered", "Covered")),
        ("leads", _("Leads")),
    ]

    def get(self, request, *args, **kwargs):
        self.filter_form = OutreachFilterForm(request.GET or None)
        self.filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return super().get(request, *args, **kwargs)

    def get_institutions(self):
        coverage = self.filters.get("coverage") or outreach.NOT_COVERED
        return outreach.outreach_institutions(
            campaign=self.campaign,
            borough=self.filters.get("borough"),
            kind=self.filters.get("kind") or "",
            coverage="" if coverage == "all" else coverage,
            query=self.filters.get("q") or "",
        )

    def get_rows(self):
        rows = outreach.outreach_rows(self.get_institutions())
        for row in rows:
            row["is_covered"] = gettext("Yes") if row["is_covered"] else gettext("No")
        return rows

    def get_context_data(self, **kwargs):
        context = super(ReportView, self).get_context_data(**kwargs)
        context.update(campaign=self.campaign, campaigns=self.campaigns, filter_form=self.filter_form)
        if self.campaign is not None:
            page = Paginator(self.get_institutions(), self.per_page).get_page(self.request.GET.get("p"))
            query = self.request.GET.copy()
            query.pop("p", None)
            query.pop("export", None)
            query.pop("campaign", None)
            query["campaign"] = self.campaign.pk
            context.update(
                page=page, rows=outreach.outreach_rows(page.object_list), query=query.urlencode()
            )
        return context
