"""What cms.serving remembers per pages version: one read of the version per request, a private
copy for every reader, and nothing from before a change (or before the cache was emptied) read
again."""

import pytest
from django.core.cache import cache, caches
from django.urls import reverse

from cms import serving
from tests.factories import CoursePageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_a_value_is_worked_out_once_per_pages_version():
    compute, calls = counting(["Samaritans"])
    assert serving.remember("test:lines", compute) == ["Samaritans"]
    assert serving.remember("test:lines", compute) == ["Samaritans"]
    assert len(calls) == 1
    serving.bump_pages_version()
    assert serving.remember("test:lines", compute) == ["Samaritans"]
    assert len(calls) == 2


def test_every_reader_gets_its_own_copy():
    compute, _ = counting({"progress": []})
    first = serving.remember("test:shared", compute)
    first["progress"].append("one learner's answer")
    assert serving.remember("test:shared", compute) == {"progress": []}


def test_nothing_is_remembered_as_nothing():
    compute, calls = counting(None)
    assert serving.remember("test:none", compute) is None
    assert serving.remember("test:none", compute) is None
    assert len(calls) == 1


def test_an_emptied_cache_never_brings_back_what_this_process_remembered():
    compute, calls = counting("before")
    serving.remember("test:flushed", compute)
    version = serving.pages_version()
    cache.clear()  # Redis flushed or restarted: the version is gone with everything else
    assert serving.pages_version() != version
    serving.remember("test:flushed", compute)
    assert len(calls) == 2


def test_a_request_reads_the_versions_from_the_cache_once(client, user, monkeypatch):
    course = CoursePageFactory(title="Talking about suicide")
    modules = [ModulePageFactory(parent=course, title=f"Lesson {n}") for n in (1, 2)]
    client.force_login(user)
    client.post(reverse("courses:enrollment_start", args=[course.pk]))
    urls = (modules[1].url, course.url, reverse("courses:my_learning"))
    for url in urls:
        client.get(url)
    reads, inside_get_many = [], []
    backend = type(caches["default"])
    real_get, real_get_many = backend.get, backend.get_many

    def get(self, key, *args, **kwargs):
        if not inside_get_many:  # the local memory cache's get_many calls get for each key
            reads.append(key)
        return real_get(self, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        reads.extend(keys)
        inside_get_many.append(1)
        try:
            return real_get_many(self, keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(backend, "get", get)
    monkeypatch.setattr(backend, "get_many", get_many)
    for url in urls:
        reads.clear()
        assert client.get(url).status_code == 200
        assert reads.count(serving.PAGES_VERSION_KEY) == 1, url
        assert reads.count(serving.SITE_VERSION_KEY) == 1, url
        assert not [key for key in reads if key.startswith(serving.VERSION_KEYS)
                    and key not in serving.VERSION_KEYS], reads  # nothing remembered re-read


def test_a_page_published_keeps_the_site_and_helplines_remembered(client):
    client.get("/")
    compute, calls = counting(["Samaritans"])
    serving.remember("test:site-wide", compute, scope=serving.SITE_VERSION_KEY)
    serving.bump_pages_version()
    serving.remember("test:site-wide", compute, scope=serving.SITE_VERSION_KEY)
    assert len(calls) == 1
    serving.bump_site_version()
    serving.remember("test:site-wide", compute, scope=serving.SITE_VERSION_KEY)
    assert len(calls) == 2


def test_the_help_bar_and_footer_are_rendered_per_language_and_follow_a_helpline_change(client, user):
    from cms.models import Helpline

    client.force_login(user)  # signed in: no whole-page cache
    english, polish = client.get("/get-help/").content.decode(), client.get("/pl/get-help/").content.decode()
    assert 'href="/privacy/"' in english and 'href="/pl/privacy/"' in polish
    assert 'href="/pl/privacy/"' not in client.get("/get-help/").content.decode()
    line = Helpline.objects.get(name="Samaritans")
    line.how_to_contact = "Call 116 123 (free, any time)"
    line.save()
    html = client.get("/get-help/").content.decode()
    footer = html[html.index('class="site-footer"'):]
    help_bar = html[html.index('class="help-bar"'):html.index('class="site-header"')]
    assert "Call 116 123 (free, any time)" in footer and "Call 116 123 (free, any time)" in help_bar
