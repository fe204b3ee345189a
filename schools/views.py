"""Learner-facing pages: joining an institution, managing memberships, and the lead dashboard."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from lms.exports import spreadsheet_safe_row

from . import invitations, selectors, services
from .consent import lead_export_log
from .forms import (
    InstitutionSearchForm,
    InvitationCodeForm,
    JoinForm,
    SharingForm,
    StaffInviteForm,
    StaffTotalForm,
    StatusFilterForm,
)
from .selectors import leads
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


def invitation(request, code):
    if selectors.institution_find_by_invitation(code=code) is None:
        retired = leads.retired_invitation(code=code)
        if retired is not None:  # an old link: say so, and who to ask, rather than "not found"
            return render(
                request, "schools/invitation_replaced.html", {"institution": retired.institution}, status=410
            )
    return _invitation_join(request, code=code)


@login_required
def _invitation_join(request, code):
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


def _dashboard_context(request, institution, **forms):
    rows = selectors.institution_staff_progress(institution=institution)
    campaign = selectors.campaign_for_public()
    coverage = (
        selectors.institution_coverage(institution=institution, campaign=campaign) if campaign else None
    )
    invitation_url = request.build_absolute_uri(
        reverse("schools:invitation", kwargs={"code": institution.invitation_code})
    )
    totals = staff_totals(rows)
    overview = leads.staff_overview(institution=institution, rows=rows, campaign=campaign)
    filter_form = StatusFilterForm(request.GET or None)
    chosen = filter_form.cleaned_data if filter_form.is_valid() else {}
    trained = coverage["trained"] if coverage else max(
        (p["completed"] for p in totals["programmes"]), default=0
    )
    return {
        "institution": institution,
        "rows": rows,
        "totals": totals,
        "coverage": coverage,
        "campaign": campaign,
        "invitation_url": invitation_url,
        "overview": leads.staff_overview_sorted(
            overview, sort=chosen.get("sort") or "name", status=chosen.get("status") or ""
        ),
        "overview_count": len(overview),
        "remindable": [row for row in overview if row.reminder_due],
        "filter_form": filter_form,
        "invite_form": forms.get("invite_form") or StaffInviteForm(),
        "staff_total_form": forms.get("staff_total_form")
        or StaffTotalForm(initial={"staff_total": institution.staff_total}),
        "trained": trained,
        "percent_trained": leads.percent_trained(trained=trained, staff_total=institution.staff_total),
        "current_explained": leads.current_explained(campaign=campaign),
        "external": selectors.external_decisions_for_lead(institution=institution),
    }


@login_required
def lead_dashboard(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    return render(request, "schools/lead_dashboard.html", _dashboard_context(request, institution))


@login_required
@require_POST
def invite_staff(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    form = StaffInviteForm(request.POST, request.FILES)
    if not form.is_valid():
        context = _dashboard_context(request, institution, invite_form=form)
        return render(request, "schools/lead_dashboard.html", context, status=400)
    parsed = form.cleaned_data["parsed"]
    result = invitations.staff_invite(
        institution=institution,
        lead=request.user,
        addresses=parsed.valid,
        language=getattr(request, "LANGUAGE_CODE", ""),
    )
    if result.invited:
        messages.success(
            request,
            ngettext(
                "An invitation was sent to %(count)d address.",
                "Invitations were sent to %(count)d addresses.",
                len(result.invited),
            )
            % {"count": len(result.invited)},
        )
    if result.already_invited:
        messages.info(
            request,
            gettext("Already invited, not sent again: %(list)s. Use “Send reminders” instead.")
            % {"list": ", ".join(result.already_invited)},
        )
    if result.already_members:
        messages.info(
            request,
            gettext("Already members, not invited: %(list)s.") % {"list": ", ".join(result.already_members)},
        )
    if parsed.invalid:
        messages.warning(
            request,
            gettext("These are not email addresses and were left out: %(list)s.")
            % {"list": ", ".join(parsed.invalid[:20])},
        )
    if parsed.too_many:
        messages.warning(
            request,
            gettext("Only the first %(count)d addresses were used; send the rest separately.")
            % {"count": invitations.MAX_ADDRESSES},
        )
    return redirect(reverse("schools:dashboard", args=[institution.pk]) + "#people-heading")


@login_required
@require_POST
def remind_staff(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    ids = [value for value in request.POST.getlist("invitation") if value.isdigit()]
    result = invitations.staff_invitation_remind(
        institution=institution, lead=request.user, invitation_ids=ids
    )
    if result.sent:
        messages.success(
            request,
            ngettext("%(count)d reminder was sent.", "%(count)d reminders were sent.", result.sent)
            % {"count": result.sent},
        )
    if result.too_soon:
        messages.info(
            request,
            ngettext(
                "%(count)d person was emailed in the last 7 days and was not reminded again.",
                "%(count)d people were emailed in the last 7 days and were not reminded again.",
                result.too_soon,
            )
            % {"count": result.too_soon},
        )
    if not ids:
        messages.info(request, gettext("Nobody was chosen, so no reminder was sent."))
    return redirect(reverse("schools:dashboard", args=[institution.pk]) + "#people-heading")


@login_required
@require_POST
def staff_total(request, institution_id):
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    form = StaffTotalForm(request.POST)
    if not form.is_valid():
        context = _dashboard_context(request, institution, staff_total_form=form)
        return render(request, "schools/lead_dashboard.html", context, status=400)
    invitations.institution_set_staff_total(
        institution=institution, staff_total=form.cleaned_data["staff_total"]
    )
    messages.success(request, gettext("The number of staff was saved."))
    return redirect(reverse("schools:dashboard", args=[institution.pk]) + "#summary-heading")


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
    campaign = selectors.campaign_for_public()
    header = [gettext("Name"), gettext("Email"), gettext("Role"), gettext("Joined")]
    for label, _ in rows[0].progress_list() if rows else []:
        header += [
            gettext("%(programme)s: status") % {"programme": label},
            gettext("%(programme)s: course") % {"programme": label},
            gettext("%(programme)s: completed on") % {"programme": label},
            gettext("%(programme)s: certificate counts until") % {"programme": label},
        ]
    writer.writerow(spreadsheet_safe_row(header))
    for row in rows:
        line = [row.name, row.email, row.role, _day(row.joined_at)]
        for _, progress in row.progress_list():
            expires = leads.certificate_expires_on(completed_at=progress.completed_at, campaign=campaign)
            line += [
                progress.status_label,
                progress.course_title,
                _day(progress.completed_at),
                f"{expires:%Y-%m-%d}" if expires else "",
            ]
        writer.writerow(spreadsheet_safe_row(line))  # every cell: names, emails, course titles
    return response


def _day(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d}" if moment else ""


@login_required
def rotate_invitation(request, institution_id):
    """GET: ask to confirm (people holding the old link will need the new one); POST: replace it."""
    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    if request.method != "POST":
        return render(request, "schools/invitation_rotate_confirm.html", {"institution": institution})
    services.institution_rotate_invitation(institution=institution)
    messages.success(
        request,
        gettext(
            "There is a new invitation link and code. The old ones no longer work: anyone who follows "
            "the old link is told to ask you for the new one."
        ),
    )
    return redirect("schools:dashboard", institution_id=institution.pk)


@login_required
@require_POST
def coverage_summary_pdf(request, institution_id):
    """Print the coverage summary: the figures are recorded, so its verify link shows them."""
    from .summary import coverage_summary_create, render_summary_pdf

    institution = selectors.institution_for_lead(user=request.user, institution_id=institution_id)
    rows = selectors.institution_staff_progress(institution=institution)
    campaign = selectors.campaign_for_public()
    coverage = (
        selectors.institution_coverage(institution=institution, campaign=campaign) if campaign else None
    )
    summary = coverage_summary_create(
        institution=institution, lead=request.user, rows=rows, coverage=coverage
    )
    response = HttpResponse(render_summary_pdf(summary=summary), content_type="application/pdf")
    filename = f"staff-training-summary-{institution.pk}-{timezone.localdate():%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def summary_verify(request, code):
    """Public: the aggregates a printed summary showed (404 for an unknown code)."""
    from django.shortcuts import get_object_or_404

    from .models import CoverageSummary

    summary = get_object_or_404(CoverageSummary.objects.select_related("institution"), code=code)
    return render(request, "schools/summary_verify.html", {"summary": summary})
