"""Wagtail hooks for courses."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ConfidenceCheck, CoursePage, ModulePage


@hooks.register("before_serve_page")
def modules_require_sign_in(page, request, serve_args, serve_kwargs):
    """Course pages are public; module pages need a signed-in learner, who comes back here after
    signing in (or signing up). Trainers' previews are not served through this hook."""
    if isinstance(page, ModulePage) and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


@hooks.register("register_admin_urls")
def register_courses_admin_urls():
    from .admin_views import TranslationStatusReport

    return [
        path(
            "courses/reports/translations/",
            TranslationStatusReport.as_view(),
            name="courses_report_translations",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Course translations"), reverse("courses_report_translations"),
        icon_name="globe", order=890,
    )


@hooks.register("before_edit_page", order=-1)
def warn_when_translation_is_out_of_date(request, page):
    """In the editor (wagtail-localize's translation editor included), say when the English this
    page translates was published after the translation last was."""
    from .translation_status import page_translation_is_out_of_date

    if (
        request.method == "GET"
        and isinstance(page, CoursePage | ModulePage)
        and page_translation_is_out_of_date(page=page)
    ):
        messages.warning(
            request,
            _(
                "This translation is out of date: the English page was published after it. "
                "Sync it with the English, translate what changed and publish it."
            ),
        )


# --- The confidence check: trainers write it as a snippet; evaluators read the report -------------


class ConfidenceCheckViewSet(SnippetViewSet):
    model = ConfidenceCheck
    icon = "help"
    menu_label = gettext_lazy("Confidence checks")
    list_display = ["course", "live"]


register_snippet(ConfidenceCheckViewSet)


@hooks.register("register_admin_urls")
def register_confidence_report_url():
    from .confidence_admin import ConfidenceReportView

    return [
        path(
            "courses/reports/confidence/", ConfidenceReportView.as_view(), name="courses_report_confidence"
        )
    ]


class _ConfidenceReportMenuItem(MenuItem):
    def is_shown(self, request):
        from .confidence_admin import REPORT_PERMISSION

        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_confidence_report_menu_item():
    return _ConfidenceReportMenuItem(
        gettext_lazy("Confidence before and after"), reverse("courses_report_confidence"),
        icon_name="help", order=891,
    )
