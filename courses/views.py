"""Learner actions on courses (start, mark a module complete, submit answers) and My learning.
Thin: they parse the request, call one service or selector and choose a response. Results of an
assessment are shown on the module page itself (`?attempt=<id>`, the learner's own only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.serving import site_for_request
from lms.redirects import safe_next

from . import confidence, progress_selectors, services
from .confidence_views import confidence_url
from .grading import GradingError, answers_from_post
from .models import CoursePage, ModulePage
from .models.confidence import Phase


def _course_and_module(course_id, module_id):
    course = get_object_or_404(CoursePage, pk=course_id)
    module = get_object_or_404(ModulePage, pk=module_id)
    return course, module


def _sign_in_first(request, module):
    """A visitor who is not signed in is sent to sign in and back (a module that is not published
    is a 404 for them as for everyone)."""
    if not module.live:
        raise Http404("No such module")
    return redirect_to_login(module.get_url(request))


def _congratulate(request, course):
    messages.success(
        request,
        _("You have completed %(course)s. Well done. Your certificate will appear in My learning shortly.")
        % {"course": course.title},
    )


@require_POST
def enrollment_start(request, course_id):
    course = get_object_or_404(CoursePage, pk=course_id)
    if not course.live:
        raise Http404("No such course")
    if not request.user.is_authenticated:
        return redirect_to_login(course.get_url(request))
    enrollment = services.enrollment_start(user=request.user, course=course)
    progress = progress_selectors.progress_by_course(user=request.user, courses=[course], request=request)
    first = progress[course.pk].next_module
    target = first.url if first else course.get_url(request)
    return redirect(confidence_before_first_module(course=course, enrollment=enrollment, target=target))


def confidence_before_first_module(*, course, enrollment, target) -> str:
    """Where starting a course goes: the optional confidence check first, if the course has one
    the learner has not been offered yet (it leads on to `target`), else `target`."""
    if confidence.check_for_course(course) and confidence.offer_is_due(
        enrollment=enrollment, phase=Phase.BEFORE
    ):
        return confidence_url(course=course, phase=Phase.BEFORE, next_url=target)
    return target


@require_POST
def module_complete(request, course_id, module_id):
    course, module = _course_and_module(course_id, module_id)
    if not request.user.is_authenticated:
        return _sign_in_first(request, module)
    completion = services.module_complete(user=request.user, course=course, module=module)
    if completion.course_completed_now:
        _congratulate(request, course)
        return redirect("courses:my_learning")
    messages.success(request, _("“%(module)s” is marked as complete.") % {"module": module.title})
    return redirect(safe_next(request, module.get_url(request)))


@require_POST
def quiz_submit(request, course_id, module_id):
    course, module = _course_and_module(course_id, module_id)
    if not request.user.is_authenticated:
        return _sign_in_first(request, module)
    answers = answers_from_post(request.POST)
    try:
        attempt_number = int(request.POST.get("attempt", ""))
    except ValueError:
        attempt_number = None
    try:
        submission = services.quiz_submit(
            user=request.user, course=course, module=module, answers=answers,
            attempt_number=attempt_number,
        )
    except GradingError as exc:
        # Show the assessment again with the learner's choices kept and each problem named.
        context = module.get_context(request)
        context.update(grading_errors=exc.message_dict, submitted_answers=answers)
        return TemplateResponse(request, module.get_template(request), context, status=400)
    if submission.course_completed_now:
        _congratulate(request, course)
    return redirect(f"{module.get_url(request)}?attempt={submission.attempt.pk}#results")


@login_required
def my_learning(request):
    site_for_request(request)  # the course links need the site: from the cache, not a query
    learning = progress_selectors.my_learning(user=request.user, request=request)
    confidence_due = [
        {"course": due["course"], "url": confidence_url(
            course=due["course"], phase=due["phase"], next_url=reverse("courses:my_learning")
        )}
        for due in confidence.after_checks_due(user=request.user, enrollments=learning.enrollments)
    ]
    return TemplateResponse(
        request, "courses/my_learning.html", {"learning": learning, "confidence_due": confidence_due}
    )
