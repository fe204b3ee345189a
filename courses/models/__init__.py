from .pages import CourseIndexPage, CoursePage, ModulePage
from .progress import Enrollment, ModuleProgress, QuizAttempt

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "ModulePage",
    "Enrollment",
    "ModuleProgress",
    "QuizAttempt",
]
