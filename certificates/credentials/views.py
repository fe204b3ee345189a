"""Public credential addresses (issuer, achievements, keys, status lists, badge image), the
learner's downloads and the public credential check."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from courses.models import CoursePage

from .. import ratelimit
from .. import selectors as certificate_selectors
from ..services import CertificateError
from ..views import _too_many as too_many
from . import baking, build, services, status, verification
from .forms import MAX_PASTE_CHARS, MAX_UPLOAD_BYTES, TOO_LARGE, CredentialVerifyForm
from .keys import keyring

JSON_TYPES = ("application/ld+json", "application/json")
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + MAX_PASTE_CHARS * 4 + 64 * 1024  # a full paste or file, and the form


def _public_json(data, *, content_type="application/json", max_age=300):
    response = JsonResponse(data, content_type=content_type, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _wants_json(request, as_json: bool) -> bool:
    return as_json or request.get_preferred_type(["text/html", *JSON_TYPES]) in JSON_TYPES


@require_GET
def jwks(request):
    """The public keys that sign credentials, retired ones included (RFC 7517 JWK Set)."""
    return _public_json(keyring().public_jwks(), content_type="application/jwk-set+json")


@require_GET
@vary_on_headers("Accept")
def issuer(request, as_json=False):
    profile = build.issuer_profile()
    if _wants_json(request, as_json):
        return _public_json({"@context": [build.VC_CONTEXT, build.OB_CONTEXT], **profile})
    return render(request, "credentials/issuer.html", {"profile": profile})


def _course_or_404(course_id):
    """A published course, or one that has certificates (their credentials point at it)."""
    course = (
        CoursePage.objects.filter(pk=course_id)
        .filter(Q(live=True) | Q(certificates__isnull=False))
        .select_related("locale").first()
    )
    if course is None:
        raise Http404("No such achievement")
    return course.specific


@require_GET
@vary_on_headers("Accept")
def achievement(request, course_id, as_json=False):
    data = build.achievement(_course_or_404(course_id))
    if _wants_json(request, as_json):
        return _public_json({"@context": [build.VC_CONTEXT, build.OB_CONTEXT], **data})
    context = {"achievement": data, "issuer": build.issuer_profile()}
    return render(request, "credentials/achievement.html", context)


@require_GET
@cache_control(public=True, max_age=60)
def status_list(request, number):
    """A Bitstring Status List credential (revocation), signed as a VC-JWT."""
    if not status.list_exists(number):
        raise Http404("No such status list")
    response = HttpResponse(status.status_list_jwt(number), content_type="application/vc+jwt")
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@cache_control(public=True, max_age=86400)
def badge_image(request):
    return HttpResponse(baking.badge_png(), content_type="image/png")


DOWNLOADS = {
    "json": ("application/json", "credential-{code}.json"),
    "png": ("image/png", "badge-{code}.png"),
    "svg": ("image/svg+xml", "badge-{code}.svg"),
}


@login_required
@never_cache
@require_GET
def download(request, code):
    """The owner's credential: issued on first download (with their name only if they ticked
    the box), the same credential afterwards."""
    certificate = certificate_selectors.certificate_for_owner(user=request.user, code=code)
    if certificate is None:
        raise Http404("No such certificate")
    kind = request.GET.get("format", "json")
    if kind not in DOWNLOADS:
        kind = "json"
    try:
        with_name = request.GET.get("name") == "on"
        credential = services.credential_for(certificate=certificate, with_name=with_name)
    except CertificateError as error:
        messages.error(request, str(error))
        return redirect(certificate)
    if kind == "json":
        body = _json_bytes({"compactJwsString": [credential.jwt]})
    elif kind == "png":
        body = baking.bake_png(credential.jwt)
    else:
        body = baking.bake_svg(credential.jwt, title=certificate.course_title).encode()
    content_type, filename = DOWNLOADS[kind]
    response = HttpResponse(body, content_type=content_type)
    filename = filename.format(code=certificate.display_code)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _json_bytes(data) -> bytes:
    return json.dumps(data, indent=2).encode()


@csrf_exempt  # reads only, changes nothing: verifiers may post from anywhere, cookies or not
@never_cache
@require_http_methods(["GET", "POST"])
def verify_credential(request):
    """Public: check a credential pasted or uploaded, and say in plain words what we found."""
    if request.method == "GET":
        return render(request, "credentials/verify.html", {"form": CredentialVerifyForm()})
    if not ratelimit.allow(request, action="certificate_verify"):
        return too_many(request)
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:  # refused unread
        form = CredentialVerifyForm(data={})
        form.full_clean()
        form.errors.clear()
        form.add_error(None, TOO_LARGE)
        return render(request, "credentials/verify.html", {"form": form}, status=400)
    form = CredentialVerifyForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "credentials/verify.html", {"form": form}, status=400)
    finding = verification.verify(verification.extract_jwt(form.data_to_check()))
    status_code = 400 if finding.outcome == verification.UNREADABLE else 200
    response = render(
        request, "credentials/verify.html",
        {"form": CredentialVerifyForm(), "finding": finding, "outcomes": verification},
        status=status_code,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
