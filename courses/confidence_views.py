"""The learner's side of the confidence check: shown once before the first module and once after
completing the course, always skippable, never in the way of the course."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.redirects import safe_next

from . import confidence
from .confidence_forms import ConfidenceForm
from .models import CoursePage, Enrollment
from .models.confidence import Phase
from .translations import source_page


def confidence_url(*, course, phase, next_url) -> str:
    return reverse("courses:confidence", args=[course.pk, phase]) + "?" + urlencode({"next": next_url})


@login_required
def confidence_form(request, course_id, phase):
    course = get_object_or_404(CoursePage, pk=course_id, live=True)
    if phase not in Phase.values:
        raise Http404("No such questionnaire")
    check = confidence.check_for_course(course)
    enrollment = Enrollment.objects.filter(user=request.user, course=source_page(course)).first()
    default_next = reverse("courses:my_learning") if phase == Phase.AFTER else course.get_url(request)
    next_url = safe_next(request, default_next)
    if check is None or not confidence.offer_is_due(enrollment=enrollment, phase=phase):
        return redirect(next_url)  # offered once only; never in the way of the course

    statements = confidence.check_statements(check)
    form = ConfidenceForm(request.POST or None, statements=statements)
    if request.method == "POST":
        skipped = "skip" in request.POST
        if not skipped and not form.is_valid():
            context = {"form": form, "course": course, "phase": phase, "next_url": next_url}
            return TemplateResponse(request, "courses/confidence_form.html", context, status=400)
        answers = {} if skipped else form.answers()
        cookie = confidence.pair_cookie_name(check)
        token = None
        if phase == Phase.AFTER:
            token = request.get_signed_cookie(cookie, default=None, salt=confidence.PAIR_COOKIE_SALT)
        token = token or confidence.new_pair_token()
        stored = confidence.confidence_record(
            user=request.user, course=course, phase=phase, answers=answers, pair_token=token
        )
        response = redirect(next_url)
        if stored and answers:
            messages.success(request, _("Thank you. Your answers were saved without your name."))
            if phase == Phase.BEFORE:
                response.set_signed_cookie(
                    cookie, token, salt=confidence.PAIR_COOKIE_SALT,
                    max_age=confidence.PAIR_COOKIE_MAX_AGE, secure=request.is_secure(),
                    httponly=True, samesite="Lax",
                )
        if phase == Phase.AFTER:
            response.delete_cookie(cookie, samesite="Lax")
        return response
    context = {"form": form, "course": course, "phase": phase, "next_url": next_url}
    return TemplateResponse(request, "courses/confidence_form.html", context)
