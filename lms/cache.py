"""A Redis cache that degrades instead of breaking when Redis is unreachable.

Everything a page needs from the cache (Wagtail's site-root paths, the helplines shown on every
page, the rate limits of sign-in and the verify page) goes through Django's cache. With a plain
Redis backend, Redis being down turns every page into a 500. This backend instead:

- gives every Redis call short socket timeouts and no retries, so a dead Redis costs milliseconds;
- on a Redis error opens a per-process circuit for RETRY_AFTER seconds, during which calls go
  straight to a bounded in-process memory cache (no waiting on Redis at all), then tries Redis again;
- keeps what it stores in that memory short-lived (FALLBACK_MAX_TIMEOUT), so a value set during
  an outage goes stale for at most that long once Redis is back.

Rate limits therefore keep counting per process during an outage (fail safe, never a 500), and
`degraded` tells the whole-page cache to stand aside. `/healthz` calls `health_check()`, which
always talks to Redis itself and so still reports 503 while Redis is down.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# What counts as "Redis is unavailable" (refused, timed out, reset, loading, out of memory...).
UNAVAILABLE = (RedisError, OSError)

# Django keeps one backend instance per thread: the circuit and the fallback memory are per process.
_circuits: dict[str, "_Circuit"] = {}
_circuits_lock = threading.Lock()


class _Circuit:
    def __init__(self, retry_after: float):
        self.retry_after = retry_after
        self.open_until = 0.0

    @property
    def open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, location: str, exc: BaseException) -> None:
        was_closed = not self.open_until
        self.open_until = time.monotonic() + self.retry_after
        if was_closed:
            logger.warning(
                "Cache at %s is unavailable (%s); using in-process memory, retrying every %ss",
                location, exc.__class__.__name__, self.retry_after,
            )

    def close(self, location: str) -> None:
        if self.open_until:
            self.open_until = 0.0
            logger.warning("Cache at %s is reachable again", location)


def _circuit_for(location: str, retry_after: float) -> _Circuit:
    with _circuits_lock:
        return _circuits.setdefault(location, _Circuit(retry_after))


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's Redis cache client, keeping one redis-py client per connection pool instead of
    building a new one (and its table of ~200 response callbacks) for every cache call: that was a
    third of the CPU time of a cache read. A redis-py client over a shared pool is thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, falling back to bounded process memory while Redis is unavailable.

    OPTIONS (besides redis-py's): RETRY_AFTER (seconds the circuit stays open, default 5),
    FALLBACK_MAX_ENTRIES (default 1000) and FALLBACK_MAX_TIMEOUT (seconds, default 60).
    socket_connect_timeout and socket_timeout default to 0.25 s and 0.5 s.
    """

    def __init__(self, server, params):
        params = {**params}
        options = {**params.get("OPTIONS", {})}
        retry_after = float(options.pop("RETRY_AFTER", 5))
        max_entries = int(options.pop("FALLBACK_MAX_ENTRIES", 1000))
        self._fallback_max_timeout = int(options.pop("FALLBACK_MAX_TIMEOUT", 60))
        options.setdefault("socket_connect_timeout", 0.25)
        options.setdefault("socket_timeout", 0.5)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._location = server if isinstance(server, str) else ",".join(server)
        self._circuit = _circuit_for(self._location, retry_after)
        self._fallback = LocMemCache(
            f"lms-fallback:{self._location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "KEY_FUNCTION": params.get("KEY_FUNCTION"),
                "OPTIONS": {"MAX_ENTRIES": max_entries, "CULL_FREQUENCY": 3},
            },
        )

    @property
    def degraded(self) -> bool:
        """True while Redis is considered unavailable (values come from process memory)."""
        return self._circuit.open

    def health_check(self) -> None:
        """Store, read back and delete a value in Redis itself; raises if Redis cannot."""
        key = f"healthz:{time.monotonic_ns()}"
        super().set(key, "ok", 10)
        if super().get(key) != "ok":
            raise RuntimeError("cache did not return the value just stored")
        super().delete(key)
        self._circuit.close(self._location)

    def _fallback_timeout(self, timeout):
        seconds = self.get_backend_timeout(timeout)
        if seconds is None or seconds > self._fallback_max_timeout:
            return self._fallback_max_timeout
        return seconds

    def _call(self, name, *args, **kwargs):
        if not self._circuit.open:
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except UNAVAILABLE as exc:
                self._circuit.trip(self._location, exc)
            else:
                self._circuit.close(self._location)
                return result
        return getattr(self._fallback, name)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._circuit.open:
            return self._fallback.add(key, value, self._fallback_timeout(timeout), version)
        return self._guarded("add", key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._circuit.open:
            return self._fallback.set(key, value, self._fallback_timeout(timeout), version)
        return self._guarded("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        if self._circuit.open:
            return self._fallback.touch(key, self._fallback_timeout(timeout), version)
        return self._guarded("touch", key, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        if self._circuit.open:
            return self._fallback.set_many(data, self._fallback_timeout(timeout), version)
        return self._guarded("set_many", data, timeout, version)

    def _guarded(self, name, *args):
        """A timed write: on failure, retry it on the fallback with the timeout capped."""
        try:
            result = getattr(super(), name)(*args)
        except UNAVAILABLE as exc:
            self._circuit.trip(self._location, exc)
            *rest, timeout, version = args
            return getattr(self._fallback, name)(*rest, self._fallback_timeout(timeout), version)
        self._circuit.close(self._location)
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        return self._call("clear")
