from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "lms.privacy"
    label = "privacy"
    verbose_name = _("Personal data")

    def ready(self):
        from . import tasks  # noqa: F401  (registers the Celery tasks)
        from .emails import register_kinds
        from .privacy import register_entries

        register_kinds()
        register_entries()
