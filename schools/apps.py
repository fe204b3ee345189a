from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools, colleges and universities")

    def ready(self):
        from certificates.validity import register_validity_provider

        # Register the Celery tasks in every process, so they can be queued by name from web requests.
        from . import signals, tasks  # noqa: F401
        from .emails import register_kinds
        from .privacy import register_entries
        from .selectors.validity import certificate_valid_months

        register_kinds()
        register_entries()
        # Campaigns decide how long a course's certificates count; certificates print it.
        register_validity_provider(certificate_valid_months)
