"""Whole-page cache for anonymous visitors, so a launch-day spike is served mostly from cache.

Only requests that carry no session (so no signed-in user, no messages, no per-person content)
are served from or stored in the cache, and only responses that set no cookie and embed no CSRF
token. A signed-in learner always gets a freshly rendered page, and one visitor's page is never
served to another. Entries live for PUBLIC_PAGE_CACHE_SECONDS; publishing changes clears them.

The key holds only the query parameters a public page reads (VARYING_QUERY_PARAMS): tracking tags
and anything unknown are left out, so `?utm_source=x` or `?u=123` get the one cached page instead of
a copy each. A view that starts reading a new parameter must add it there. Each path keeps at most
MAX_QUERY_VARIANTS cached variants (different searches, say); beyond that they render uncached.
While the cache is degraded (Redis unavailable, see lms/cache.py) pages render uncached.
Each language's page has its own address (/pl/...), so each is cached on its own; `?lang=` (the
language switcher) is not in the key: it names the language the address already has.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

from lms.i18n import split_language_prefix

VERSION_KEY = "cms:pagecache:version"
# Query parameters that change what a cached public page shows (site search: `q` and `page`), and
# the longest value of each that is kept (the search box reads 200 characters).
VARYING_QUERY_PARAMS = {"q": 200, "page": 10}
MAX_QUERY_VARIANTS = 50


def clear_public_page_cache() -> None:
    """Invalidate every cached public page (cheap: bumps a version number in the key)."""
    bump_version(VERSION_KEY)


def _fresh_version() -> int:
    """A version number never handed out before (microseconds since the epoch), so a version lost
    with the cache (Redis flushed or restarted) starts again from a number no key was built from:
    nothing kept under an old number, in the shared cache or in a process's memory, is read again."""
    return time.time_ns() // 1000


def bump_version(key: str) -> None:
    """Move the version number kept under `key` on, so keys built from it start afresh."""
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _fresh_version(), None)


def current_version(key: str) -> int:
    """The version number kept under `key` (a fresh one when the cache has none)."""
    version = cache.get(key)
    if version is None:
        fresh = _fresh_version()
        cache.add(key, fresh, None)
        version = cache.get(key, fresh)
    return version


def page_cache_key(request, *, version: int) -> str:
    """The cache key of a request: host, path and the varying query parameters, sorted."""
    query = []
    for name, max_length in sorted(VARYING_QUERY_PARAMS.items()):
        value = request.GET.get(name, "").strip()[:max_length]
        if value:
            query.append((name, value))
    suffix = f"?{urlencode(query)}" if query else ""
    return f"cms:page:{version}:{request.get_host()}:{request.path}{suffix}"


def _variant_allowed(request, *, version: int) -> bool:
    """Whether one more query variant of this path may be stored (the bare path always may)."""
    if not any(request.GET.get(name, "").strip() for name in VARYING_QUERY_PARAMS):
        return True
    counter = f"cms:pagevariants:{version}:{request.get_host()}:{request.path}"
    timeout = settings.PUBLIC_PAGE_CACHE_SECONDS
    if cache.add(counter, 1, timeout):
        return True
    try:
        return cache.incr(counter) <= MAX_QUERY_VARIANTS
    except ValueError:  # expired between add and incr
        return cache.add(counter, 1, timeout)


def _version() -> int:
    return current_version(VERSION_KEY)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 0)
        if not timeout or not self._cacheable_request(request):
            return self.get_response(request)
        version = _version()
        if getattr(cache, "degraded", False):  # Redis is unavailable: render, do not cache
            return self.get_response(request)
        key = page_cache_key(request, version=version)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self._cacheable_response(request, response) and _variant_allowed(request, version=version):
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
            and not split_language_prefix(request.path)[1].startswith(
                tuple(settings.PUBLIC_PAGE_CACHE_EXCLUDED_PREFIXES)
            )
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
