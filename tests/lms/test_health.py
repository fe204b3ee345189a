"""`/healthz`: load balancers get a status; details and the worker round trip are for staff and
monitors holding the health token; the worker check is bounded and leaves nothing to run late."""

import pytest
from django.db.utils import OperationalError
from django.utils import timezone
from kombu import Queue

from lms import health
from lms.celery import app
from tests.celery_helpers import use_broker
from tests.factories import UserFactory

TOKEN = "a-long-random-health-token-for-tests"


@pytest.fixture
def token(settings):
    settings.HEALTHZ_TOKEN = TOKEN
    return TOKEN


@pytest.fixture
def broken_database(monkeypatch):
    def broken():
        raise OperationalError("connection refused by db.internal:5432")

    monkeypatch.setattr(health, "_database", broken)


@pytest.mark.django_db
def test_healthz_reports_every_dependency_and_is_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": {"ok": True}, "cache": {"ok": True}, "broker": {"ok": True}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_anonymous_caller_sees_which_check_failed_but_not_the_error(client, broken_database, caplog):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": {"ok": False}, "cache": {"ok": True}, "broker": {"ok": True}},
    }
    assert "OperationalError" not in response.content.decode()
    # The operator finds the cause in the log.
    assert "Health check database failed: OperationalError" in caplog.text


@pytest.mark.django_db
def test_staff_see_the_error_class_never_the_message(client, broken_database):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/healthz")
    assert response.status_code == 503
    database = response.json()["checks"]["database"]
    assert database["ok"] is False and database["error"] == "OperationalError"
    assert "db.internal" not in response.content.decode()


@pytest.mark.django_db
def test_a_monitor_with_the_token_sees_details(client, token, broken_database):
    response = client.get("/healthz", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.json()["checks"]["database"]["error"] == "OperationalError"
    response = client.get("/healthz", HTTP_AUTHORIZATION="Bearer not-the-token")
    assert "error" not in response.json()["checks"]["database"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "how",
    ["anonymous", "learner", "wrong token", "token configured but not sent", "no token configured"],
)
def test_the_worker_check_is_refused_without_staff_access_or_the_token(client, settings, celery_eager, how):
    settings.HEALTHZ_TOKEN = "" if how == "no token configured" else TOKEN
    headers = {}
    if how == "learner":
        client.force_login(UserFactory())
    if how == "wrong token":
        headers["HTTP_AUTHORIZATION"] = "Bearer guess"
    if how == "no token configured":
        headers["HTTP_AUTHORIZATION"] = "Bearer "
    sent = []
    original = health.ping.apply_async
    health.ping.apply_async = lambda *a, **k: sent.append(a) or original(*a, **k)
    try:
        response = client.get("/healthz?worker=1", **headers)
    finally:
        health.ping.apply_async = original
    assert response.status_code == 403
    assert response.json()["status"] == "forbidden"
    assert sent == []  # nothing was queued


@pytest.mark.django_db
def test_the_worker_round_trip_for_staff_and_token_holders(client, token, celery_eager):
    response = client.get("/healthz?worker=1", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"]["ok"] is True
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/healthz?worker=1").json()["checks"]["worker"]["ok"] is True


@pytest.mark.django_db
def test_only_one_worker_check_waits_at_a_time(client, token, celery_eager):
    from django.core.cache import cache

    cache.add(health.WORKER_LOCK_KEY, True, 10)  # another request is waiting for its ping
    try:
        response = client.get("/healthz?worker=1", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    finally:
        cache.delete(health.WORKER_LOCK_KEY)
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == {
        "ok": False, "error": "WorkerCheckBusy", "ms": response.json()["checks"]["worker"]["ms"]
    }


@pytest.mark.django_db
def test_with_no_worker_the_ping_expires_instead_of_staying_queued(client, token):
    """No worker answers: the check gives up after WORKER_WAIT and the ping it left in the queue
    carries an expiry that close, so a worker arriving later drops it instead of running it."""
    with use_broker("memory://"):
        with app.connection_for_write() as conn:
            conn.SimpleQueue(Queue("celery")).clear()
        before = timezone.now()
        response = client.get("/healthz?worker=1", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
        with app.connection_for_read() as conn:
            queue = conn.SimpleQueue(Queue("celery"))
            message = queue.get(timeout=1)
            message.ack()
            queue.close()
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["ok"] is False
    assert message.headers["task"] == "lms.ping"
    expires = timezone.datetime.fromisoformat(message.headers["expires"])
    assert (expires - before).total_seconds() <= health.WORKER_WAIT + 1


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == {"ok": False}
