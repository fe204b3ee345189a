from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    """Open Badges 3.0 credentials for certificates: signing keys, the credentials, their status."""

    name = "certificates.credentials"
    label = "credentials"
    verbose_name = _("Digital credentials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, signals  # noqa: F401
        from .privacy import register_entries

        register_entries()
