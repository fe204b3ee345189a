from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and progress")

    def ready(self):
        from cms.featured import register_featured_page_type

        from .emails import register_kinds
        from .privacy import register_entries

        register_kinds()
        # Courses can be featured on the home page (cms names no page type of its own above it).
        register_featured_page_type(
            "courses.CoursePage", card_template="courses/includes/featured_card.html"
        )
        register_entries()

        from cms.serving import register_fast_router

        from .serving import course_router

        register_fast_router(course_router)
