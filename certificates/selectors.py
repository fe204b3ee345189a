"""Reads for certificates. Views, tasks and other apps (My learning, schools) call these."""

from datetime import datetime

from django.conf import settings

from courses.models import Enrollment

from .codes import normalise_code
from .models import Certificate, CertificateTemplate


def certificate_name_for(*, user) -> str:
    """The name a certificate is printed with: the account's full name, else its email address."""
    return (user.full_name or "").strip() or user.email


def certificate_name_outdated(*, certificate: Certificate, user) -> bool:
    """Whether `user` may have `certificate` reissued with the name now on their account: it is
    theirs, not revoked, and prints another name (`services.certificate_reissue` applies the same)."""
    return (
        certificate.user_id == user.pk
        and certificate.revoked_at is None
        and certificate_name_for(user=user) != certificate.learner_name
    )


def template_for_course(*, course_id: int, language: str | None = None) -> CertificateTemplate | None:
    """The template the course chose, else the default template, else None (built-in wording).
    With `language`, its translation into that language when there is one."""
    related = ("logo_image", "signature_image", "locale")
    template = (
        CertificateTemplate.objects.filter(course_links__course_id=course_id).select_related(*related).first()
    )
    if template is None:
        template = (
            CertificateTemplate.objects.filter(is_default=True, locale__language_code=settings.LANGUAGE_CODE)
            .select_related(*related)
            .first()
        ) or CertificateTemplate.objects.filter(is_default=True).select_related(*related).first()
    if template is None or language is None or template.locale.language_code == language:
        return template
    translation = (
        CertificateTemplate.objects.filter(
            translation_key=template.translation_key, locale__language_code=language
        )
        .select_related(*related)
        .first()
    )
    return translation or template


def certificate_for_enrollments(*, enrollment_ids) -> dict[int, Certificate]:
    """enrollment id -> certificate, for the given enrollments that have one (one query)."""
    ids = list(enrollment_ids)
    if not ids:
        return {}
    return {c.enrollment_id: c for c in Certificate.objects.filter(enrollment_id__in=ids)}


def certificates_for_user(*, user) -> list[Certificate]:
    return list(Certificate.objects.filter(user=user).order_by("-completed_at"))


def certificate_for_download(*, user, code: str) -> Certificate | None:
    """The certificate with `code` if `user` owns it or is staff allowed to view certificates.
    A revoked certificate is not handed out as if it were valid: only such staff get its PDF."""
    normalised = normalise_code(code)
    if normalised is None or not user.is_authenticated:
        return None
    certificate = Certificate.objects.filter(code=normalised).select_related("user").first()
    if certificate is None:
        return None
    is_viewer = user.is_staff and user.has_perm("certificates.view_certificate")
    if is_viewer or (certificate.user_id == user.pk and not certificate.is_revoked):
        return certificate
    return None


def certificate_for_owner(*, user, code: str) -> Certificate | None:
    normalised = normalise_code(code)
    if normalised is None or not user.is_authenticated:
        return None
    return Certificate.objects.filter(code=normalised, user=user).first()


def certificate_for_verification(*, code: str) -> Certificate | None:
    """Only what the public verify page shows."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return (
        Certificate.objects.filter(code=normalised)
        .only("code", "learner_name", "course_title", "completed_at", "revoked_at", "revoked_reason")
        .first()
    )


def certificate_withdrawal(*, code: str):
    """The withdrawal of a certificate whose holder had their data erased, or None (one query)."""
    from .withdrawals import WithdrawnCertificate

    normalised = normalise_code(code)
    if normalised is None:
        return None
    return WithdrawnCertificate.objects.filter(code=normalised).first()


def enrollments_missing_certificate(*, completed_before: datetime, limit: int) -> list[int]:
    """Completed enrollments with no certificate row, oldest first."""
    return list(
        Enrollment.objects.filter(
            completed_at__isnull=False, completed_at__lt=completed_before, certificate__isnull=True
        )
        .order_by("completed_at")
        .values_list("id", flat=True)[:limit]
    )


def certificates_unfinished(*, issued_before: datetime, email_since: datetime, limit: int) -> list[int]:
    """Enrollment ids of current certificates with no PDF yet, or (recent ones) never emailed."""
    from django.db.models import Q

    return list(
        Certificate.objects.filter(revoked_at__isnull=True, issued_at__lt=issued_before)
        .filter(Q(pdf="") | Q(emailed_at__isnull=True, issued_at__gte=email_since))
        .order_by("issued_at")
        .values_list("enrollment_id", flat=True)[:limit]
    )
