"""Reviewing course changes: what "Compare with previous version" compares against.

A resubmission, an autosave or a second click can create a revision identical to the one before
it, and Wagtail then compares the two and shows "no differences". For course and module pages the
comparison instead starts from the version the reviewer last decided on, else the version last
submitted for review, else the latest earlier version that differs at all."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Revision, TaskState


def comparison_candidates(*, page, before: Revision, user):
    """Earlier revisions of `page` to compare `before` with, best first, each with why."""
    revisions = Revision.page_revisions.filter(object_id=str(page.pk), pk__lt=before.pk)
    task_states = TaskState.objects.filter(revision__in=revisions).order_by("-revision_id")
    reviewed = task_states.filter(finished_by=user).select_related("revision").first()
    if reviewed is not None:
        yield reviewed.revision, _("the version you last reviewed")
    submitted = task_states.select_related("revision").first()
    if submitted is not None:
        yield submitted.revision, _("the version last submitted for review")
    for revision in revisions.order_by("-pk")[:50]:
        yield revision, _("the latest earlier version with changes")


class ReviewCompareView(RevisionsCompareView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["comparison"] or not str(self.revision_id_b).isdigit():
            return context
        later = self.object.revisions.filter(pk=self.revision_id_b).first()
        if later is None:
            return context
        for revision, why in comparison_candidates(
            page=self.object, before=later, user=self.request.user
        ):
            earlier = revision.as_object()
            comparison = self._get_comparison(earlier, context["revision_b"])
            if comparison:
                messages.info(
                    self.request,
                    _(
                        "The previous version was identical, so this compares with %(why)s "
                        "(saved %(when)s)."
                    ) % {"why": why, "when": revision.created_at.strftime("%d %b %Y %H:%M")},
                )
                context.update(revision_a=earlier, comparison=comparison)
                break
        return context


class ReviewedPageViewSet(PageViewSet):
    revisions_compare_view_class = ReviewCompareView
