"""What the certificates app holds about a person: their certificates and the PDFs.

Erasure withdraws each certificate: the verification code is kept with the day it was withdrawn
(`WithdrawnCertificate`), so the public verify page can say "withdrawn at the holder's request" with
no name; the row and its PDF go. Certificates a member of staff revoked keep the revocation, which
then names their pseudonym.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.privacy.exporting import plain
from lms.privacy.registry import PUBLIC_TASK, PersonalData, register_all

from .models import Certificate, WithdrawnCertificate
from .storage import certificate_storage


def _certificates(user):
    from django.conf import settings

    return [
        {
            "verification_code": c.display_code,
            "name_as_printed": c.learner_name,
            "course_title": c.course_title,
            "completed_at": plain(c.completed_at),
            "issued_at": plain(c.issued_at),
            "reissued_at": plain(c.reissued_at),
            "valid_until": plain(c.valid_until),
            "revoked_at": plain(c.revoked_at),
            "language": c.language,
            "verify_url": settings.SITE_URL + c.get_verify_url(),
            "pdf": f"files/certificate-{c.display_code}.pdf",
        }
        for c in Certificate.objects.filter(user=user).order_by("completed_at")
    ]


def _pdfs(user):
    from .services import certificate_pdf_file

    files = []
    for certificate in Certificate.objects.filter(user=user).order_by("completed_at"):
        with certificate_pdf_file(certificate=certificate) as pdf:
            files.append((f"certificate-{certificate.display_code}.pdf", pdf.read()))
    return files


def _erase_certificates(user):
    from lms.privacy.services import delete_files_on_commit, erasure_in_progress, reassign_to_pseudonym

    certificates = list(Certificate.objects.filter(user=user).only("pk", "code", "pdf"))
    today = timezone.localdate()
    WithdrawnCertificate.objects.bulk_create(
        [WithdrawnCertificate(code=c.code, withdrawn_on=today) for c in certificates], ignore_conflicts=True
    )
    delete_files_on_commit(certificate_storage(), [c.pdf.name for c in certificates])
    Certificate.objects.filter(pk__in=[c.pk for c in certificates]).delete()
    erasure_in_progress(user).certificates_withdrawn += len(certificates)
    reassign_to_pseudonym(user, [(Certificate, "revoked_by")])


def register_entries():
    register_all(
        PersonalData(
            "certificates.certificates", _("Certificates"),
            ("certificates.Certificate",), _certificates, _erase_certificates,
            files=_pdfs,
            purpose=_("To prove you completed a course, and let anyone you show it to check it is genuine."),
            lawful_basis=PUBLIC_TASK,
            retention=_(
                "As long as the account exists. When it is erased the certificate is withdrawn: its "
                "code then shows “withdrawn at the holder’s request”, with no name."
            ),
        ),
    )
