"""The page types the home page can feature, and how each is shown there.

`cms` is the lowest content app: it knows no higher app's page types. An app whose pages may be
featured registers the type, and the template of its card, in its `AppConfig.ready()`:

    register_featured_page_type("courses.CoursePage", card_template="courses/includes/featured_card.html")

The home page's chooser offers only registered types, and each chosen page is shown with its
type's card (see `cms.blocks.FeaturedPageChooserBlock`).
"""

from wagtail.coreutils import resolve_model_string

_card_templates: dict[str, str] = {}  # "app_label.ModelName" -> template of its card


def register_featured_page_type(model: str, *, card_template: str) -> None:
    """Let pages of `model` ("app_label.ModelName") be featured on the home page, each shown with
    `card_template` (its context: `value`, the page; the home page's context otherwise)."""
    _card_templates[model] = card_template


def featured_page_models() -> list:
    """The registered page types, as models, in registration order."""
    return [resolve_model_string(name) for name in _card_templates]


def card_template_for(page) -> str | None:
    """The card template of `page`'s registered type (None for a type nobody registered)."""
    opts = type(page)._meta
    return _card_templates.get(f"{opts.app_label}.{opts.object_name}")
