"""Reads for credentials: the learner's current credentials and the LinkedIn link."""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone

from .models import Credential

LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def current_credentials(*, certificate) -> list[Credential]:
    current = Credential.objects.filter(certificate=certificate, revoked_at__isnull=True)
    return list(current.order_by("with_name"))


def linkedin_url(*, certificate) -> str:
    """LinkedIn's "add licence or certification" link, filled in from the certificate."""
    completed = timezone.localtime(certificate.completed_at)
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": certificate.course_title,
        "organizationName": settings.SITE_NAME,
        "issueYear": completed.year,
        "issueMonth": completed.month,
        "certUrl": settings.SITE_URL + certificate.get_verify_url(),
        "certId": certificate.display_code,
    }
    if certificate.valid_until:
        until = certificate.valid_until
        params.update(expirationYear=until.year, expirationMonth=until.month)
    return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(params)}"
