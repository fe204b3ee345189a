"""Programme staff's view of the leads' staff-list downloads (who, when, which institution)."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import LeadExport

LEAD_EXPORT_PERMISSION = "schools.view_leadexport"


class LeadExportLogView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission_required = LEAD_EXPORT_PERMISSION
    raise_exception = True
    template_name = "schools/admin/lead_exports.html"
    page_title = _("Lead downloads")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        rows = LeadExport.objects.select_related("lead", "institution")
        page = Paginator(rows, 100).get_page(self.request.GET.get("p"))
        return super().get_context_data(page=page, **kwargs)
