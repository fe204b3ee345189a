"""Writes for certificates: issue, render, email, reissue after a name change, revoke."""

import io
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrollment
from courses.services import CERTIFICATE_TASK
from lms.errors import RequestRefused
from lms.i18n import language_for
from lms.notifications.services import email_send
from lms.queueing import enqueue_on_commit

from . import selectors, validity
from .codes import generate_code
from .emails import CERTIFICATE_ISSUED
from .models import Certificate, CertificateTemplate
from .rendering import CertificateData, render_certificate_pdf
from .wording import DEFAULT_ACCENT_COLOUR

logger = logging.getLogger(__name__)

# Blank wording prints the standard wording, translated (see rendering.CertificateData).
BUILT_IN_WORDING = {
    "heading": "",
    "intro": "",
    "completion_text": "",
    "body": "",
    "signatory_name": "",
    "signatory_role": "",
    "accent_colour": DEFAULT_ACCENT_COLOUR,
    "logo_file": "",
    "signature_file": "",
}


class CertificateError(RequestRefused):
    """A request about a certificate that cannot be carried out (shown to the person asking)."""


def wording_snapshot(*, template: CertificateTemplate | None, course, language: str | None = None) -> dict:
    """The wording a certificate is printed with, frozen at issue (or reissue) time: the template's
    (its translation into `language` when it has one) and the course's own (from the course page's
    live translation into `language` when there is one)."""
    wording = dict(BUILT_IN_WORDING)
    wording["wording_language"] = settings.LANGUAGE_CODE
    if template is not None:
        wording.update(
            wording_language=template.locale.language_code,
            template_id=template.pk,
            template_updated_at=template.updated_at.isoformat(),
            heading=template.heading,
            intro=template.intro,
            completion_text=template.completion_text,
            body=template.body,
            signatory_name=template.signatory_name,
            signatory_role=template.signatory_role,
            accent_colour=template.accent_colour,
            logo_file=_image_file(template.logo_image, "height-240"),
            signature_file=_image_file(template.signature_image, "height-160"),
        )
    translated = _course_in(course, language)
    wording["course_wording"] = getattr(translated, "certificate_wording", "") or ""
    wording["course_wording_language"] = translated.locale.language_code if translated else ""
    return wording


def _course_in(course, language: str | None):
    """The course page's live translation into `language`, else the course itself."""
    if language is None or course is None or course.locale.language_code == language:
        return course
    translation = (
        type(course).objects.live()
        .filter(translation_key=course.translation_key, locale__language_code=language)
        .select_related("locale")
        .first()
    )
    return translation or course


def _image_file(image, spec: str) -> str:
    if image is None:
        return ""
    try:
        return image.get_rendition(spec).file.name
    except Exception:  # a missing original must not stop a certificate being issued
        logger.exception("Could not prepare image %s for certificates", image.pk)
        return ""


def certificate_language(*, user) -> str:
    """The language a learner's certificate prints in: their preferred language when the platform
    offers it, else the site's default."""
    return language_for(user)


def certificate_get_or_create(*, enrollment: Enrollment) -> Certificate:
    """The enrollment's certificate, created if it has none. Concurrent callers get the same row."""
    existing = Certificate.objects.filter(enrollment_id=enrollment.pk).first()
    if existing is not None:
        return existing
    course = enrollment.course
    language = certificate_language(user=enrollment.user)
    template = selectors.template_for_course(course_id=course.pk, language=language)
    fields = {
        "user_id": enrollment.user_id,
        "course_id": course.pk,
        "learner_name": selectors.certificate_name_for(user=enrollment.user),
        "course_title": _course_in(course, language).title,
        "completed_at": enrollment.completed_at,
        "course_revision_id": course.live_revision_id or course.latest_revision_id,
        "template": template,
        "wording": wording_snapshot(template=template, course=course, language=language),
        "language": language,
        "valid_until": validity.valid_until(
            course=course, completed_on=timezone.localtime(enrollment.completed_at).date()
        ),
    }
    for _attempt in range(3):
        try:
            with transaction.atomic():
                return Certificate.objects.create(enrollment=enrollment, code=generate_code(), **fields)
        except IntegrityError:
            existing = Certificate.objects.filter(enrollment_id=enrollment.pk).first()
            if existing is not None:  # another worker issued it first
                return existing
            # otherwise the code collided (about 1 in 2**80): draw another
    raise RuntimeError("Could not allocate a verification code")  # a fault, not a refusal


def certificate_issue(*, enrollment_id: int) -> Certificate | None:
    """Issue the certificate of a completed enrollment: create, render, email. Safe to repeat."""
    enrollment = Enrollment.objects.select_related("user", "course").filter(pk=enrollment_id).first()
    if enrollment is None or enrollment.completed_at is None:
        logger.warning("Enrollment %s is missing or not complete; no certificate issued", enrollment_id)
        return None
    certificate = certificate_get_or_create(enrollment=enrollment)
    if certificate.revoked_at is not None:
        return certificate
    certificate_ensure_pdf(certificate=certificate)
    certificate_send_email(certificate=certificate)
    return certificate


def certificate_data(*, certificate: Certificate) -> CertificateData:
    """What is printed, from the certificate's snapshots only (never the live template)."""
    wording = {**BUILT_IN_WORDING, **(certificate.wording or {})}
    verify_path = reverse("certificates:verify_code", kwargs={"code": certificate.display_code})
    return CertificateData(
        learner_name=certificate.learner_name,
        course_title=certificate.course_title,
        completed_on=timezone.localtime(certificate.completed_at).date(),
        code=certificate.display_code,
        verify_url=settings.SITE_URL + verify_path,
        verify_page=_without_scheme(settings.SITE_URL + reverse("certificates:verify")),
        language=certificate.language or settings.LANGUAGE_CODE,
        valid_until=certificate.valid_until,
        wording_language=wording.get("wording_language") or settings.LANGUAGE_CODE,
        course_wording_language=wording.get("course_wording_language") or settings.LANGUAGE_CODE,
        heading=wording["heading"],
        intro=wording["intro"],
        completion_text=wording["completion_text"],
        body=wording["body"],
        course_wording=wording.get("course_wording", ""),
        signatory_name=wording["signatory_name"],
        signatory_role=wording["signatory_role"],
        accent_colour=wording["accent_colour"],
        logo_path=_media_path(wording["logo_file"]),
        signature_path=_media_path(wording["signature_file"]),
        revoked_on=timezone.localtime(certificate.revoked_at).date() if certificate.revoked_at else None,
    )


def _without_scheme(url: str) -> str:
    return url.split("://", 1)[-1]


def _media_path(name: str) -> str:
    if not name:
        return ""
    try:
        return default_storage.path(name) if default_storage.exists(name) else ""
    except NotImplementedError:  # remote storage: print without the image rather than fetch it
        return ""


def certificate_render(*, certificate: Certificate) -> Certificate:
    """Render the PDF from the snapshots and store it under a fresh name, then drop the old file."""
    pdf = render_certificate_pdf(certificate_data(certificate=certificate))
    field = certificate.pdf
    storage = field.storage
    old_name = field.name or ""
    code = certificate.code
    new_name = storage.save(f"certificates/{code[:2]}/{code}-{secrets.token_hex(4)}.pdf", ContentFile(pdf))
    now = timezone.now()
    updated = Certificate.objects.filter(pk=certificate.pk, pdf=old_name).update(
        pdf=new_name, pdf_rendered_at=now
    )
    if updated:
        certificate.pdf.name = new_name
        certificate.pdf_rendered_at = now
        if old_name:
            transaction.on_commit(lambda: storage.delete(old_name))
    else:  # someone else stored a newer PDF meanwhile: keep theirs
        storage.delete(new_name)
        certificate.refresh_from_db(fields=["pdf", "pdf_rendered_at"])
    return certificate


def certificate_pdf_file(*, certificate: Certificate):
    """The PDF to hand out, as an open binary file. A revoked certificate (only staff get one) is
    rendered afresh with the revocation printed on it, and never stored: the stored file, rendered
    while it was valid, does not say so."""
    if certificate.revoked_at is not None:
        return io.BytesIO(render_certificate_pdf(certificate_data(certificate=certificate)))
    certificate_ensure_pdf(certificate=certificate)
    return certificate.pdf.storage.open(certificate.pdf.name, "rb")


def certificate_download_url(*, certificate: Certificate, filename: str) -> str | None:
    """Where the owner's browser fetches the PDF when certificates are kept in a private bucket
    (settings.CERTIFICATES_BUCKET): a presigned address that expires after
    CERTIFICATE_DOWNLOAD_URL_SECONDS and names the file as an attachment. None when the view should
    send the file itself: no bucket, or a revoked certificate (rendered afresh, never stored)."""
    if not settings.CERTIFICATES_BUCKET or certificate.revoked_at is not None:
        return None
    certificate_ensure_pdf(certificate=certificate)
    return certificate.pdf.storage.url(
        certificate.pdf.name,
        parameters={
            "ResponseContentDisposition": f'attachment; filename="{filename}"',
            "ResponseContentType": "application/pdf",
            "ResponseCacheControl": "private, no-store",
        },
        expire=settings.CERTIFICATE_DOWNLOAD_URL_SECONDS,
    )


def certificate_ensure_pdf(*, certificate: Certificate) -> Certificate:
    """Render the PDF if it was never stored or the stored file has gone missing."""
    name = certificate.pdf.name
    if name and certificate.pdf.storage.exists(name):
        return certificate
    if name:
        logger.warning("Certificate %s PDF %s is missing; rendering it again", certificate.pk, name)
    return certificate_render(certificate=certificate)


def certificate_send_email(*, certificate: Certificate) -> bool:
    """Email the learner a link to their certificate page, once. Returns True if sent now."""
    with transaction.atomic():
        locked = (
            Certificate.objects.select_for_update()
            .select_related("user")
            .filter(pk=certificate.pk, emailed_at__isnull=True, revoked_at__isnull=True)
            .first()
        )
        if locked is None:
            return False
        email_send(
            kind=CERTIFICATE_ISSUED,
            user=locked.user,
            key=f"certificate:{locked.pk}",
            context={
                "certificate": locked,
                "page_url": settings.SITE_URL + locked.get_absolute_url(),
                "verify_url": settings.SITE_URL + locked.get_verify_url(),
            },
        )
        locked.emailed_at = timezone.now()
        # An update, not save(): nothing a save signal looks at (Wagtail's reference index of the
        # certificate's links) changes, and this runs for every certificate issued.
        Certificate.objects.filter(pk=locked.pk).update(emailed_at=locked.emailed_at)
    certificate.emailed_at = locked.emailed_at
    return True


def certificate_reissue(*, certificate: Certificate, user) -> bool:
    """Print the owner's current name (and current template wording), keeping the code.
    Returns False when the certificate already shows that name."""
    if certificate.user_id != user.pk:
        raise CertificateError(_("Only the certificate's owner can ask for it to be reissued."))
    if certificate.revoked_at is not None:
        raise CertificateError(_("This certificate has been revoked, so it cannot be reissued."))
    if not selectors.certificate_name_outdated(certificate=certificate, user=user):
        return False
    language = certificate_language(user=user)
    name = selectors.certificate_name_for(user=user)
    template = selectors.template_for_course(course_id=certificate.course_id, language=language)
    certificate.learner_name = name
    certificate.template = template
    certificate.wording = wording_snapshot(template=template, course=certificate.course, language=language)
    certificate.language = language
    certificate.reissued_at = timezone.now()
    with transaction.atomic():
        certificate.save(update_fields=["learner_name", "template", "wording", "language", "reissued_at"])
        certificate_render(certificate=certificate)
        from .credentials.services import credentials_after_reissue

        credentials_after_reissue(certificate=certificate)
    return True


def certificate_revoke(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Mark a certificate revoked, with a reason shown on the public verify page."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason, as it will be shown on the verify page.")})
    now = timezone.now()
    Certificate.objects.filter(pk=certificate.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_reason=reason[:1000], revoked_by=by
    )
    certificate.refresh_from_db()
    logger.info("Certificate %s revoked by user %s", certificate.pk, getattr(by, "pk", None))
    return certificate


def certificates_sweep(*, limit: int = 500) -> int:
    """Queue the issue task for completions without a certificate, certificates without a PDF, and
    recent certificates never emailed. A broker outage delays certificates; this recovers them."""
    now = timezone.now()
    grace = now - timedelta(minutes=settings.CERTIFICATE_SWEEP_GRACE_MINUTES)
    enrollment_ids = selectors.enrollments_missing_certificate(completed_before=grace, limit=limit)
    enrollment_ids += selectors.certificates_unfinished(
        issued_before=grace, email_since=now - timedelta(days=7), limit=limit
    )
    for enrollment_id in dict.fromkeys(enrollment_ids):
        enqueue_on_commit(CERTIFICATE_TASK, enrollment_id)
    if enrollment_ids:
        logger.info("Certificate sweep queued %d enrollments", len(enrollment_ids))
    return len(set(enrollment_ids))
