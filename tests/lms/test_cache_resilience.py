"""lms.cache.ResilientRedisCache against a real redis-server that the test stops and starts: while
Redis is down every cache call answers from bounded process memory without raising, and without
asking Redis again until the circuit's retry time; once Redis is back, values go to Redis again."""

import pytest
import redis
import time_machine
from django.utils import timezone

from lms import cache as resilient
from lms.cache import ResilientRedisCache


@pytest.fixture(autouse=True)
def _fresh_circuits():
    resilient._circuits.clear()
    yield
    resilient._circuits.clear()


def _backend(server, **options):
    backend = ResilientRedisCache(server.url(3), {"OPTIONS": options})
    backend._fallback.clear()
    return backend


def _in_redis(server, key) -> bool:
    return redis.Redis(port=server.port, db=3).exists(f":1:{key}") == 1


def test_values_live_in_redis_while_it_is_up(redis_server):
    cache = _backend(redis_server)
    cache.set("helplines", ["Samaritans"], 60)
    assert _in_redis(redis_server, "helplines")
    assert cache.get("helplines") == ["Samaritans"]
    assert cache.degraded is False
    cache.health_check()


def test_with_redis_down_every_call_answers_from_process_memory(redis_server):
    cache = _backend(redis_server)
    redis_server.stop()
    assert cache.get("helplines", "default") == "default"
    assert cache.degraded is True
    cache.set("helplines", ["Samaritans"], 60)
    assert cache.get("helplines") == ["Samaritans"]
    assert cache.add("lock", True, 10) is True and cache.add("lock", True, 10) is False
    cache.set("count", 1)
    assert cache.incr("count") == 2
    assert cache.get_many(["helplines", "count"]) == {"helplines": ["Samaritans"], "count": 2}
    assert cache.has_key("count")
    cache.delete("count")
    assert cache.get("count") is None
    with pytest.raises(redis.ConnectionError):
        cache.health_check()  # /healthz still sees Redis is down


def test_while_the_circuit_is_open_redis_is_not_asked_again(redis_server):
    cache = _backend(redis_server, RETRY_AFTER=600)
    redis_server.stop()
    cache.get("anything")  # fails once and opens the circuit
    redis_server.start()
    cache.set("helplines", ["Samaritans"], 60)
    assert not _in_redis(redis_server, "helplines")  # went to process memory, no Redis round trip
    assert cache.degraded is True


def test_once_redis_is_back_the_cache_uses_it_again(redis_server):
    cache = _backend(redis_server, RETRY_AFTER=0)
    redis_server.stop()
    cache.get("anything")
    redis_server.start()
    cache.set("helplines", ["Samaritans"], 60)
    assert _in_redis(redis_server, "helplines")
    assert cache.degraded is False


def test_what_is_kept_during_an_outage_is_short_lived_and_bounded(redis_server):
    cache = _backend(redis_server, FALLBACK_MAX_TIMEOUT=60, FALLBACK_MAX_ENTRIES=10)
    redis_server.stop()
    cache.set("version", 7, None)  # "forever" in Redis; at most a minute in process memory
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=61)):
        assert cache.get("version") is None
    for n in range(50):
        cache.set(f"page-{n}", "x" * 100, 300)
    assert sum(cache.get(f"page-{n}") is not None for n in range(50)) <= 10
