"""The product's name, set once (`settings.SITE_NAME`), shown everywhere in the reader's language."""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop

# The default name, marked so the catalogues carry its translations.
DEFAULT_SITE_NAME = gettext_noop("London suicide prevention and Youth MHFA training")


def site_name() -> str:
    """`settings.SITE_NAME` in the active language (as set when a catalogue translates it)."""
    return gettext(settings.SITE_NAME)


site_name_lazy = lazy(site_name, str)
