import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db.utils import OperationalError

from lms.celery import app
from tests.celery_helpers import use_broker


@pytest.mark.django_db
def test_healthz_reports_every_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())


@pytest.mark.celery_worker
@pytest.mark.django_db
def test_healthz_worker_round_trip_through_the_broker_to_a_real_worker(client):
    with use_broker(settings.CELERY_BROKER_URL or "memory://"), start_worker(
        app, perform_ping_check=False, pool="solo", concurrency=1, loglevel="WARNING"
    ):
        response = client.get("/healthz?worker=1")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"]["ok"] is True


@pytest.mark.django_db
def test_healthz_is_503_when_no_worker_can_be_reached(client):
    with use_broker("redis://127.0.0.1:1/0"):  # nothing listens on port 1, so nothing answers
        response = client.get("/healthz?worker=1")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["ok"] is False


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from lms import health

    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "_database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "ok": False, "error": "OperationalError", "ms": body["checks"]["database"]["ms"]
    }
    # The error class is reported, never the message (which can carry hosts or credentials).
    assert "connection refused" not in response.content.decode()


@pytest.mark.django_db
def test_healthz_is_503_when_the_broker_is_unreachable(client, settings):
    from lms.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["checks"]["broker"]["ok"] is False
