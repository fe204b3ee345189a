from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published, page_unpublished

        from lms.exports import install_wagtail_export_guard

        from .cache import clear_public_page_cache
        from .locales import cache_locale_lookups, sync_after_migrate

        # A Locale row for every configured content language (cms.locales).
        post_migrate.connect(sync_after_migrate, sender=self, dispatch_uid="cms-locales-sync")
        cache_locale_lookups()

        # Every Wagtail admin export (listings and reports) neutralises cells a spreadsheet would
        # run as a formula.
        install_wagtail_export_guard()

        from .serving import bump_pages_version

        def clear(**kwargs):
            clear_public_page_cache()
            bump_pages_version()

        # Cache invalidation only: publishing or unpublishing changes what visitors should see.
        page_published.connect(clear, weak=False, dispatch_uid="cms-clear-page-cache-published")
        page_unpublished.connect(clear, weak=False, dispatch_uid="cms-clear-page-cache-unpublished")
        connect_serving_caches()


def connect_serving_caches():
    """Forget the cached Site lookups, restricted pages and live page content (cms.serving) when
    their rows change: a page saved (drafts too: rare, and it keeps the rule simple), moved or
    deleted, besides published and unpublished above."""
    from django.core.signals import request_finished, request_started
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import post_page_move

    from .serving import bump_pages_version, forget_restrictions, forget_sites
    from .serving import request_finished as serving_finished
    from .serving import request_started as serving_started

    # Each request reads the pages version once (cms.serving.pages_version).
    request_started.connect(serving_started, weak=False, dispatch_uid="cms-serving-started")
    request_finished.connect(serving_finished, weak=False, dispatch_uid="cms-serving-finished")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(forget_sites, sender=Site, weak=False, dispatch_uid=f"cms-sites-{name}")
        signal.connect(forget_restrictions, sender=PageViewRestriction, weak=False,
                       dispatch_uid=f"cms-restrictions-{name}")
    post_page_move.connect(forget_restrictions, weak=False, dispatch_uid="cms-restrictions-moved")
    post_page_move.connect(bump_pages_version, weak=False, dispatch_uid="cms-pages-moved")
    post_delete.connect(bump_pages_version, sender=Page, weak=False, dispatch_uid="cms-pages-deleted")

    def page_saved(sender, instance, **kwargs):
        if isinstance(instance, Page):  # any page type (Django signals the concrete model)
            bump_pages_version()

    post_save.connect(page_saved, weak=False, dispatch_uid="cms-pages-saved")
