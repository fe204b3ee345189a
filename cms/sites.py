"""The Wagtail Site follows the configured public address (settings.SITE_URL), so links Wagtail
builds from it (review emails, "view live", full page URLs) point where people can reach them,
not at the `localhost` the first migration seeded."""

from urllib.parse import urlsplit

from django.conf import settings

SEEDED_HOSTNAME, SEEDED_PORT = "localhost", 80


def public_address(site_url: str | None = None) -> tuple[str, int]:
    parts = urlsplit(site_url or settings.SITE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or SEEDED_HOSTNAME, port


def align_default_site(site_model=None) -> bool:
    """Give the default site the public address when it still has the seeded one. True if changed.
    A site an administrator has set to another address is left alone."""
    if site_model is None:
        from wagtail.models import Site as site_model
    hostname, port = public_address()
    changed = site_model.objects.filter(
        is_default_site=True, hostname=SEEDED_HOSTNAME, port=SEEDED_PORT
    ).exclude(hostname=hostname, port=port).update(hostname=hostname, port=port)
    return bool(changed)
