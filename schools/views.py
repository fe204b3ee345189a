"""Learner-facing pages: joining an institution, managing memberships, and the lead dashboard."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from lms.exports import spreadsheet_safe_row

from . import selectors, services
from .consent import lead_export_log
from .forms import InstitutionSearchForm, InvitationCodeForm, JoinForm, SharingForm
from .selectors.dashboard import staff_totals


@login_required
def my_institutions(request):
    memberships = selectors.memberships_for_user(user=request.user)
    return render(request, "schools/my_institutions.html", {"memberships": memberships})


@login_required
def join_search(request):
    form = InstitutionSearchForm(request.GET or None)
    results = None
    if form.is_valid():
        results = list(selectors.institution_search(query=form.cleaned_data["q"]))
    joined = selectors.membership_institution_ids(user=request.user)
    return render(
        request,
        "schools/join_search.html",
        {"form": form, "results": results, "joined": joined, "code_form": InvitationCodeForm()},
    )


@login_required
def invitation_code(request):
    form = InvitationCodeForm(request.GET or None)
    if form.is_valid():
        institution = selectors.institution_find_by_invitation(code=form.cleaned_data["code"])
        if institution is not None:
            return redirect("schools:invitation", code=institution.invitation_code)
        form.add_error(
            "code", gettext("No school, college or university has this code. Check it with your lead.")
        )
    return render(
        request,
        "schools/join_search.html",
        {"form": InstitutionSearchForm(), "results": None, "joined": set(), "code_form": form},
        status=200 if not form.is_bound else 400,
    )


def _join(request, *, institution, via_invitation):
    data = request.POST if request.method == "POST" else None
    form = JoinForm(data, institution=institution, via_invitation=via_invitation)
    existing = selectors.membership_get(user=request.user, institution=institution)
    if request.method == "POST" and form.is_valid():
        membership, created = services.membership_join(
            user=request.user,
            institution=institution,
            shares_completion=form.cleaned_data["shares_completion"],
            via_invitation=via_invitation,
        )
        if created and membership.shares_completion:
            message = gettext("You have joined %(name)s and are sharing your training with it.")
        elif created:
            message = gettext("You have joined %(name)s without sharing your training.")
        elif membership.shares_completion:
            message = gettext(
                "You have updated your membership of %(name)s and are sharing your training with it."
            )
        else:
            message = gettext("You have updated your membership of %(name)s without sharing your training.")
        messages.success(request, message % {"name": institution.name})
        return redirect("schools:mine")
    return render(
        request,
        "schools/join_confirm.html",
        {"institution": institution, "form": form, "via_invitation": via_invitation, "existing": existing},
    )


@login_required
def join_confirm(request, institution_id):
    institution = selectors.institution_get_joinable(institution_id=institution_id)
    return _join(request, institution=institution, via_invitation=False)


@login_required
def invitation(request, code):
    institution = selectors.institution_get_by_invitation(code=code)
    return _join(request, institution=institution, via_invitation=True)


def _own_membership(request, membership_id):
    return selectors.membership_get_own(user=request.user, membership_id=membership_id)


@login_required
@require_POST
def membership_sharing(request, membership_id):
    membership = _own_membership(request, membership_id)
    form = SharingForm(request.POST)
    if form.is_valid():
        services.membership_set_sharing(
            membership=membership, shares_completion=form.cleaned_data["shares_completion"]
        )
        if membership.shares_completion:
            message = gettext("You now share your training with %(name)s.")
        else:
            message = gettext("You no longer share your training with %(name)s.")
        messages.success(request, message % {"name": membership.institution.name})
    return redirect("schools:mine")


@login_required
@require_POST
def membership_leave(request, membership_id):
    membership = _own_membership(request, membership_id)
    name = membership.institution.name
    services.membership_leave(membership=membership)
    messages.success(request, gettext("You have left %(name)s.") % {"name": name})
    return redirect("schools:mine")


@login_required
@require_POST
def membership_request_lead(request, membership_id):
    membership = _own_membership(request, membership_id)
    services.membership_request_lead(membership=membership)
    messages.success(
        request,
        gettext(
            "Your request to be a lead for %(name)s has been sent to the programme team. We will let "
            "you know when it has been looked at."
        )
        % {"name": membership.institution.name},
    )
    return redirect("schools:mine")


def _dashboard_context(request, institution):
    rows = selectors.institution_staff_progress(institution=institution)
    campaign = selectors.campaign_for_public()
    coverage = (
        selectors.institution_coverage(institution=institution, campaign=campaign) if campaign else None
    )
    invitation_url = request.build_absolute_uri(
        reverse("schools:invitation", kwargs={"code": institution.invitation_code})
    )
    return {
        "institution": institution,
        "rows": rows,
        "totals": staff_totals(rows),
        "coverage": coverage,
        "invitation_url": invitation_url,
    }


@login_required
def lead_dashboard(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    return render(request, "schools/lead_dashboard.html", _dashboard_context(request, institution))


@login_required
def lead_dashboard_csv(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    rows = selectors.institution_staff_progress(institution=institution)
    lead_export_log(lead=request.user, institution=institution, rows=len(rows))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"staff-training-{institution.pk}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so spreadsheets read names in every script correctly
    writer = csv.writer(response)
    header = [gettext("Name"), gettext("Email"), gettext("Role"), gettext("Joined")]
    for label, _ in rows[0].progress_list() if rows else []:
        header += [
            gettext("%(programme)s: status") % {"programme": label},
            gettext("%(programme)s: course") % {"programme": label},
            gettext("%(programme)s: completed on") % {"programme": label},
        ]
    writer.writerow(spreadsheet_safe_row(header))
    for row in rows:
        line = [row.name, row.email, row.role, _day(row.joined_at)]
        for _, progress in row.progress_list():
            line += [progress.status_label, progress.course_title, _day(progress.completed_at)]
        writer.writerow(spreadsheet_safe_row(line))  # every cell: names, emails, course titles
    return response


def _day(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d}" if moment else ""


@login_required
@require_POST
def rotate_invitation(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    services.institution_rotate_invitation(institution=institution)
    messages.success(
        request, gettext("There is a new invitation link and code. The old ones no longer work.")
    )
    return redirect("schools:dashboard", institution_id=institution.pk)
