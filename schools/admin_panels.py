"""A panel on the Wagtail admin dashboard: the public campaign's figures and links to the reports,
for programme staff who may see the reports."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .admin_views import REPORT_PERMISSION, REPORTS
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
