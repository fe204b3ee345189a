from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools, colleges and universities")

    def ready(self):
        # Register the Celery tasks in every process, so they can be queued by name from web requests.
        from . import tasks  # noqa: F401
        from .emails import register_kinds

        register_kinds()
