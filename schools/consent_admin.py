"""Programme staff's view of the leads' staff-list downloads (who, when, which institution)."""

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import LeadExport

LEAD_EXPORT_PERMISSION = "schools.view_leadexport"


class LeadExportLogView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "schools/admin/lead_exports.html"
    page_title = _("Lead downloads")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(LEAD_EXPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        rows = LeadExport.objects.select_related("lead", "institution")
        page = Paginator(rows, 100).get_page(self.request.GET.get("p"))
        return super().get_context_data(page=page, **kwargs)
