from django.core.paginator import Paginator
from django.shortcuts import render

from .selectors import helplines_for_display, page_search


def get_help(request):
    """The "Get help now" page: every active helpline, emergency services first."""
    return render(request, "cms/get_help.html", {"helplines": helplines_for_display()})


def search(request):
    """Site search over published, public pages (courses, modules and content pages)."""
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        results = Paginator(page_search(query=query), 10).get_page(request.GET.get("page"))
    return render(request, "cms/search.html", {"query": query, "results": results})
