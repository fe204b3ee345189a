"""Serving pages without re-reading rows that almost never change.

What Wagtail and the learner pages look up on every request and is the same for every visitor is
worked out once per `pages_version()` (`remember`): kept in this process's memory and in Django's
cache (shared by every web node; `lms.cache` falls back to process memory while Redis is down).
A warm page therefore reads one number from Redis (the version), not one value per lookup:

- the `Site` a request is for (`Site.find_for_request`, one query by hostname and port), and the
  site root paths Wagtail needs for every page URL;
- which pages carry a view restriction (private, password, groups): Wagtail asks the database for
  the restrictions of the page and its ancestors on every request (`check_view_restrictions`), and
  almost no page has any. `CachedViewRestrictionsMixin` answers "none" from the remembered list
  of restricted page paths, and asks Wagtail as before for a page under a restricted one;
- and, elsewhere, the routes, outlines and rendered bodies of courses and modules (courses) and
  the helplines every page shows (cms.selectors).

Page types may also register a `fast_router` (see `serve`): given the request, the site, the root
path of the site in the request's language and the path components, it returns the live page at
that address in one or two indexed queries, or None to let Wagtail walk the tree as usual.

`pages_version()` is a number that changes whenever what visitors see of the site may have
changed (a page saved, published, unpublished, moved or deleted; a Site, a view restriction or a
helpline changed; `CmsConfig.ready` connects the signals): caches of live content put it in their
keys, so they are never read stale across web nodes, and need no other invalidation. It is read
once per request (every cache a request uses agrees on it) and never repeats, even after the cache
is emptied (`cms.cache.current_version`), so a process never mistakes old memory for current.
"""

import pickle
import threading
import time

from asgiref.local import Local
from django.core.cache import cache

PAGES_VERSION_KEY = "cms:pages:version"
TIMEOUT = 3600

_fast_routers = []


def pages_version() -> int:
    """The current version of the live page tree (see the module docstring). Read from the
    shared cache once per request: every cache keyed on it during a request agrees on it."""
    version = getattr(_request, "pages_version", None)
    if version is None:
        from .cache import current_version

        version = current_version(PAGES_VERSION_KEY)
        if getattr(_request, "serving", False):
            _request.pages_version = version
    return version


def bump_pages_version(**kwargs):
    """The live page tree changed: every cache keyed on `pages_version()` starts afresh."""
    from .cache import bump_version

    bump_version(PAGES_VERSION_KEY)
    _request.pages_version = None


def request_started(**kwargs):
    """A request begins: it reads the pages version afresh, once (`pages_version`)."""
    _request.serving = True
    _request.pages_version = None


def request_finished(**kwargs):
    _request.serving = False
    _request.pages_version = None


# The pages version of the request being served (per thread and per asyncio task).
_request = Local()


class _VersionMemory:
    """Values computed for one pages version, kept in this process's memory. A value is stored
    pickled and unpickled on every read, so each request gets its own copy (exactly as from the
    shared cache) and nothing one request sets on an object reaches another. Seeing another
    version drops everything kept; at most MAX_ENTRIES values are kept, the oldest go first."""

    MAX_ENTRIES = 2000

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._items = {}

    def get(self, version, key):
        entry = self._items.get(key) if version == self._version else None
        if entry is None or entry[0] < time.monotonic():
            return None
        return pickle.loads(entry[1])  # noqa: S301 (pickled by this process, below)

    def set(self, version, key, value, timeout):
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with self._lock:
            if version != self._version:
                self._version, self._items = version, {}
            if len(self._items) >= self.MAX_ENTRIES:
                self._items.pop(next(iter(self._items)))
            self._items[key] = (time.monotonic() + timeout, data)

    def clear(self):
        with self._lock:
            self._version, self._items = None, {}


_memory = _VersionMemory()
_NOTHING = "cms.serving:nothing"


def remember(key, compute, timeout=TIMEOUT):
    """`compute()`, worked out once per pages version: kept in this process's memory and in the
    shared cache under `key` and the current `pages_version()`, so a warm request reads neither
    Redis nor the database for it. Only for values that are the same for every visitor and change
    only with the pages version (the caller's key says what else they vary by: a language, a
    page, a revision). None is remembered too."""
    version = pages_version()
    value = _memory.get(version, key)
    if value is None:
        shared_key = f"cms:v{version}:{key}"
        value = cache.get(shared_key)
        if value is None:
            value = compute()
            value = _NOTHING if value is None else value
            cache.set(shared_key, value, timeout)
        _memory.set(version, key, value, timeout)
    return None if value == _NOTHING else value


def site_for_request(request):
    """`Site.find_for_request(request)`, remembered per host and port; sets it on the request so
    Wagtail (and everything else that asks) reuses it, and the site root paths with it (Wagtail
    reads them for every page URL). None when no site answers the request."""
    from django.http.request import split_domain_port
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host, port = split_domain_port(request._get_raw_host())[0].lower(), request.get_port()
    site = remember(f"cms:site:{host}:{port}", lambda: Site._find_for_request(request))
    request._wagtail_site = site
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = remember(
            "cms:site-root-paths", Site.get_site_root_paths
        )
    return site


def forget_sites(**kwargs):
    """A Site changed (hostname, port, root page or default flag): look them up again."""
    bump_pages_version()


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of every page that has a view restriction (usually none)."""
    from wagtail.models import PageViewRestriction

    return remember(
        "cms:restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def forget_restrictions(**kwargs):
    """A view restriction was added, changed or removed, or a page moved (its path changed)."""
    bump_pages_version()


class CachedViewRestrictionsMixin:
    """For a Page type: no query for its view restrictions when no restricted page is above it."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and not self.path.startswith(restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def register_fast_router(router):
    if router not in _fast_routers:
        _fast_routers.append(router)


def _root_path(request, site):
    """The tree path (`url_path`) of the page Wagtail routes the request from: the site's home
    page in the request's language (`Page.localized`: its live translation, else the home page
    itself), remembered per site and language."""
    from django.utils import translation

    return remember(
        f"cms:routing-root:{site.pk}:{translation.get_language()}",
        lambda: site.root_page.localized.url_path,
    )


def serve(request, path):
    """Wagtail's page view, routed by the registered fast routers when one knows the address."""
    from wagtail import views
    from wagtail.url_routing import RouteResult

    site = site_for_request(request)
    if site is not None and _fast_routers and not hasattr(request, "_wagtail_route_for_request"):
        components = [component for component in path.split("/") if component]
        root = _root_path(request, site) if components else None
        for router in _fast_routers if root else ():
            page = router(request=request, site=site, root_path=root, components=components)
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
                break
    return views.serve(request, path)
