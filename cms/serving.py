"""Serving pages without re-reading rows that almost never change.

What Wagtail and the learner pages look up on every request and is the same for every visitor is
worked out once per version (`remember`): kept in this process's memory and in Django's cache
(shared by every web node; `lms.cache` falls back to process memory while Redis is down). A warm
page therefore reads the version numbers from Redis (one round trip), not one value per lookup:

- the `Site` a request is for (`Site.find_for_request`, one query by hostname and port), and the
  site root paths Wagtail needs for every page URL;
- which pages carry a view restriction (private, password, groups): Wagtail asks the database for
  the restrictions of the page and its ancestors on every request (`check_view_restrictions`), and
  almost no page has any. `CachedViewRestrictionsMixin` answers "none" from the remembered list
  of restricted page paths, and asks Wagtail as before for a page under a restricted one;
- and, elsewhere, the routes, outlines and rendered bodies of courses and modules (courses) and
  the helplines every page shows (cms.selectors).

The Site, the view restrictions and the helplines are remembered under a second number,
`SITE_VERSION_KEY`, which only their own changes move on (a page published does not make them be
read again); both numbers are read in one round trip.

Page types may also register a `fast_router` (see `serve`): given the request, the site, the root
path of the site in the request's language and the path components, it returns the live page at
that address in one or two indexed queries, or None to let Wagtail walk the tree as usual.

`pages_version()` is a number that changes whenever what visitors see of the page tree may have
changed (a page saved, published, unpublished, moved or deleted, or a Site changed; `CmsConfig.ready`
connects the signals): caches of live content put it in their keys, so they are never read stale
across web nodes, and need no other invalidation. Both numbers are read once per request (every
cache a request uses agrees on them) and never repeat, even after the cache is emptied
(`cms.cache.current_version`), so a process never mistakes old memory for current.
"""

import pickle
import threading
import time

from asgiref.local import Local
from django.core.cache import cache

PAGES_VERSION_KEY = "cms:pages:version"
SITE_VERSION_KEY = "cms:site:version"
VERSION_KEYS = (PAGES_VERSION_KEY, SITE_VERSION_KEY)
TIMEOUT = 3600

_fast_routers = []


def pages_version() -> int:
    """The current version of the live page tree (see the module docstring)."""
    return _version(PAGES_VERSION_KEY)


def site_version() -> int:
    """The current version of the site-wide content (Sites, view restrictions, helplines)."""
    return _version(SITE_VERSION_KEY)


def _version(key) -> int:
    """The current number under `key`, one of VERSION_KEYS. Read from the shared cache once per
    request, all of them in one round trip: every cache keyed on them during a request agrees."""
    versions = getattr(_request, "versions", None)
    if versions is None:
        versions = _read_versions()
        if getattr(_request, "serving", False):
            _request.versions = versions
    return versions[key]


def _read_versions(also=()) -> dict:
    from .cache import current_version

    values = cache.get_many([*VERSION_KEYS, *also])
    versions = {key: values.get(key) for key in VERSION_KEYS}
    for key in VERSION_KEYS:
        if versions[key] is None:
            versions[key] = current_version(key)  # none yet (or the cache was emptied): a fresh one
    if getattr(_request, "serving", False):
        _request.prefetched = {key: values.get(key) for key in also}
    return versions


# Functions giving, for a request, cache keys it will read on every page: read in the same round
# trip as the versions (`read_with_versions`, `prefetched`).
_also_read = []


def read_with_versions(keys_for_request):
    """Have the cache keys `keys_for_request(request)` names read in the same round trip as the
    versions, when a request first needs them (the header's lead link, say)."""
    if keys_for_request not in _also_read:
        _also_read.append(keys_for_request)


def _read_for_request(request):
    if getattr(_request, "versions", None) is None and getattr(_request, "serving", False):
        also = [key for keys_for in _also_read for key in keys_for(request)]
        _request.versions = _read_versions(also)


def prefetched(key):
    """`(True, value)` when `key` was read with this request's versions (value None: not in the
    cache), else `(False, None)`: read it as usual."""
    values = getattr(_request, "prefetched", None) or {}
    return (True, values[key]) if key in values else (False, None)


def forget_prefetched(key):
    """`key` changed during this request: read it again next time it is wanted."""
    values = getattr(_request, "prefetched", None)
    if values:
        values.pop(key, None)


def bump_pages_version(**kwargs):
    """The live page tree changed: every cache keyed on `pages_version()` starts afresh."""
    _bump(PAGES_VERSION_KEY)


def bump_site_version(**kwargs):
    """A Site, a view restriction or a helpline changed: what is remembered about them (`remember`
    with `scope=SITE_VERSION_KEY`) is worked out afresh."""
    _bump(SITE_VERSION_KEY)


def _bump(key):
    from .cache import bump_version

    bump_version(key)
    _request.versions = None


def request_started(**kwargs):
    """A request begins: it reads the versions afresh, once (`_version`)."""
    _request.serving = True
    _request.versions = _request.prefetched = None


def request_finished(**kwargs):
    _request.serving = False
    _request.versions = _request.prefetched = None


# The versions read for the request being served (per thread and per asyncio task).
_request = Local()


class VersionMemory:
    """Values computed for one version, kept in this process's memory. A value is stored pickled
    and unpickled on every read, so each request gets its own copy (exactly as from the shared
    cache) and nothing one request sets on an object reaches another; with `copies=False` the
    value itself is kept and handed out, for values nothing can change (tuples of strings).
    Seeing another version drops everything kept; at most `max_entries` values are kept, the
    oldest go first."""

    MAX_ENTRIES = 2000

    def __init__(self, max_entries=MAX_ENTRIES, *, copies=True):
        self.max_entries, self.copies = max_entries, copies
        self._lock = threading.Lock()
        self._version = None
        self._items = {}

    def get(self, version, key):
        entry = self._items.get(key) if version == self._version else None
        if entry is None or entry[0] < time.monotonic():
            return None
        return pickle.loads(entry[1]) if self.copies else entry[1]  # noqa: S301 (pickled below)

    def set(self, version, key, value, timeout):
        data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if self.copies else value
        with self._lock:
            if version != self._version:
                self._version, self._items = version, {}
            if len(self._items) >= self.max_entries:
                self._items.pop(next(iter(self._items)))
            self._items[key] = (time.monotonic() + timeout, data)


_memories = {key: VersionMemory() for key in VERSION_KEYS}
_NOTHING = "cms.serving:nothing"


def remember(key, compute, timeout=TIMEOUT, *, scope=PAGES_VERSION_KEY, shared=True):
    """`compute()`, worked out once per version of `scope` (the page tree unless SITE_VERSION_KEY
    is given): kept in this process's memory and (unless `shared` is False: for what depends on
    this deploy's code or templates) in the shared cache under `key` and that version, so a warm
    request reads neither Redis nor the database for it. Only for values that are the same for
    every visitor and change only with that version (the caller's key says what else they vary by:
    a language, a page, a revision). None is remembered too."""
    version = _version(scope)
    value = _memories[scope].get(version, key)
    if value is None:
        shared_key = f"{scope}:{version}:{key}"
        value = cache.get(shared_key) if shared else None
        if value is None:
            value = compute()
            value = _NOTHING if value is None else value
            if shared:
                cache.set(shared_key, value, timeout)
        _memories[scope].set(version, key, value, timeout)
    return None if value == _NOTHING else value


def site_for_request(request):
    """`Site.find_for_request(request)`, remembered per host and port; sets it on the request so
    Wagtail (and everything else that asks) reuses it, and the site root paths with it (Wagtail
    reads them for every page URL). None when no site answers the request."""
    from django.http.request import split_domain_port
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    _read_for_request(request)
    host, port = split_domain_port(request._get_raw_host())[0].lower(), request.get_port()
    site = remember(
        f"cms:site:{host}:{port}", lambda: Site._find_for_request(request), scope=SITE_VERSION_KEY
    )
    request._wagtail_site = site
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = remember(
            "cms:site-root-paths", Site.get_site_root_paths
        )
    return site


def forget_sites(**kwargs):
    """A Site changed (hostname, port, root page or default flag): look them up again, and the
    site root paths (remembered with the page tree)."""
    bump_site_version()
    bump_pages_version()


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of every page that has a view restriction (usually none)."""
    from wagtail.models import PageViewRestriction

    return remember(
        "cms:restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        scope=SITE_VERSION_KEY,
    )


def forget_restrictions(**kwargs):
    """A view restriction was added, changed or removed, or a page moved (its path changed)."""
    bump_site_version()


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
    """The tree path (`url_path`) of the site's home page in the request's language, or of the
    home page itself (in the default language) when it has no translation in that language, as
    Wagtail routes from it (`Page.localized`)."""
    from django.conf import settings
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        language = get_supported_content_language_variant(translation.get_language())
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return None
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        site_for_request(request)
    paths = {
        root.language_code: root.root_path
        for root in request._wagtail_cached_site_root_paths
        if root.site_id == site.pk
    }
    return paths.get(language) or paths.get(default)


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
