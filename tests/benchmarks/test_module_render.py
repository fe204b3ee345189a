"""Median time to render the largest demo module page for a signed-in learner.

Runs on the demo content (`courses.demo.seed`) in the test database (SQLite in memory unless
DATABASE_URL says otherwise), through Django's test client: routing, page context, template
rendering and middleware, without a network hop. Prints its figures; asserts nothing about time.
"""

import statistics
import time

import pytest
from django.db import connection

from courses import demo
from courses.models import ModulePage

ROUNDS = 200


def median_ms(client, url):
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return sorted(timings)


@pytest.mark.benchmark
@pytest.mark.django_db
def test_largest_demo_module_render_time(client, user):
    demo.seed()
    module = max(ModulePage.objects.live(), key=lambda m: len(m.body))
    client.force_login(user)
    for _ in range(10):  # warm caches (site root paths, helplines, templates)
        assert client.get(module.url).status_code == 200
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(module.url)
    timings = median_ms(client, module.url)
    reference = median_ms(client, "/get-help/")  # a plain page through the same stack, for scale
    print(
        f"\nmodule page render: {module.title!r} ({len(module.body)} blocks, "
        f"{len(client.get(module.url).content) // 1024} KiB HTML) on {connection.vendor}, {ROUNDS} requests: "
        f"median {statistics.median(timings):.1f} ms, p95 {timings[int(ROUNDS * 0.95) - 1]:.1f} ms, "
        f"{len(queries)} queries per request; the help page on the same stack: median "
        f"{statistics.median(reference):.1f} ms"
    )
