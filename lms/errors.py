"""The site's error pages, and the one exception for "the request cannot be carried out".

A service that refuses a request raises `RequestRefused` (or an app's subclass of it) with a message
the person asking can understand and act on. `RequestRefusedMiddleware` is the one place that turns
it into a response: the site's own page, with the crisis help every page has, the message and the
subclass's `status` (400 unless it says otherwise; 404 shows the usual "Page not found").
"""

import base64
import hashlib
import re

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
    """Rendered without the request context: a failing context processor must not hide the page.

    The page carries its own small stylesheet (it must not depend on static files when something
    is broken); the Content-Security-Policy allows exactly that stylesheet, by its hash."""
    from django.http import HttpResponseServerError

    html = get_template("500.html").render()
    response = HttpResponseServerError(html)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
        for style in re.findall(r"<style>(.*?)</style>", html, flags=re.DOTALL)
    ]
    if hashes:
        response._csp_update = {"style-src": hashes}  # read by django-csp's middleware
    return response
