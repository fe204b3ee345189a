from django.shortcuts import render
from django.template.loader import get_template


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without the request context: a failing context processor must not hide the page."""
    from django.http import HttpResponseServerError

    return HttpResponseServerError(get_template("500.html").render())
