"""CPU time per request of the signed-in learner pages, in-process (Django's test client: middleware,
routing, page context, templates; no network hop).

Data: one published course of 4 lessons with 30 paragraph blocks each (the same content the
side-by-side benchmark gives the peer, tests/benchmarks/test_peer_comparison.py), one signed-in
learner who has completed the first lesson, in the test database (SQLite in memory unless
DATABASE_URL says otherwise; the cache is whatever CACHE_URL says). CPU time is
`time.process_time()` per request, median over ROUNDS requests after a warm-up; the machine is
shared, so the pages are requested in turn (each round one request of each, so all see the same
load), the tenth percentile is printed beside the median (closer to the cost on a quiet machine)
and the load average with every figure. Templates render as in production: the test runner's
instrumentation (it copies every template's context for `assertTemplateUsed`) is set aside while
measuring; BENCH_INSTRUMENTED=1 keeps it, as the figures before December 2026 were measured.
`BENCH_PROFILE=1` also prints a pyinstrument profile of each page. Asserts nothing about time.
"""

import os
import statistics
import time
from contextlib import contextmanager, nullcontext

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import CoursePageFactory, ModulePageFactory

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "300"))

PARAGRAPH = (
    "<p>Paragraph {n}. Most people who think about suicide do not want to die: they want the pain "
    "to stop. Asking someone directly whether they are thinking about suicide does not put the idea "
    "in their head; it shows you have noticed and that you are willing to listen. Stay with them, "
    "listen without judging, and help them find support that is right for them.</p>"
)


def lesson_body(blocks=30):
    from tests.courses.builders import paragraph

    return [paragraph(PARAGRAPH.format(n=n)) for n in range(1, blocks + 1)]


def build_benchmark_course():
    course = CoursePageFactory(title="Suicide prevention: benchmark course", pass_mark=None)
    lessons = [
        ModulePageFactory(parent=course, title=f"Lesson {n}", body=lesson_body())
        for n in range(1, 5)
    ]
    return course, lessons


def cpu_samples(client, urls, rounds=ROUNDS):
    """{url: [ms of CPU per request]}, the urls requested in turn, `rounds` times each."""
    samples = {url: [] for url in urls}
    for _ in range(rounds):
        for url in urls:
            start = time.process_time()
            response = client.get(url)
            samples[url].append((time.process_time() - start) * 1000)
            assert response.status_code == 200
    return samples


def tenth_percentile(values):
    return statistics.quantiles(values, n=10)[0]


@contextmanager
def production_template_rendering():
    """Render templates as production does, without the test runner's per-template signal and
    context copy (django.test.utils.setup_test_environment installs it; it restores it after)."""
    from django.template import Template
    from django.test.utils import _TestState

    instrumented = Template._render
    Template._render = _TestState.saved_data.template_render
    try:
        yield
    finally:
        Template._render = instrumented


def load():
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


@pytest.mark.benchmark
@pytest.mark.django_db
def test_signed_in_learner_pages_cpu(client, user):
    course, lessons = build_benchmark_course()
    client.force_login(user)
    client.post(reverse("courses:enrollment_start", args=[course.pk]))
    client.post(reverse("courses:module_complete", args=[course.pk, lessons[0].pk]))
    pages = {
        "module page (lesson 2, 30 paragraphs)": lessons[1].url,
        "course page": course.url,
        "My learning": reverse("courses:my_learning"),
    }
    for url in pages.values():
        for _ in range(10):
            client.get(url)
    rendering = nullcontext() if os.environ.get("BENCH_INSTRUMENTED") else production_template_rendering()
    with rendering:
        if os.environ.get("BENCH_PROFILE"):
            from pyinstrument import Profiler

            for name, url in pages.items():
                with Profiler(interval=0.0005) as profiler:
                    for _ in range(100):
                        client.get(url)
                print(f"\n{name}, 100 requests:")
                show_all = bool(os.environ.get("BENCH_PROFILE_ALL"))
                print(profiler.output_text(unicode=True, color=False, show_all=show_all))
        backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        templates = "instrumented" if os.environ.get("BENCH_INSTRUMENTED") else "as in production"
        print(f"\nSigned-in learner pages, in-process, {connection.vendor}, cache {backend}, "
              f"templates {templates}, median of {ROUNDS}:")
        counts = {}
        for url in pages.values():
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts[url] = len(queries.captured_queries)
        samples = cpu_samples(client, list(pages.values()))
        for name, url in pages.items():
            print(f"  {name:<40} {statistics.median(samples[url]):6.2f} ms CPU median, "
                  f"{tenth_percentile(samples[url]):6.2f} p10  {counts[url]:2d} queries")
        print(f"  ({load()})")
