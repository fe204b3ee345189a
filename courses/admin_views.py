"""Admin screens for courses: the translation-status report (course x language)."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .translation_status import translation_status_by_course


class TranslationStatusReport(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Course translations")
    header_icon = "globe"
    template_name = "courses/admin/translation_status.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = translation_status_by_course()
        context["rows"] = rows
        context["languages"] = [(c.language_code, c.language_name) for c in rows[0].cells] if rows else []
        return context
