"""Course and module addresses resolved without Wagtail's walk down the page tree.

A course lives at `<home>/<catalogue>/<course>/` and its modules one level down. Wagtail finds a
module by walking from the home page, one or two queries per level. Here the module and its course
are read by slug (indexed) and full `url_path` (the `url_path` of the home page in the request's
language picks the right translation, since translations share their slugs), and the result is
remembered under `cms.serving.pages_version()` (`cms.serving.remember`), which changes whenever a
page is saved, published, unpublished, moved or deleted: a warm module page needs no routing query
at all.

Two cases are answered here: a live page of the expected type at exactly that address under a
live course, and a course or module with no live translation in the request's language, which
Wagtail shows in English under that language's address (found once by Wagtail's own routing and
remembered the same way). Anything else (a draft, an address that is not a course or module, a
404) returns None and Wagtail routes it as before, so privacy, view restrictions (Wagtail's serve
hooks still run for every page), drafts and translations behave the same.
"""

from cms.serving import remember

ROUTE_TIMEOUT = 600


def course_router(*, request, site, root_path, components):
    if len(components) not in (2, 3):
        return None
    url_path = root_path + "/".join(components) + "/"
    return remember(
        f"courses:route:{url_path}",
        lambda: _live_course_or_module(url_path=url_path, components=components)
        or _english_fallback(request=request, site=site, components=components),
        ROUTE_TIMEOUT,
    )


def _live_course_or_module(*, url_path, components):
    from .models import CoursePage, ModulePage

    model = ModulePage if len(components) == 3 else CoursePage
    page = model.objects.filter(slug=components[-1], url_path=url_path).first()
    if page is None or not page.live:
        return None
    if model is ModulePage:
        course_path = url_path[: -len(components[-1]) - 1]
        course = CoursePage.objects.filter(slug=components[-2], url_path=course_path).first()
        if course is None or not course.live or not page.path.startswith(course.path):
            return None
        page._cached_parent_obj = course
    return page


def _english_fallback(*, request, site, components):
    """The page Wagtail serves at an address with no live page in the request's language: a course
    or module with no live translation yet falls back to its English source (`route_to_child`).
    Found by Wagtail's own routing from the site's home page in that language, so the answer is
    exactly what Wagtail would serve; None for anything but a live course or module page (a 404
    included), which Wagtail then routes as usual."""
    from django.http import Http404

    from .models import CoursePage, ModulePage

    model = ModulePage if len(components) == 3 else CoursePage
    try:
        page, args, kwargs = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    if type(page) is not model or args or kwargs or not page.live:
        return None
    if model is ModulePage and not isinstance(getattr(page, "_cached_parent_obj", None), CoursePage):
        page._cached_parent_obj = page.course  # its own (English) course, as `course` would find
    return page
