"""Lesson blocks for module bodies, built on the shared `cms` blocks."""

from cms.blocks import ContentStreamBlock


class ModuleStreamBlock(ContentStreamBlock):
    """Everything a module body may contain: the shared content blocks plus lesson-only blocks."""
