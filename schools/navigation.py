"""The site header's link for a school lead: straight to their dashboard (the list of their
institutions when they lead more than one), one click from every page.

Every page shows the header, so the answer is cached per person: worked out when they sign in,
forgotten when any of their memberships changes (`schools.signals`), and read in the same round
trip as the page versions (`keys_for_request`, registered in SchoolsConfig.ready)."""

from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse

from cms.serving import forget_prefetched, prefetched

from .models import Membership

CACHE_SECONDS = 6 * 60 * 60


def _key(user_id: int) -> str:
    return f"schools:lead-nav:{user_id}"


def lead_dashboard_url(user) -> str:
    """The dashboard a lead reaches from the header, or "" for everyone else."""
    if not getattr(user, "is_authenticated", False):
        return ""
    found, url = prefetched(_key(user.pk))
    if not found:
        url = cache.get(_key(user.pk))
    if url is None:
        led = list(
            Membership.objects.filter(user_id=user.pk, role=Membership.Role.LEAD).values_list(
                "institution_id", flat=True
            )[:2]
        )
        if len(led) == 1:
            url = reverse("schools:dashboard", args=[led[0]])
        else:
            url = reverse("schools:mine") if led else ""
        cache.set(_key(user.pk), url, CACHE_SECONDS)
    return url


def lead_dashboard_forget(*, user_id: int) -> None:
    cache.delete(_key(user_id))
    forget_prefetched(_key(user_id))


def keys_for_request(request) -> list[str]:
    """The signed-in visitor's lead link key, read with the page versions (cms.serving): every
    page's header shows it, so it costs no round trip of its own."""
    session = getattr(request, "session", None)
    user_id = session.get(SESSION_KEY) if session is not None else None
    return [_key(user_id)] if user_id else []
