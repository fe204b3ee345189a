from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from .emails import register_kinds
        from .privacy import register_entries

        register_kinds()
        register_entries()
