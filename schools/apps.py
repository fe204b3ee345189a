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
        from cms.serving import read_with_versions

        from .navigation import keys_for_request

        read_with_versions(keys_for_request)
        # A verified address claims the records of training done elsewhere waiting for it.
        from allauth.account.signals import email_confirmed

        from .external import on_email_confirmed

        email_confirmed.connect(on_email_confirmed, dispatch_uid="schools.external_records_claim")
        # Campaigns decide how long a course's certificates count; certificates print it.
        register_validity_provider(certificate_valid_months)
