"""Serving pages without re-reading rows that almost never change.

Two lookups Wagtail makes on every page request are kept in Django's cache (shared by every web
node; `lms.cache` falls back to process memory while Redis is down) and forgotten whenever their
rows change (`CmsConfig.ready`):

- the `Site` a request is for (`Site.find_for_request`, one query by hostname and port);
- which pages carry a view restriction (private, password, groups): Wagtail asks the database for
  the restrictions of the page and its ancestors on every request (`check_view_restrictions`), and
  almost no page has any. `CachedViewRestrictionsMixin` answers "none" from the cached list of
  restricted page paths, and asks Wagtail as before for a page under a restricted one.

Page types may also register a `fast_router` (see `serve`): given the request, the site, the root
path of the site in the request's language and the path components, it returns the live page at
that address in one or two indexed queries, or None to let Wagtail walk the tree as usual.

`pages_version()` is a number that changes whenever what visitors see of the page tree may have
changed (a page published, unpublished, moved or deleted): caches of live page content put it in
their keys, so they are never read stale across web nodes, and need no other invalidation.
"""

from django.core.cache import cache

SITES_KEY = "cms:sites:v1"
RESTRICTED_PATHS_KEY = "cms:restricted-paths:v1"
PAGES_VERSION_KEY = "cms:pages:version"
TIMEOUT = 3600

_fast_routers = []


def site_for_request(request):
    """`Site.find_for_request(request)`, from the cache when it can; sets it on the request so
    Wagtail (and everything else that asks) reuses it. None when no site answers the request."""
    from django.http.request import split_domain_port
    from wagtail.models import Site

    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    host = (split_domain_port(request._get_raw_host())[0].lower(), request.get_port())
    known = cache.get(SITES_KEY) or {}
    if host in known:
        site = known[host]
    else:
        site = Site._find_for_request(request)
        if site is not None:
            cache.set(SITES_KEY, {**known, host: site}, TIMEOUT)
    request._wagtail_site = site
    return site


def forget_sites(**kwargs):
    """A Site changed (hostname, port, root page or default flag): look them up again."""
    cache.delete(SITES_KEY)


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of every page that has a view restriction (usually none)."""
    from wagtail.models import PageViewRestriction

    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_PATHS_KEY, paths, TIMEOUT)
    return paths


def forget_restrictions(**kwargs):
    """A view restriction was added, changed or removed, or a page moved (its path changed)."""
    cache.delete(RESTRICTED_PATHS_KEY)


class CachedViewRestrictionsMixin:
    """For a Page type: no query for its view restrictions when no restricted page is above it."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and not self.path.startswith(restricted_paths()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def pages_version() -> int:
    """The current version of the live page tree (see the module docstring)."""
    from .cache import current_version

    return current_version(PAGES_VERSION_KEY)


def bump_pages_version(**kwargs):
    """The live page tree changed: every cache keyed on `pages_version()` starts afresh."""
    from .cache import bump_version

    bump_version(PAGES_VERSION_KEY)


def register_fast_router(router):
    if router not in _fast_routers:
        _fast_routers.append(router)


def _root_path(request, site):
    """The tree path (`url_path`) of the site's home page in the request's language; None when
    the home page has no translation in it (Wagtail then serves the default one: let it)."""
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Site

    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    if not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
    for root in request._wagtail_cached_site_root_paths:
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return None


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
