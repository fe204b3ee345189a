"""Pages for training done elsewhere: a learner adds a record; leads and programme staff decide;
the evidence is downloaded only by those allowed to see it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import external, selectors
from .external_forms import ExternalDecisionForm, ExternalRecordForm
from .models import ExternalRecord, Membership


@login_required
def external_add(request):
    form = ExternalRecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        external.external_record_add(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            gettext(
                "Your training is saved and is waiting for confirmation. We will email you when it "
                "is decided."
            ),
        )
        return redirect("courses:my_learning")
    status = 400 if form.is_bound else 200
    return render(request, "schools/external/add.html", {"form": form}, status=status)


def _visible_or_404(request, pk) -> ExternalRecord:
    record = ExternalRecord.objects.select_related("training", "user").filter(pk=pk).first()
    if record is None or not external.external_record_visible(record=record, user=request.user):
        raise Http404("No such record")
    return record


@login_required
@never_cache
def external_evidence(request, pk):
    record = _visible_or_404(request, pk)
    if not record.evidence:
        raise Http404("No evidence")
    extension = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}.get(
        record.evidence_type, "bin"
    )
    response = FileResponse(
        record.evidence.open("rb"),
        as_attachment=True,
        filename=f"evidence-{record.pk}.{extension}",
        content_type=record.evidence_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _review_page(request, *, records, institution=None):
    forms = [(record, ExternalDecisionForm(prefix=f"r{record.pk}")) for record in records]
    return render(request, "schools/external/review.html", {"institution": institution, "forms": forms})


@login_required
def external_review_institution(request, institution_id):
    """A lead's list: records of staff who share with the institution, waiting for a decision."""
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    records = external.external_records_to_review(institution=institution)
    return _review_page(request, records=records, institution=institution)


@login_required
def external_review_all(request):
    """Programme staff's list: every record waiting for a decision."""
    if not request.user.has_perm(external.REVIEW_PERMISSION):
        raise Http404
    return _review_page(request, records=external.external_records_to_review(staff=True))


@login_required
@require_POST
def external_decide(request, pk):
    record = _visible_or_404(request, pk)
    if not external.external_record_may_decide(record=record, user=request.user):
        raise Http404("No such record")
    form = ExternalDecisionForm(request.POST, prefix=f"r{record.pk}")
    back = request.POST.get("institution")
    if not form.is_valid():
        return render(
            request,
            "schools/external/decide.html",
            {"record": record, "form": form, "institution_id": back},
            status=400,
        )
    changed = external.external_record_decide(
        record=record,
        by=request.user,
        confirm=form.cleaned_data["decision"] == "confirm",
        reason=form.cleaned_data["reason"],
    )
    if not changed:
        messages.info(request, gettext("This record had already been decided; nothing was changed."))
    elif record.status == ExternalRecord.Status.CONFIRMED:
        messages.success(request, gettext("Confirmed. The learner has been told."))
    else:
        messages.success(request, gettext("Declined. The learner has been told why."))
    if back and back.isdigit():
        return redirect("schools:external_review", institution_id=int(back))
    return redirect("schools:external_review_all")


@login_required
@require_POST
def membership_confirm(request, institution_id, membership_id):
    """A lead confirms that a self-declared member works at their institution."""
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    membership = get_object_or_404(
        Membership, pk=membership_id, institution=institution, shares_completion=True
    )
    external.membership_confirm(membership=membership)
    messages.success(request, gettext("Membership confirmed."))
    return redirect("schools:dashboard", institution_id=institution.pk)
