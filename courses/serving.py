"""Course and module addresses resolved without Wagtail's walk down the page tree.

A course lives at `<home>/<catalogue>/<course>/` and its modules one level down. Wagtail finds a
module by walking from the home page, one or two queries per level. Here the module and its course
are read by slug (indexed) and full `url_path` (the `url_path` of the home page in the request's
language picks the right translation, since translations share their slugs), and the result is
remembered under `cms.serving.pages_version()` (`cms.serving.remember`), which changes whenever a
page is saved, published, unpublished, moved or deleted: a warm module page needs no routing query
at all.

Only the plain case is answered here: a live page of the expected type at exactly that address
under a live course. Anything else (a draft, a translation that falls back to its English source,
an address that is not a course or module) returns None and Wagtail routes it as before, so
privacy, view restrictions (Wagtail's serve hooks still run), drafts and translations behave the
same.
"""

from cms.serving import remember

ROUTE_TIMEOUT = 600


def course_router(*, request, site, root_path, components):
    if len(components) not in (2, 3):
        return None
    url_path = root_path + "/".join(components) + "/"
    return remember(
        f"courses:route:{url_path}",
        lambda: _live_course_or_module(url_path=url_path, components=components),
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
