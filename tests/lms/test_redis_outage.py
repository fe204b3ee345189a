"""Redis goes down: learners still learn. The platform's cache and broker point at a real
redis-server the test starts on its own port; with it stopped, a learner walks the journey over
HTTP against a live server (public pages, sign-in, a course to completion, My learning): no 500,
progress saved. Redis comes back; beat's sweep and a real worker issue the certificate."""

import re
import threading
from datetime import timedelta

import pytest
import requests
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.conf import settings as django_settings

from certificates.models import Certificate
from certificates.tasks import sweep_certificates
from courses.models import Enrollment, ModuleProgress
from lms import cache as resilient_cache
from lms.celery import app
from lms.settings.env import cache_from_url
from tests.celery_helpers import use_broker
from tests.courses.progress_helpers import COMMITTING_DB, build_course
from tests.factories import DEFAULT_PASSWORD, UserFactory


@pytest.fixture
def platform_on(redis_server, settings):
    """The cache (with the production page cache on) and the broker on the test's own Redis."""
    resilient_cache._circuits.clear()
    settings.CACHES = {"default": cache_from_url(redis_server.url(2))}
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    with use_broker(redis_server.url(1)):
        yield redis_server
    resilient_cache._circuits.clear()


class Browser:
    """A learner's browser over HTTP: keeps cookies, posts with the CSRF token, and remembers the
    status of every response it saw (redirects included)."""

    def __init__(self, base_url):
        self.base = base_url
        self.session = requests.Session()
        self.statuses = []

    def _record(self, response):
        self.statuses += [r.status_code for r in response.history] + [response.status_code]
        return response

    def get(self, path):
        return self._record(self.session.get(self.base + path, timeout=30))

    def post(self, path, data=None):
        token = self.session.cookies.get("csrftoken")
        if token is None:  # the login page sets it
            self.get("/accounts/login/")
            token = self.session.cookies.get("csrftoken")
        payload = {"csrfmiddlewaretoken": token, **(data or {})}
        headers = {"Referer": self.base + path}
        return self._record(self.session.post(self.base + path, data=payload, headers=headers, timeout=30))


@COMMITTING_DB
def test_learners_learn_through_a_redis_outage_and_get_their_certificate_after(
    platform_on, live_server, mailoutbox
):
    course = build_course(required=2, optional=False, questions=2)
    learner = UserFactory(email="amara@example.org", full_name="Amara Okafor")
    browser = Browser(live_server.url)
    page_paths = [course.page.url] + [m.url for m in course.modules]

    # Redis is up: a visitor fills the page cache.
    assert browser.get("/").status_code == 200
    assert browser.get("/").headers.get("X-Page-Cache") == "hit"

    platform_on.stop()  # Redis goes down

    # Public pages, the help page, search and verify still render (uncached).
    for path in ["/", "/get-help/", "/search/?q=listen", "/certificates/verify/", *page_paths]:
        response = browser.get(path)
        assert response.status_code == 200, path
        assert "X-Page-Cache" not in response.headers
    assert "116 123" in browser.get("/get-help/").text  # Samaritans, from the helplines
    # Sign-in works.
    signed_in = browser.post("/accounts/login/", {"login": learner.email, "password": DEFAULT_PASSWORD})
    assert signed_in.status_code == 200 and "Sign out" in signed_in.text
    # The learner takes the course to completion.
    for module in course.modules:
        assert browser.get(module.url).status_code == 200
        browser.post(f"/learning/courses/{course.page.pk}/modules/{module.pk}/complete/")
    assert browser.get(course.assessment.url).status_code == 200
    result = browser.post(
        f"/learning/courses/{course.page.pk}/modules/{course.assessment.pk}/assessment/",
        course.post_data(),
    )
    assert result.status_code == 200
    my_learning = browser.get("/my-learning/")
    assert course.page.title in my_learning.text
    # /healthz tells the load balancer the truth.
    assert browser.get("/healthz").status_code == 503

    outage_statuses = browser.statuses[3:]
    assert 500 not in outage_statuses, outage_statuses
    enrollment = Enrollment.objects.get(user=learner, course=course.page)
    assert enrollment.completed_at is not None
    assert ModuleProgress.objects.filter(enrollment=enrollment).count() == len(course.modules) + 1
    assert not Certificate.objects.filter(enrollment=enrollment).exists()  # its task was never queued

    # Redis comes back after longer than the sweep's grace; beat sends the sweep, a worker runs it.
    platform_on.start()
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=enrollment.completed_at
        - timedelta(minutes=django_settings.CERTIFICATE_SWEEP_GRACE_MINUTES + 1)
    )
    issued = threading.Event()

    def finished(sender=None, args=None, **kwargs):
        if sender.name == "certificates.tasks.issue_certificate" and args == [enrollment.id]:
            issued.set()

    task_postrun.connect(finished, weak=False)
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", concurrency=1, loglevel="WARNING"):
            sweep_certificates.apply_async()
            assert issued.wait(timeout=60), "the sweep did not issue the certificate"
    finally:
        task_postrun.disconnect(finished)
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.learner_name == "Amara Okafor" and certificate.pdf
    assert browser.get(certificate.get_absolute_url()).status_code == 200


@COMMITTING_DB
def test_sign_in_rate_limits_still_hold_while_redis_is_down(platform_on, live_server):
    learner = UserFactory(email="guarded@example.org")
    browser = Browser(live_server.url)
    browser.get("/accounts/login/")
    platform_on.stop()
    for _ in range(5):
        wrong = browser.post("/accounts/login/", {"login": learner.email, "password": "not-my-password"})
        assert "Sign out" not in wrong.text
    # The sixth try, even with the right password, is refused with a clear message on the form.
    refused = browser.post("/accounts/login/", {"login": learner.email, "password": DEFAULT_PASSWORD})
    assert "Sign out" not in refused.text
    assert re.search(r"Too many failed (sign-in|login) attempts", refused.text)
    assert 500 not in browser.statuses, browser.statuses
