"""A panel on the Wagtail admin dashboard: the public campaign's figures and links to the reports,
for programme staff who may see the reports."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .admin_views import LEAD_PERMISSION, REPORT_PERMISSION, REPORTS
from .models import Membership
from .selectors import campaign_for_public, campaign_summary


class CampaignDashboardPanel(Component):
    name = "campaign_figures"
    order = 50
    template_name = "schools/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        campaign = campaign_for_public()
        return {
            "summary": campaign_summary(campaign=campaign) if campaign else None,
            "reports": [(label, reverse(url_name)) for label, url_name, _icon in REPORTS],
        }


def add_campaign_panel(request, panels):
    if request.user.has_perm(REPORT_PERMISSION):
        panels.append(CampaignDashboardPanel())


class LeadRequestsPanel(Component):
    """How many people are waiting for a decision on being a lead, linked to the list of them."""

    name = "lead_requests"
    order = 40
    template_name = "schools/admin/lead_requests_panel.html"

    def get_context_data(self, parent_context):
        return {
            "waiting": Membership.objects.filter(lead_requested_at__isnull=False).count(),
            "url": reverse("schools_membership:index") + "?lead_requested=true",
        }


def add_lead_requests_panel(request, panels):
    if request.user.has_perm(LEAD_PERMISSION):
        panels.append(LeadRequestsPanel())
