"""Writes for credentials: issue (lazily, when the learner first downloads one), revoke on a
reissue after a name change, withdraw with the certificate."""

import logging
import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..services import CertificateError
from . import build
from .models import Credential
from .signing import sign

logger = logging.getLogger(__name__)

REISSUED = "reissued"
WITHDRAWN = "withdrawn"


def _issue(*, certificate, with_name: bool) -> Credential:
    salt = secrets.token_hex(16)
    credential = Credential.objects.create(
        certificate=certificate,
        with_name=with_name,
        learner_name=certificate.learner_name if with_name else "",
        identity_salt=salt,
        identity_hash=build.identity_hash(certificate.user.email, salt),
        kid="",
    )
    document = build.credential_document(credential=credential, certificate=certificate)
    credential.jwt, credential.kid = sign(build.jwt_claims(document))
    credential.save(update_fields=["jwt", "kid"])
    return credential


def _current(*, certificate, with_name: bool):
    current = Credential.objects.filter(certificate=certificate, with_name=with_name, revoked_at__isnull=True)
    return current.first()


def credential_for(*, certificate, with_name: bool) -> Credential:
    """The certificate's current credential in that form, issued now if it has none. The same
    credential comes back every time (two tabs, double clicks): one current per form."""
    if certificate.revoked_at is not None:
        raise CertificateError(_("This certificate has been revoked, so it has no digital credential."))
    existing = _current(certificate=certificate, with_name=with_name)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return _issue(certificate=certificate, with_name=with_name)
    except IntegrityError:  # issued by a concurrent request
        return _current(certificate=certificate, with_name=with_name)


def _revoke(queryset, *, reason: str) -> list[int]:
    ids = list(queryset.filter(revoked_at__isnull=True).values_list("pk", flat=True))
    Credential.objects.filter(pk__in=ids).update(revoked_at=timezone.now(), revoked_reason=reason)
    return ids


def credentials_after_reissue(*, certificate) -> int:
    """After a reissue with a new name: revoke the credentials showing the old name and issue new
    ones with the name now printed. Credentials without a name stay as they are."""
    outdated = Credential.objects.filter(certificate=certificate, with_name=True).exclude(
        learner_name=certificate.learner_name
    )
    revoked = _revoke(outdated, reason=REISSUED)
    if revoked:
        _issue(certificate=certificate, with_name=True)
        logger.info("Certificate %s reissued: credentials %s revoked", certificate.pk, revoked)
    return len(revoked)


def credentials_withdraw(*, certificate=None, user=None) -> int:
    """The certificate (or every certificate of `user`) is withdrawn (an account erasure): every
    credential of it is revoked and loses the personal data it held; the rows stay so that the
    status list keeps saying so. A fixed number of queries."""
    if user is not None:
        queryset = Credential.objects.filter(certificate__user=user)
    else:
        queryset = Credential.objects.filter(certificate=certificate)
    queryset = Credential.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))
    revoked = _revoke(queryset, reason=WITHDRAWN)
    queryset.update(learner_name="", identity_salt="", identity_hash="", jwt="")
    return len(revoked)
