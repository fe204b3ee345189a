"""A small per-address rate limit for the public verify page, kept in Django's cache.

The client address comes from allauth's adapter, which honours TRUSTED_PROXY_COUNT like the
sign-in limits do; IPv6 addresses count per /64. Use a shared cache (CACHE_URL on Redis) when
more than one web process runs.
"""

import ipaddress
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache


def client_key(request) -> str:
    ip = get_adapter().get_client_ip(request)
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return str(address)


def allow(request, *, action: str, limit: int | None = None, window: int = 60) -> bool:
    """Count one use of `action` by this address; False once it has used `limit` in this window."""
    limit = limit if limit is not None else settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE
    bucket = int(time.time() // window)
    key = f"rl:{action}:{client_key(request)}:{bucket}"
    if cache.add(key, 1, timeout=window + 5):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 5)
        return True
    return count <= limit
