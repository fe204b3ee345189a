"""Certificate pages: public verification, and the owner's certificate page and download."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import ratelimit, selectors, services
from .codes import format_code, normalise_code
from .credentials import selectors as credential_selectors
from .credentials.forms import CredentialVerifyForm
from .forms import VerifyForm
from .rendering import language_tag
from .scripts import name_language


def _too_many(request):
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


@never_cache
@require_GET
def verify(request):
    """The public form: type a code, land on its verify page."""
    form = VerifyForm(request.GET or None)
    if request.GET:
        if not ratelimit.allow(request, action="certificate_verify"):
            return _too_many(request)
        if form.is_valid():
            return redirect("certificates:verify_code", code=format_code(form.cleaned_data["code"]))
    return render(
        request, "certificates/verify.html", {"form": form, "credential_form": CredentialVerifyForm()},
        status=400 if form.errors else 200,
    )


@never_cache
@require_GET
def verify_code(request, code):
    """Public: name, course, completion date and status. Nothing else, and nothing for unknown codes."""
    if not ratelimit.allow(request, action="certificate_verify"):
        return _too_many(request)
    normalised = normalise_code(code)
    if normalised is not None and code != format_code(normalised):
        return redirect("certificates:verify_code", code=format_code(normalised), permanent=True)
    certificate = selectors.certificate_for_verification(code=code)
    context = {"certificate": certificate, "code": code, "form": VerifyForm()}
    if certificate is None:
        context["withdrawal"] = selectors.certificate_withdrawal(code=code)
    else:
        context["expired"] = certificate.is_expired()
        context["name_lang"] = language_tag(
            name_language(certificate.learner_name, certificate_language=get_language())
        )
    found = certificate is not None or context.get("withdrawal") is not None
    response = render(request, "certificates/verify_result.html", context, status=200 if found else 404)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _owned_or_404(request, code):
    certificate = selectors.certificate_for_owner(user=request.user, code=code)
    if certificate is None:
        raise Http404("No such certificate")
    return certificate


@login_required
@never_cache
@require_GET
def detail(request, code):
    """The owner's certificate page: download, verification link, reissue after a name change."""
    certificate = _owned_or_404(request, code)
    if code != certificate.display_code:
        return redirect(certificate)
    return render(
        request,
        "certificates/detail.html",
        {
            "certificate": certificate,
            "current_name": selectors.certificate_name_for(user=request.user),
            "name_changed": selectors.certificate_name_outdated(certificate=certificate, user=request.user),
            "verify_link": settings.SITE_URL + certificate.get_verify_url(),
            "linkedin_url": credential_selectors.linkedin_url(certificate=certificate),
        },
    )


@login_required
@never_cache
@require_GET
def mine(request):
    return render(
        request,
        "certificates/mine.html",
        {"certificates": selectors.certificates_for_user(user=request.user)},
    )


@login_required
@require_POST
def reissue(request, code):
    certificate = _owned_or_404(request, code)
    try:
        changed = services.certificate_reissue(certificate=certificate, user=request.user)
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        if changed:
            messages.success(
                request,
                _("Your certificate now shows the name %(name)s.") % {"name": certificate.learner_name},
            )
        else:
            messages.info(request, _("Your certificate already shows the name on your account."))
    return redirect(certificate)


@login_required
@never_cache
@require_GET
def download(request, code):
    """The PDF, for its owner (and staff allowed to view certificates); 404 for anyone else."""
    certificate = selectors.certificate_for_download(user=request.user, code=code)
    if certificate is None:
        raise Http404("No such certificate")
    filename = f"certificate-{certificate.display_code}.pdf"
    url = services.certificate_download_url(certificate=certificate, filename=filename)
    if url:  # a private bucket: a short-lived presigned address, so no web process streams the file
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(
            services.certificate_pdf_file(certificate=certificate),
            as_attachment=True,
            filename=filename,
            content_type="application/pdf",
        )
    response["Cache-Control"] = "private, no-store"
    return response
