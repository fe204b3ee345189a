import base64
import hashlib
import re

from django.shortcuts import render
from django.template.loader import get_template


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
