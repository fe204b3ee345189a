"""The site's error pages, and the one exception for "the request cannot be carried out".

A service that refuses a request raises `RequestRefused` (or an app's subclass of it) with a message
the person asking can understand and act on. `RequestRefusedMiddleware` is the one place that turns
it into a response: the site's own page, with the crisis help every page has, the message and the
subclass's `status` (400 unless it says otherwise; 404 shows the usual "Page not found").
"""

from django.shortcuts import render
from django.template.loader import get_template


class RequestRefused(Exception):
    """The request cannot be carried out. `message` is shown to the person asking; `code` names the
    reason for code and tests."""

    status = 400

    def __init__(self, message: str = "", *, code: str = ""):
        super().__init__(message)
        self.message = message
        self.code = code


class NotAvailable(RequestRefused):
    """What was asked for is not (or no longer) there for this person: answered like any 404."""

    status = 404


class RequestRefusedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, RequestRefused):
            return None
        if exception.status == 404:
            return not_found(request, exception)
        return render(
            request, "request_refused.html", {"message": exception.message}, status=exception.status
        )


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without the request context: a failing context processor must not hide the page."""
    from django.http import HttpResponseServerError

    return HttpResponseServerError(get_template("500.html").render())
