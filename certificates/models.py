"""Certificates: one per completed enrollment, and the templates whose wording they print.

Learner data stays out of the page tree: these are plain models pointing at `courses` rows.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import TranslatableMixin

from cms.wording import complete_sentences, sentence_part

from .codes import format_code
from .storage import certificate_storage
from .wording import DEFAULT_ACCENT_COLOUR

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six hex digits, e.g. #1d4f91.")


class CertificateTemplate(TranslatableMixin, ClusterableModel):
    """Wording and look of a certificate, edited by programme staff in Wagtail.

    Editing a template changes certificates issued (or reissued) afterwards only: each
    certificate keeps a snapshot of the wording it was printed with.

    Translatable: a translation of a template (same `translation_key`, another locale) holds its
    wording in that language, and certificates of learners who read that language print it.
    Courses choose the template in the default locale (`course_links` are not copied into
    translations); the translation is looked up from it.
    """

    exclude_fields_in_copy = ["course_links"]

    name = models.CharField(max_length=100, help_text=_("For staff: which template this is."))
    is_default = models.BooleanField(
        default=False, help_text=_("Used for every course that has no template of its own (only one).")
    )
    # Blank wording prints the standard wording, translated into the certificate's language.
    # Each certificate reads "<intro> NAME <completion text> COURSE TITLE", then the closing text
    # and the course's own wording, each as a paragraph of its own.
    heading = models.CharField(
        max_length=120,
        blank=True,
        help_text=_("Leave blank for the standard heading, “Certificate of completion”, in every language."),
    )
    intro = models.CharField(
        _("text before the name"),
        max_length=200,
        blank=True,
        validators=[sentence_part],
        help_text=_("Leave blank for the standard “This is to certify that”. No full stop: a name follows."),
    )
    completion_text = models.CharField(
        _("text between the name and the course title"),
        max_length=200,
        blank=True,
        validators=[sentence_part],
        help_text=_("Leave blank for the standard “has completed”. No full stop: the course title follows."),
    )
    body = models.TextField(
        _("closing text"),
        max_length=600,
        blank=True,
        validators=[complete_sentences],
        help_text=_(
            "Optional: one or more whole sentences, printed as a paragraph of their own under the "
            "course title (the course’s own certificate wording follows, as another paragraph)."
        ),
    )
    signatory_name = models.CharField(max_length=120, blank=True)
    signatory_role = models.CharField(max_length=160, blank=True)
    signature_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logo_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; the platform's own logo is used when empty."),
    )
    accent_colour = models.CharField(
        max_length=7, default=DEFAULT_ACCENT_COLOUR, validators=[hex_colour]
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta(TranslatableMixin.Meta):
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="certificates_template_name_per_locale"),
            models.UniqueConstraint(
                fields=["locale"],
                condition=Q(is_default=True),
                name="certificates_one_default_template",
            ),
            models.CheckConstraint(
                condition=Q(accent_colour__regex=r"^#[0-9a-fA-F]{6}$"),
                name="certificates_template_accent_hex",
            ),
        ]

    def __str__(self):
        return f"{self.name} (default)" if self.is_default else self.name


class CertificateTemplateCourse(models.Model):
    """A course that uses a template. A course has at most one; others fall back to the default."""

    template = ParentalKey(CertificateTemplate, on_delete=models.CASCADE, related_name="course_links")
    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="certificate_template_link"
    )

    class Meta:
        verbose_name = _("course using this template")

    def __str__(self):
        return f"course {self.course_id} uses template {self.template_id}"


class Certificate(models.Model):
    """Proof that a learner completed a course. One per enrollment; never deleted, only revoked."""

    enrollment = models.OneToOneField(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="certificate"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    course = models.ForeignKey("courses.CoursePage", on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(
        _("verification code"),
        max_length=16,
        unique=True,
        editable=False,
        help_text="16 Crockford base32 characters (80 random bits), stored without hyphens.",
    )
    learner_name = models.CharField(_("name as printed"), max_length=150)
    course_title = models.CharField(_("course title as printed"), max_length=255)
    completed_at = models.DateTimeField(db_index=True)
    course_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The course page revision the learner completed.",
    )
    template = models.ForeignKey(
        CertificateTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    wording = models.JSONField(
        default=dict,
        help_text="Snapshot of the template wording this certificate is printed with.",
    )
    pdf = models.FileField(storage=certificate_storage, upload_to="certificates/", blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)
    reissued_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True, db_index=True)
    revoked_reason = models.TextField(
        blank=True, help_text=_("Shown on the public verify page. Required when revoking.")
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(
        _("language printed in"),
        max_length=16,
        default="en-gb",
        help_text=_("The learner’s preferred language when the certificate was issued or reissued."),
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("The last day campaigns count this certificate; empty when they always do."),
    )

    class Meta:
        ordering = ["-issued_at"]
        permissions = [("revoke_certificate", _("Can revoke certificates"))]
        indexes = [models.Index(fields=["user", "course"]), models.Index(fields=["course", "revoked_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="certificates_revoked_needs_reason",
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9A-HJKMNP-TV-Z]{16}$"),
                name="certificates_code_crockford_16",
            ),
        ]

    def __str__(self):
        return f"{self.learner_name}: {self.course_title} ({self.display_code})"

    def get_absolute_url(self):
        return reverse("certificates:detail", kwargs={"code": self.display_code})

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def is_expired(self, *, on=None) -> bool:
        """Past its "valid until" date (still genuine: it no longer counts as current)."""
        return self.valid_until is not None and (on or timezone.localdate()) > self.valid_until

    def get_verify_url(self):
        return reverse("certificates:verify_code", kwargs={"code": self.display_code})

    def get_download_url(self):
        return reverse("certificates:download", kwargs={"code": self.display_code})


from .withdrawals import WithdrawnCertificate  # noqa: E402,F401  (its own module: no link to a person)
