import pytest

from cms.models import HomePage, StandardPage


@pytest.fixture
def pages(db):
    home = HomePage.objects.get()
    live = StandardPage(title="Supporting a colleague", slug="colleague", summary="Listening well")
    home.add_child(instance=live)
    draft = StandardPage(title="Supporting draft", slug="draft", summary="Not yet", live=False)
    home.add_child(instance=draft)
    return live, draft


@pytest.mark.django_db
def test_search_finds_published_pages_only(client, pages):
    response = client.get("/search/", {"q": "supporting"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Supporting a colleague" in html
    assert "Supporting draft" not in html
    assert "1 result for “supporting”" in html


@pytest.mark.django_db
def test_search_with_no_results_points_to_help(client, pages):
    html = client.get("/search/", {"q": "zzqxnothing"}).content.decode()
    assert "0 results" in html and "Get help now" in html


@pytest.mark.django_db
def test_search_query_is_escaped(client, pages):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.django_db
def test_empty_search_shows_the_form(client):
    html = client.get("/search/").content.decode()
    assert '<label class="label" for="search-q">' in html and "result" not in html
