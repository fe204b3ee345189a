"""Certificates withdrawn at their holder's request (when the holder's personal data was erased).

Only the verification code and the day it was withdrawn are kept, so the public verify page can say
"withdrawn at the holder's request" for a code someone was shown, with no name, course or PDF.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WithdrawnCertificate(models.Model):
    code = models.CharField(_("verification code"), max_length=16, unique=True, editable=False)
    withdrawn_on = models.DateField(_("withdrawn on"))

    class Meta:
        verbose_name = _("withdrawn certificate")
        verbose_name_plural = _("withdrawn certificates")

    def __str__(self):
        return f"withdrawn certificate {self.code}"
