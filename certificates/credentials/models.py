"""One Open Badges 3.0 credential per certificate and way of showing the learner (with or without
their name). Rows are never deleted: the row's number is its place in the public status list, so
a credential whose certificate is revoked, reissued or withdrawn stays listed as revoked."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Credential(models.Model):
    # The row id is the credential's index in the Bitstring Status List (see status.py).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    subject_uid = models.UUIDField(
        default=uuid.uuid4, editable=False, help_text="Random credentialSubject.id: links to nothing."
    )
    certificate = models.ForeignKey(
        "certificates.Certificate",
        null=True,
        on_delete=models.SET_NULL,
        related_name="credentials",
        help_text="Empty once the certificate was withdrawn (the credential then counts as revoked).",
    )
    with_name = models.BooleanField(
        _("shows the learner's name"), default=False,
        help_text=_("The learner chose to show their name in the credential."),
    )
    learner_name = models.CharField(max_length=150, blank=True)
    identity_salt = models.CharField(max_length=64, blank=True)
    identity_hash = models.CharField(max_length=80, blank=True)
    kid = models.CharField(_("signing key id"), max_length=100)
    jwt = models.TextField(blank=True, help_text="The signed credential (compact JWS), as handed out.")
    issued_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True, db_index=True)
    revoked_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "with_name"],
                condition=Q(revoked_at__isnull=True),
                name="credentials_one_current_per_certificate_and_form",
            )
        ]

    def __str__(self):
        return f"credential {self.uid} ({'revoked' if self.revoked_at else 'current'})"

    @property
    def urn(self) -> str:
        return f"urn:uuid:{self.uid}"
