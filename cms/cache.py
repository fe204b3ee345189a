"""Whole-page cache for anonymous visitors, so a launch-day spike is served mostly from cache.

Only requests that carry no session (so no signed-in user, no messages, no per-person content)
are served from or stored in the cache, and only responses that set no cookie and embed no CSRF
token. A signed-in learner always gets a freshly rendered page, and one visitor's page is never
served to another. Entries live for PUBLIC_PAGE_CACHE_SECONDS; publishing changes clears them.
The key is the full address, so each language's page (/pl/...) is cached on its own.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from lms.i18n import split_language_prefix

VERSION_KEY = "cms:pagecache:version"
EXCLUDED_PREFIXES = (
    "/admin/", "/accounts/", "/healthz", "/my-learning", "/certificates/", "/schools/",
    "/documents/", "/static/", "/media/", "/learning/",
)


def clear_public_page_cache() -> None:
    """Invalidate every cached public page (cheap: bumps a version number in the key)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return version


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0)
        if not timeout or not self._cacheable_request(request):
            return self.get_response(request)
        key = f"cms:page:{_version()}:{request.get_host()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            cache.set(key, response, timeout)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not split_language_prefix(request.path)[1].startswith(EXCLUDED_PREFIXES)
        )

    @staticmethod
    def _cacheable_response(request, response):
        if response.status_code != 200 or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page embeds a CSRF token
            return False
        session = getattr(request, "session", None)
        if session is not None and (session.modified or not session.is_empty()):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "")
        return not any(word in cache_control for word in ("private", "no-cache", "no-store"))
