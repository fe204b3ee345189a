"""Computed CSS styles remembered between certificate renders (one process).

Every certificate is the same template with the same stylesheet, so its elements get the same
styles render after render: the heading of one certificate has exactly the computed style of the
heading of the next. WeasyPrint works those out again for every document (matching every
selector, cascading, then computing each property lazily, about a quarter of a render's CPU).
Here an element's computed style is looked up instead, by what it depends on:

- its parent's style (the key of the parent, so the whole chain of ancestors),
- the declarations WeasyPrint reads from its own attributes (`style`, `lang`, `id`...), as text,
- the stylesheet rules that match it (each rule's declarations are parsed once per process, so
  the rule is named by the identity of its declarations), with their specificity, layer and
  pseudo-element.

The page's style and its margin boxes' are remembered the same way, by page type (every
certificate is one first page), stylesheets and the root element's style.

Most certificates differ from one another only in text and in the images' sources (the QR code)
and descriptions: their element trees have the same shape, tags and styled attributes. Such a
document's elements take the styles the first one got, element for element, without matching
selectors at all (`_tree_signature` says what counts).

Selectors are still matched against every element of every document (so `[dir]`, `:lang()`,
classes and the size and fit classes all count), and two elements share a style only when all of
the above are equal; that is the same rule WeasyPrint itself uses to share styles within one
document, extended across documents. Styles hold no text and no learner data: they are property
values (lengths, colours, font families), so nothing of one certificate can reach another.

`CertificateDocument` is WeasyPrint's `Document` with this style lookup; everything else
(box building, layout, drawing) is WeasyPrint's own.
"""

from __future__ import annotations

import functools
from math import inf

import tinycss2
from weasyprint.css import (
    StyleFor,
    declaration_precedence,
    find_style_attributes,
    find_stylesheets,
)
from weasyprint.css.targets import TargetCollector
from weasyprint.css.validation import preprocess_declarations
from weasyprint.document import Document
from weasyprint.images import get_image_from_uri as original_get_image_from_uri
from weasyprint.layout import LayoutContext
from weasyprint.layout.page import PageType

# Forget everything past this many styles (a certificate has about 60 elements; each template
# colour, language and fit level has its own): memory stays bounded whatever is rendered.
MAX_STYLES = 20_000
MAX_DOCUMENTS = 500

# Attribute values that differ from certificate to certificate and that no selector of the
# stylesheets looks at (tests/certificates/test_render_cache.py checks): a document whose tree
# differs from another only in these has the same styles, element for element.
_NOT_STYLED = {"img": ("src", "alt"), "meta": ("content",)}


def _tree_signature(root) -> tuple:
    """What the styles of a document's elements can depend on: every element's tag, attributes
    (but `_NOT_STYLED` ones), number of children and whether it has text and text after it,
    in document order (which with the numbers of children gives the tree's shape)."""
    signature = []
    for element in root.iter():
        skipped = _NOT_STYLED.get(element.tag, ())
        if skipped and element.get("http-equiv") is not None:  # a meta that can set a language
            skipped = ()
        attributes = tuple(item for item in element.attrib.items() if item[0] not in skipped)
        signature.append((element.tag, attributes, len(element), bool(element.text), bool(element.tail)))
    return tuple(signature)


class StyleCache:
    """The styles remembered in one process, shared by the documents rendered in it."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.key_ids: dict[tuple, int] = {}
        self.styles: dict = {}
        self.documents: dict[tuple, list] = {}  # tree signature -> each element's style key
        # Viewport-relative units read the page size from here; every certificate page is A4.
        self.initial_page_sizes = {"box": None, "area": None}

    def key_id(self, key: tuple) -> int:
        key_id = self.key_ids.get(key)
        if key_id is None:
            key_id = self.key_ids[key] = len(self.key_ids)
        return key_id


class CachedStyleFor(StyleFor):
    """WeasyPrint's `StyleFor` (styles of one document), taking styles from a `StyleCache`."""

    def __init__(self, html, sheets, presentational_hints, font_config, target_collector,
                 cache: StyleCache):
        if len(cache.styles) > MAX_STYLES or len(cache.documents) > MAX_DOCUMENTS:
            cache.clear()
        self._cascaded_styles = cascaded_styles = {}
        self._computed_styles = computed_styles = {}
        self.initial_page_sizes = cache.initial_page_sizes
        self._sheets = sheets
        self.font_config = font_config

        root = html.etree_element
        self._cache = cache
        sheets_key = tuple(id(sheet) for sheet, _origin, _specificity in sheets)
        signature = (sheets_key, presentational_hints, html.base_url, _tree_signature(root))
        elements = cache.documents.get(signature)
        if elements is None:
            elements, order = self._match_and_compute(html, sheets, presentational_hints, target_collector)
            if order == [element for element in root.iter() if isinstance(element.tag, str)]:
                cache.documents[signature] = elements  # remembered in the order replayed below
        else:
            etree_elements = [element for element in root.iter() if isinstance(element.tag, str)]
            for etree_element, (key_id, pseudo_types) in zip(etree_elements, elements, strict=True):
                computed = computed_styles[etree_element, None] = cache.styles[key_id]
                for pseudo_type in pseudo_types:
                    computed_styles[etree_element, pseudo_type] = cache.styles[key_id, pseudo_type]
                if target_collector and computed["anchor"]:
                    target_collector.collect_anchor(computed["anchor"])

        # Kept for the page's own declarations, added while laying out pages.
        cascaded_styles.clear()
        # Page styles (the page and its margin boxes) depend on the page type, the stylesheets
        # and the root element's style.
        self._page_key = (elements[0][0], sheets_key)

    def set_computed_styles(self, element, parent, root=None, pseudo_type=None, base_url=None,
                            target_collector=None):
        if not isinstance(element, PageType):  # an element: see __init__
            return super().set_computed_styles(
                element, parent, root=root, pseudo_type=pseudo_type, base_url=base_url,
                target_collector=target_collector)
        key = ("page", element, pseudo_type, self._page_key)
        style = self._cache.styles.get(key)
        if style is None:
            super().set_computed_styles(
                element, parent, root=root, pseudo_type=pseudo_type, base_url=base_url,
                target_collector=target_collector)
            self._cache.styles[key] = self._computed_styles[element, pseudo_type]
        else:
            self._computed_styles[element, pseudo_type] = style
        return None

    def _match_and_compute(self, html, sheets, presentational_hints, target_collector):
        """Match the stylesheets against every element and take or compute its styles: a list of
        (style key, pseudo-element types) and the list of elements, in document order."""
        # Declarations from the elements' own attributes, as WeasyPrint finds them.
        attribute_declarations = {}
        for specificity, element, declarations, base_url in find_style_attributes(
                html.etree_element, presentational_hints, html.base_url):
            declarations = list(declarations)
            attribute_declarations.setdefault(element, []).append(
                (specificity, declarations, base_url))

        root = html.etree_element
        cache = self._cache
        computed_styles = self._computed_styles
        key_ids = {}
        elements, order = [], []
        for element in html.wrapper_element.iter_subtree():
            etree_element = element.etree_element
            own = attribute_declarations.get(etree_element, ())
            matches = []
            rules = []
            for sheet, origin, sheet_specificity in sheets:
                for selector in sheet.matcher.match(element):
                    specificity, _order, pseudo_type, (declarations, layer) = selector
                    layer_order = inf if layer is None else sheet.layers.index(layer)
                    matches.append(
                        (origin, sheet_specificity or specificity, pseudo_type, declarations,
                         layer_order))
                    rules.append((id(declarations), specificity, sheet_specificity,
                                  origin, pseudo_type, layer_order))
            parent_key = key_ids[element.parent.etree_element] if element.parent else None
            key = (
                parent_key,
                tuple((specificity, tinycss2.serialize(declarations))
                      for specificity, declarations, _ in own),
                tuple(rules),
            )
            key_id = key_ids[etree_element] = cache.key_id(key)
            pseudo_types = {match[2] for match in matches if match[2]}
            computed = cache.styles.get(key_id)
            if computed is None:
                self._cascade(etree_element, own, matches)
                parent = element.parent.etree_element if element.parent else None
                self.set_computed_styles(
                    etree_element, root=root, parent=parent, base_url=html.base_url,
                    target_collector=None)
                computed = cache.styles[key_id] = computed_styles[etree_element, None]
                for pseudo_type in pseudo_types:
                    self.set_computed_styles(
                        etree_element, pseudo_type=pseudo_type, root=root,
                        parent=etree_element, base_url=html.base_url, target_collector=None)
                    cache.styles[key_id, pseudo_type] = computed_styles[etree_element, pseudo_type]
            else:
                computed_styles[etree_element, None] = computed
                for pseudo_type in pseudo_types:
                    computed_styles[etree_element, pseudo_type] = cache.styles[key_id, pseudo_type]
            if target_collector and computed["anchor"]:
                target_collector.collect_anchor(computed["anchor"])
            elements.append((key_id, tuple(sorted(pseudo_types))))
            order.append(etree_element)
        return elements, order


    def _cascade(self, etree_element, own, matches) -> None:
        """The element's cascaded styles (and its pseudo-elements'), as `StyleFor` builds them."""
        cascaded_styles = self._cascaded_styles
        style = cascaded_styles.setdefault((etree_element, None), {})
        for specificity, declarations, base_url in own:
            for name, values, importance in preprocess_declarations(base_url, declarations):
                weight = (declaration_precedence("author", importance), inf, specificity)
                old_weight = style.get(name, (None, None))[1]
                if old_weight is None or old_weight <= weight:
                    style[name] = values, weight
        for origin, specificity, pseudo_type, declarations, layer_order in matches:
            style = cascaded_styles.setdefault((etree_element, pseudo_type), {})
            for name, values, importance in declarations:
                weight = (declaration_precedence(origin, importance), layer_order, specificity)
                old_weight = style.get(name, (None, None))[1]
                if old_weight is None or old_weight <= weight:
                    style[name] = values, weight


class CertificateDocument(Document):
    """WeasyPrint's `Document`, with computed styles taken from `style_cache` (set per class)."""

    style_cache: StyleCache = StyleCache()

    @classmethod
    def _build_layout_context(cls, html, font_config, counter_style, color_profiles, options):  # noqa: PLR0913
        # As Document._build_layout_context and css.get_all_computed_styles, with CachedStyleFor.
        target_collector = TargetCollector()
        page_rules = []
        layers = []
        cache = options["cache"]
        if cache is None:
            cache = {}
        user_stylesheets = list(options["stylesheets"] or [])
        sheets = []
        for style in html._ua_counter_style():
            for key, value in style.items():
                counter_style[key] = value
        for sheet in html._ua_stylesheets(options["pdf_forms"]) or []:
            sheets.append((sheet, "user agent", None))
        if options["presentational_hints"]:
            for sheet in html._ph_stylesheets() or []:
                sheets.append((sheet, "author", (0, 0, 0)))
        for sheet in find_stylesheets(
                html.wrapper_element, html.media_type, html.url_fetcher, html.base_url,
                font_config, counter_style, color_profiles, page_rules, layers):
            sheets.append((sheet, "author", None))
        for sheet in user_stylesheets:
            sheets.append((sheet, "user", None))
        style_for = CachedStyleFor(
            html, sheets, options["presentational_hints"], font_config, target_collector,
            cls.style_cache)
        get_image_from_uri = functools.partial(
            original_get_image_from_uri, cache=cache, url_fetcher=html.url_fetcher,
            options=options)
        return LayoutContext(
            style_for, get_image_from_uri, font_config, counter_style, target_collector)

