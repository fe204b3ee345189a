from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from lms.exports import install_wagtail_export_guard

        from .cache import clear_public_page_cache

        # Every Wagtail admin export (listings and reports) neutralises cells a spreadsheet would
        # run as a formula.
        install_wagtail_export_guard()

        def clear(**kwargs):
            clear_public_page_cache()

        # Cache invalidation only: publishing or unpublishing changes what visitors should see.
        page_published.connect(clear, weak=False, dispatch_uid="cms-clear-page-cache-published")
        page_unpublished.connect(clear, weak=False, dispatch_uid="cms-clear-page-cache-unpublished")
