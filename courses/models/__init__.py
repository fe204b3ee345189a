from .pages import AssessmentFeedback, CourseIndexPage, CoursePage, ModulePage
from .progress import Enrollment, ModuleProgress, QuizAttempt, QuizPaper

__all__ = [
    "AssessmentFeedback",
    "CourseIndexPage",
    "CoursePage",
    "ModulePage",
    "Enrollment",
    "ModuleProgress",
    "QuizAttempt",
    "QuizPaper",
]
