"""Wagtail admin for schools: the registry, memberships and leads, campaigns, register imports and
coverage reports (programme staff only)."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import ListingButton

from . import admin_views, register_admin_views, selectors
from .consent_admin import LEAD_EXPORT_PERMISSION, LeadExportLogView
from .external import REVIEW_PERMISSION
from .models import Campaign, ExternalTraining, Institution, InstitutionKind, Membership

# --- Institutions ----------------------------------------------------------------------------


class InstitutionFilterSet(WagtailFilterSet):
    coverage = django_filters.ChoiceFilter(
        label=_("Coverage"), method="filter_coverage", empty_label=_("Any")
    )

    class Meta:
        model = Institution
        fields = ["borough", "kind", "status", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        for campaign in Campaign.objects.only("pk", "name"):
            choices += [
                (f"c{campaign.pk}", gettext("Covered: %(campaign)s") % {"campaign": campaign.name}),
                (f"u{campaign.pk}", gettext("Not covered: %(campaign)s") % {"campaign": campaign.name}),
            ]
        self.filters["coverage"].extra["choices"] = choices

    def filter_coverage(self, queryset, name, value):
        campaign = Campaign.objects.filter(pk=value[1:]).first() if value[1:].isdigit() else None
        if campaign is None:
            return queryset
        covered = selectors.covered_institutions(campaign=campaign)
        if value[0] == "c":
            return queryset.filter(pk__in=covered.values("pk"))
        return queryset.filter(pk__in=selectors.counted_institutions(campaign=campaign).values("pk")).exclude(
            pk__in=covered.values("pk")
        )


class InstitutionIndexView(IndexView):
    def search_queryset(self, queryset):
        return selectors.institution_filter_by_query(queryset=queryset, query=self.search_query)


class InstitutionInspectView(InspectView):
    """The institution as programme staff need it: who leads it, how many staff joined and share,
    whether it is covered in each campaign, and its history; register fields only when filled in."""

    template_name = "schools/admin/institution_inspect.html"

    def get_fields_context(self):
        return [field for field in super().get_fields_context() if field["value"] not in (None, "", "-")]

    def get_context_data(self, **kwargs):
        from .selectors.institution import institution_overview

        context = super().get_context_data(**kwargs)
        context["overview"] = institution_overview(institution=self.object)
        return context


class InstitutionViewSet(ModelViewSet):
    model = Institution
    icon = "site"
    menu_label = _("Institutions")
    index_view_class = InstitutionIndexView
    inspect_view_class = InstitutionInspectView
    inspect_view_fields = [
        "kind", "borough", "status", "urn", "ukprn", "establishment_type", "phase", "head_name", "street",
        "locality", "town", "postcode", "telephone", "website", "pupil_count", "staff_total", "opened_on",
        "closed_on", "source",
    ]
    filterset_class = InstitutionFilterSet
    search_fields = ["name"]  # searching is done by InstitutionIndexView: name, URN or postcode
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50
    list_display = [
        "name",
        Column("urn", label=_("URN")),
        Column("kind", label=pgettext_lazy("kind of institution", "Kind"), accessor="get_kind_display"),
        "borough",
        "postcode",
        Column("status", label=_("Status"), accessor="get_status_display"),
    ]
    list_export = [
        "name",
        "urn",
        "ukprn",
        "kind",
        "establishment_type",
        "phase",
        "borough",
        "postcode",
        "status",
        "opened_on",
        "closed_on",
        "pupil_count",
        "source",
    ]
    export_filename = "institutions"
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("borough"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("urn"), FieldPanel("ukprn")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("establishment_type"), FieldPanel("phase")]),
                FieldRowPanel([FieldPanel("opened_on"), FieldPanel("closed_on")]),
                FieldPanel("pupil_count"),
            ],
            heading=_("As the DfE register describes it"),
            help_text=_(
                "Filled in by the register import. A later import of a full register file updates "
                "these for institutions with a URN."
            ),
        ),
    ]

    def get_queryset(self, request):
        return Institution.objects.select_related("borough")


# --- Memberships and leads -------------------------------------------------------------------


class MembershipFilterSet(WagtailFilterSet):
    lead_requested = django_filters.BooleanFilter(
        label=_("Asked to be a lead"), field_name="lead_requested_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Membership
        fields = ["role", "shares_completion", "joined_via"]


class MembershipIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not self.request.user.has_perm(admin_views.LEAD_PERMISSION):
            return buttons
        if not instance.is_lead:
            buttons.append(
                ListingButton(
                    gettext("Make lead"),
                    url=reverse("schools_lead_grant", args=[instance.pk]),
                    icon_name="user",
                    priority=30,
                )
            )
        if instance.is_lead or instance.lead_requested_at:
            label = gettext("Withdraw lead status") if instance.is_lead else gettext("Decline lead request")
            buttons.append(
                ListingButton(
                    label,
                    url=reverse("schools_lead_withdraw", args=[instance.pk]),
                    icon_name="cross",
                    priority=31,
                )
            )
        return buttons


class MembershipViewSet(ModelViewSet):
    """Learners join institutions themselves; here programme staff grant or withdraw lead status."""

    model = Membership
    icon = "group"
    menu_label = _("Staff and leads")
    index_view_class = MembershipIndexView
    filterset_class = MembershipFilterSet
    search_fields = ["user__email", "user__full_name", "institution__name"]
    search_backend_name = None
    copy_view_enabled = False
    form_fields = ["role"]
    list_display = [
        "user",
        Column("institution", label=_("Institution")),
        Column("role", label=_("Role"), accessor="get_role_display"),
        BooleanColumn("shares_completion", label=_("Shares training")),
        DateColumn("lead_requested_at", label=_("Asked to be lead")),
        DateColumn("joined_at", label=_("Joined")),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "institution")

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"add_url_name": None, **kwargs})

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name not in ("add", "copy")]


# --- Campaigns -------------------------------------------------------------------------------


class CampaignForm(WagtailAdminModelForm):
    institution_kinds = forms.MultipleChoiceField(
        label=_("Kinds of institution that count"),
        choices=InstitutionKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Open institutions of these kinds make up the institution target. Tick none for a "
            "campaign with only a learner target."
        ),
    )


class CampaignViewSet(ModelViewSet):
    model = Campaign
    icon = "pick"
    menu_label = _("Campaigns")
    copy_view_enabled = False
    list_display = [
        "name",
        "programme",
        "starts_on",
        "ends_on",
        "learner_target",
        "staff_needed",
        "is_public",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            MultiFieldPanel(
                [FieldPanel("programme"), FieldPanel("courses", widget=forms.CheckboxSelectMultiple)],
                heading=_("Which completions count"),
            ),
            FieldPanel("learner_target"),
            MultiFieldPanel(
                [FieldPanel("institution_kinds"), FieldPanel("staff_needed")], heading=_("Institution target")
            ),
            FieldPanel("certificate_valid_months"),
            FieldPanel("self_declared_counts"),
            FieldPanel("is_public"),
        ],
        base_form_class=CampaignForm,
    )


SCHOOLS_MENU_HOOK = "register_schools_menu_item"


class ExternalTrainingViewSet(ModelViewSet):
    """Recognised external trainings: what learners may add, and which campaigns count them."""

    model = ExternalTraining
    icon = "tick-inverse"
    menu_label = _("External trainings")
    copy_view_enabled = False
    list_display = ["name", "provider", "valid_months", "is_active"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("provider"),
            FieldPanel("campaigns", widget=forms.CheckboxSelectMultiple),
            FieldPanel("valid_months"),
            FieldPanel("is_active"),
        ]
    )


class SchoolsGroup(ModelViewSetGroup):
    """One menu for the register, its imports, lead requests, campaigns and the coverage reports."""

    menu_label = _("Schools")
    menu_icon = "site"
    menu_order = 330
    submenu_hook = SCHOOLS_MENU_HOOK
    items = (
        InstitutionViewSet("schools_institution", url_prefix="schools/institutions"),
        MembershipViewSet("schools_membership", url_prefix="schools/memberships"),
        CampaignViewSet("schools_campaign", url_prefix="schools/campaigns"),
        ExternalTrainingViewSet("schools_external_training", url_prefix="schools/external-trainings"),
    )


@hooks.register("register_admin_viewset")
def register_schools_viewsets():
    return SchoolsGroup()


# --- Register upload, lead decisions and reports ---------------------------------------------


@hooks.register("register_admin_urls")
def register_schools_admin_urls():
    return [
        path("schools/import/", admin_views.GiasImportView.as_view(), name="schools_gias_import"),
        path(
            "schools/import/<int:pk>/",
            admin_views.GiasImportDetailView.as_view(),
            name="schools_gias_import_detail",
        ),
        path(
            "schools/registers/",
            register_admin_views.RegisterImportView.as_view(),
            name="schools_register_import",
        ),
        path(
            "schools/registers/<int:pk>/",
            register_admin_views.RegisterImportDetailView.as_view(),
            name="schools_register_import_detail",
        ),
        path(
            "schools/registers/<int:pk>/rejected.csv",
            register_admin_views.RegisterRejectionsView.as_view(),
            name="schools_register_import_rejections",
        ),
        path(
            "schools/leads/<int:pk>/grant/",
            admin_views.LeadChangeView.as_view(grant=True),
            name="schools_lead_grant",
        ),
        path(
            "schools/leads/<int:pk>/withdraw/",
            admin_views.LeadChangeView.as_view(grant=False),
            name="schools_lead_withdraw",
        ),
        path(
            "schools/reports/campaign/",
            admin_views.CampaignProgressReport.as_view(),
            name="schools_report_campaign",
        ),
        path(
            "schools/reports/boroughs/",
            admin_views.BoroughCoverageReport.as_view(),
            name="schools_report_boroughs",
        ),
        path(
            "schools/reports/uncovered/",
            admin_views.UncoveredReport.as_view(),
            name="schools_report_uncovered",
        ),
        path(
            "schools/reports/outreach/",
            admin_views.OutreachReport.as_view(),
            name="schools_report_outreach",
        ),
        path("schools/lead-downloads/", LeadExportLogView.as_view(), name="schools_lead_exports"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def _menu_item(label, url_name, icon, order, permission, query=""):
    def register():
        return PermissionMenuItem(
            label, reverse(url_name) + query, icon_name=icon, order=order, permission=permission
        )

    return register


# The Schools menu: each item shown to those with its permission.
for _item in (
    (_("Register imports"), "schools_gias_import", "upload", 10, admin_views.IMPORT_PERMISSION),
    (_("Lead requests"), "schools_membership:index", "user", 11, admin_views.LEAD_PERMISSION,
     "?lead_requested=true"),
    *(
        (label, url_name, icon, order, admin_views.REPORT_PERMISSION)
        for order, (label, url_name, icon) in enumerate(admin_views.REPORTS, start=20)
    ),
    # Training done elsewhere: attendance registers, and the records waiting for a decision.
    (_("Import attendance register"), "schools_register_import", "upload", 30,
     register_admin_views.REGISTER_PERMISSION),
    (_("Training done elsewhere to confirm"), "schools:external_review_all", "tick-inverse", 31,
     REVIEW_PERMISSION),
    (_("Lead downloads"), "schools_lead_exports", "download", 40, LEAD_EXPORT_PERMISSION),
):
    hooks.register(SCHOOLS_MENU_HOOK, _menu_item(*_item))


@hooks.register("construct_homepage_panels")
def register_lead_requests_panel(request, panels):
    from .admin_panels import add_lead_requests_panel

    add_lead_requests_panel(request, panels)


@hooks.register("construct_homepage_panels")
def register_campaign_dashboard_panel(request, panels):
    from .admin_panels import add_campaign_panel

    add_campaign_panel(request, panels)
