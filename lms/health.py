"""`GET /healthz`: the state of the database, cache and broker, for load balancers.

200 when all are reachable, 503 otherwise. Anyone sees only the status and which check failed;
the error classes and timings go to the log, and to signed-in staff or a caller presenting
HEALTHZ_TOKEN (header `Authorization: Bearer <token>`).

`?worker=1` also sends a ping task and waits up to WORKER_WAIT seconds for a worker to answer (not
for load balancers: a web node is healthy without a worker). Only staff and token holders may ask,
one such check runs at a time across the site, and the ping expires, so a ping no worker took in
time is dropped by the first worker that sees it rather than run late.
"""

import hmac
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .celery import app
from .tasks import ping

logger = logging.getLogger(__name__)

WORKER_WAIT = 2  # seconds a request waits for the worker's answer
WORKER_LOCK_KEY = "healthz:worker-check"


class WorkerCheckBusy(Exception):
    """Another worker check is already waiting for its answer."""


def _timed(name, check):
    start = time.perf_counter()
    try:
        detail = check()
        result = {"ok": True}
        if detail:
            result.update(detail)
    except Exception as exc:
        logger.warning("Health check %s failed: %s: %s", name, exc.__class__.__name__, exc)
        result = {"ok": False, "error": exc.__class__.__name__}
    result["ms"] = round((time.perf_counter() - start) * 1000, 1)
    return result


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _cache():
    check = getattr(cache, "health_check", None)
    if check is not None:  # lms.cache.ResilientRedisCache: ask Redis itself, not its fallback
        check()
        return
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    if cache.get(key) != "ok":
        raise RuntimeError("cache did not return the value just stored")
    cache.delete(key)


def _broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"mode": "eager"}
    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=1)
    return {"mode": "broker"}


def _worker():
    if not cache.add(WORKER_LOCK_KEY, True, WORKER_WAIT + 1):
        raise WorkerCheckBusy("another worker check is in progress")
    try:
        token = uuid.uuid4().hex
        result = ping.apply_async(args=[token], expires=WORKER_WAIT)
        if result.get(timeout=WORKER_WAIT) != token:
            raise RuntimeError("worker answered with the wrong token")
    finally:
        cache.delete(WORKER_LOCK_KEY)


def _privileged(request) -> bool:
    """Staff, or a monitor presenting the configured HEALTHZ_TOKEN."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.is_staff:
        return True
    token = settings.HEALTHZ_TOKEN
    header = request.headers.get("Authorization", "")
    if not token or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header.removeprefix("Bearer ").encode(), token.encode())


@never_cache
@require_GET
def healthz(request):
    privileged = _privileged(request)
    if request.GET.get("worker") == "1" and not privileged:
        return JsonResponse(
            {"status": "forbidden", "detail": _("The worker check needs staff access or the health token.")},
            status=403,
        )
    checks = {
        "database": _timed("database", _database),
        "cache": _timed("cache", _cache),
        "broker": _timed("broker", _broker),
    }
    if request.GET.get("worker") == "1":
        checks["worker"] = _timed("worker", _worker)
    healthy = all(check["ok"] for check in checks.values())
    if not privileged:
        checks = {name: {"ok": check["ok"]} for name, check in checks.items()}
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
