from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses and progress")

    def ready(self):
        from .emails import register_kinds

        register_kinds()

        from cms.serving import register_fast_router

        from .serving import course_router

        register_fast_router(course_router)
