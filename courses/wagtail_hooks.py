"""Wagtail hooks for courses."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import CharField, Value
from django.dispatch import receiver
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.signals import page_published
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


@hooks.register("construct_explorer_page_queryset")
def explorer_course_title(parent_page, pages, request):
    """In the explorer, a course's modules say which course they belong to (`ModulePage.
    get_admin_display_title`) from the course already on screen, not with a query each."""
    if isinstance(parent_page, CoursePage):
        return pages.annotate(admin_course_title=Value(parent_page.title, output_field=CharField()))
    return pages


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
def _warn_about_safe_messaging(request, page):
    """Point out phrases the safe-messaging guidance asks to avoid, each with the reason. Never
    blocks: the trainer can still save and submit."""
    from .guidance import page_concerns

    for concern in page_concerns(page):
        messages.warning(
            request,
            _("Safe-messaging check: “%(phrase)s”. %(why)s") % {
                "phrase": concern.phrase, "why": concern.why
            },
        )


def _show_requested_changes(request, page):
    """When a reviewer asked for changes, the editor says so, naming the reviewer and quoting
    their comment (not the person who submitted)."""
    from wagtail.admin.templatetags.wagtailadmin_tags import user_display_name
    from wagtail.models import WorkflowState

    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    task_state = state.current_task_state
    if task_state is None or task_state.finished_by is None:
        return
    reviewer = user_display_name(task_state.finished_by)
    comment = task_state.specific.get_comment()
    if comment:
        text = _("%(reviewer)s (reviewer) asked for changes: “%(comment)s”") % {
            "reviewer": reviewer, "comment": comment
        }
    else:
        text = _("%(reviewer)s (reviewer) asked for changes, without a comment.") % {
            "reviewer": reviewer
        }
    messages.warning(request, text)


def _is_submitting(request):
    return request.method == "POST" and (
        "action-submit" in request.POST or "action-workflow-action" in request.POST
    )


@hooks.register("before_edit_page")
def check_draft_before_review(request, page):
    """Opening the editor shows the safe-messaging check of the latest draft (so a trainer sees
    it before submitting); saving a module that becomes required says whom it affects."""
    if not isinstance(page, CoursePage | ModulePage):
        return
    if request.method == "GET":
        _show_requested_changes(request, page)
        _warn_about_safe_messaging(request, page.get_latest_revision_as_object())
    elif isinstance(page, ModulePage) and request.POST.get("is_required"):
        from .authoring import learners_still_to_do

        draft = page.get_latest_revision_as_object()
        count = 0 if draft.is_required else learners_still_to_do(page)
        if count:
            messages.warning(
                request,
                ngettext(
                    "This module is now required: %(count)d learner who started the course and "
                    "has not done it will need to complete it before their course counts as "
                    "complete (once this change is published).",
                    "This module is now required: %(count)d learners who started the course and "
                    "have not done it will need to complete it before their course counts as "
                    "complete (once this change is published).",
                    count,
                ) % {"count": count},
            )


@hooks.register("after_edit_page")
def check_submitted_page(request, page):
    """A submitted page leaves the editor: the check is shown on the next screen."""
    if isinstance(page, CoursePage | ModulePage) and _is_submitting(request):
        _warn_about_safe_messaging(request, page)


@hooks.register("after_create_page")
def place_new_module(request, page):
    """A new module goes where its "position in course" says, else before the assessment."""
    if isinstance(page, ModulePage):
        from .authoring import place_module

        place_module(page, page.position)
    if isinstance(page, CoursePage | ModulePage) and _is_submitting(request):
        _warn_about_safe_messaging(request, page)


@receiver(page_published, sender=ModulePage)
def move_published_module(sender, instance, revision=None, **kwargs):
    from .authoring import apply_published_position

    apply_published_position(instance, revision)


@hooks.register("construct_page_action_menu")
def review_before_publish(menu_items, request, context):
    """On pages that go through review, "Publish" (which skips review) comes after submitting
    for review and the reviewer's actions, never as the first choice."""
    page = context.get("page")
    if page is None or page.get_workflow() is None:
        return
    publish = [item for item in menu_items if item.name == "action-publish"]
    if publish and menu_items and menu_items[0].name != "action-publish":
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"] + publish


def explorer_reorders_only_when_allowed():
    """Wagtail's page explorer shows drag handles in course order for everyone, and its script
    says "moved successfully" even when the server refused the move. Only people who may reorder
    a course's modules get the handles; the others see the order and change a module's position
    on its edit form, which goes through review."""
    from wagtail.admin.views.pages.listing import ExplorableIndexView as IndexView

    if getattr(IndexView.get_reorder_url, "checks_permission", False):
        return
    original = IndexView.get_reorder_url

    def get_reorder_url(self):
        permissions = getattr(self, "permissions", None)
        if permissions is not None and not permissions.can_reorder_children():
            return None
        return original(self)

    get_reorder_url.checks_permission = True
    IndexView.get_reorder_url = get_reorder_url


explorer_reorders_only_when_allowed()


@hooks.register("register_admin_viewset")
def register_reviewed_page_viewsets():
    from .review import ReviewedPageViewSet

    return [
        ReviewedPageViewSet("course_pages", model=CoursePage),
        ReviewedPageViewSet("course_modules", model=ModulePage),
    ]
