import pytest
from wagtail.models import Page

from cms.models import HomePage
from tests.factories import UserFactory


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


@pytest.mark.django_db
def test_anonymous_home_page_is_served_from_cache(client, page_cache, django_assert_num_queries):
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


@pytest.mark.django_db
def test_signed_in_learners_never_get_a_cached_page(client, page_cache):
    client.get("/")  # an anonymous visitor fills the cache
    user = UserFactory(full_name="Priya Raman")
    client.force_login(user)
    response = client.get("/")
    assert "X-Page-Cache" not in response
    assert "Sign out" in response.content.decode()


@pytest.mark.django_db
def test_a_signed_in_page_is_never_served_to_a_visitor(client, page_cache):
    from django.test import Client

    client.force_login(UserFactory())
    client.get("/")
    visitor = Client().get("/")
    assert "Sign out" not in visitor.content.decode()


@pytest.mark.django_db
def test_publishing_a_page_clears_the_cache(client, page_cache):
    client.get("/")
    home = HomePage.objects.get()
    home.intro = "A brand new introduction"
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new introduction" in response.content.decode()


@pytest.mark.django_db
def test_editing_a_helpline_clears_the_cache(client, page_cache):
    from cms.models import Helpline

    client.get("/")
    line = Helpline.objects.get(name="Shout")
    line.how_to_contact = "Text SHOUT to 85258 (any time)"
    line.save()
    assert "Text SHOUT to 85258 (any time)" in client.get("/").content.decode()


@pytest.mark.django_db
def test_admin_and_account_pages_are_never_cached(client, page_cache):
    client.get("/accounts/login/")
    assert "X-Page-Cache" not in client.get("/accounts/login/")
    assert Page.objects.exists()


@pytest.mark.django_db
def test_unknown_and_tracking_parameters_share_the_one_cached_page(client, page_cache):
    """200 visits with `?u=N` (a cache-busting scan) or tracking tags store one copy, not 200."""
    first = client.get("/?u=0")
    assert first["X-Page-Cache"] == "miss"
    outcomes = [client.get(f"/?u={n}")["X-Page-Cache"] for n in range(1, 200)]
    outcomes.append(client.get("/?utm_source=newsletter&utm_medium=email&fbclid=abc")["X-Page-Cache"])
    outcomes.append(client.get("/")["X-Page-Cache"])
    assert set(outcomes) == {"hit"}
    assert client.get("/?u=7").content == first.content


@pytest.mark.django_db
def test_search_terms_are_cached_apart_and_in_any_parameter_order(client, page_cache):
    shout = client.get("/search/?q=Shout&page=1")
    assert shout["X-Page-Cache"] == "miss"
    assert client.get("/search/?page=1&q=Shout&utm_campaign=x")["X-Page-Cache"] == "hit"
    other = client.get("/search/?q=Samaritans&page=1")
    assert other["X-Page-Cache"] == "miss"
    assert other.content != shout.content


@pytest.mark.django_db
def test_each_path_keeps_a_bounded_number_of_query_variants(client, page_cache):
    from cms.cache import MAX_QUERY_VARIANTS

    for n in range(MAX_QUERY_VARIANTS):
        assert client.get(f"/search/?q=term{n}")["X-Page-Cache"] == "miss"
    beyond = client.get("/search/?q=one-too-many")
    assert beyond.status_code == 200 and "X-Page-Cache" not in beyond  # rendered, not stored
    assert "X-Page-Cache" not in client.get("/search/?q=one-too-many")
    assert client.get("/search/?q=term3")["X-Page-Cache"] == "hit"  # the stored ones still serve
    assert client.get("/search/")["X-Page-Cache"] == "miss"  # the bare page always may be stored
