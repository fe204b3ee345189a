from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import ContentStreamBlock, FeaturedPageChooserBlock

HELPLINES_CACHE_KEY = "cms:helplines:v2"


def _helplines_changed():
    """Every page shows the helplines: forget the remembered list (cms.serving, site version) and
    the cached public pages."""
    from .cache import clear_public_page_cache
    from .serving import bump_site_version

    bump_site_version()
    clear_public_page_cache()


class HelplineQuerySet(models.QuerySet):
    def live(self):
        return self.filter(is_active=True)


class Helpline(TranslatableMixin, models.Model):
    """A crisis or support contact shown in the site-wide "Get help now" area and in signposts.

    Programme staff keep these up to date in the CMS, so a number can change without a deploy.
    Translatable (wagtail-localize): a page in another language shows a helpline's translation
    where one exists and the English entry otherwise. Numbers are synchronised, never translated,
    and no helpline is added for a language unless the service really offers it.
    """

    name = models.CharField(max_length=120)
    how_to_contact = models.CharField(
        max_length=200, help_text=_('For example "Call 116 123" or "Text SHOUT to 85258".')
    )
    phone_number = models.CharField(
        max_length=32,
        blank=True,
        help_text=_("Digits to dial, used for a tap-to-call link (for example 116123)."),
    )
    sms_number = models.CharField(
        max_length=32, blank=True, help_text=_("Digits to text, used for a tap-to-text link.")
    )
    website = models.URLField(blank=True)
    when_open = models.CharField(max_length=120, help_text=_('For example "24 hours, every day".'))
    who_for = models.CharField(max_length=200, help_text=_("Who this service is for."))
    is_emergency = models.BooleanField(
        default=False, help_text=_("Emergency services: shown first and highlighted.")
    )
    show_in_header = models.BooleanField(
        default=False,
        help_text=_("Also shown in the short crisis line at the top of every page."),
    )
    is_active = models.BooleanField(default=True)
    sort_order = models.PositiveSmallIntegerField(default=100)

    objects = HelplineQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("how_to_contact"),
        FieldPanel("phone_number"),
        FieldPanel("sms_number"),
        FieldPanel("website"),
        FieldPanel("when_open"),
        FieldPanel("who_for"),
        FieldPanel("is_emergency"),
        FieldPanel("show_in_header"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-is_emergency", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="cms_helpline_name_unique")
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        _helplines_changed()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _helplines_changed()
        return result


class HomePage(Page):
    intro = models.TextField(
        blank=True, help_text=_("A sentence or two on what the platform offers and for whom.")
    )
    featured_courses = StreamField(
        # The page types on offer are those higher apps register (cms.featured): cms names none.
        [("course", FeaturedPageChooserBlock())],
        blank=True,
        help_text=_("Courses to show on the home page, in this order."),
    )
    show_campaign_progress = models.BooleanField(
        default=True,
        help_text=_("Show live progress toward the campaign targets, the borough map and the chart."),
    )
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("featured_courses"),
        FieldPanel("show_campaign_progress"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "cms/home_page.html"


class StandardPage(Page):
    summary = models.TextField(blank=True)
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]
    template = "cms/standard_page.html"

