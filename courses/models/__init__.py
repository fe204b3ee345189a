from .confidence import ConfidenceAnswer, ConfidenceCheck, ConfidenceOffer, ConfidenceResponse
from .pages import AssessmentFeedback, CourseIndexPage, CoursePage, ModulePage
from .progress import Enrollment, ModuleProgress, QuizAttempt, QuizPaper

__all__ = [
    "ConfidenceAnswer",
    "ConfidenceCheck",
    "ConfidenceOffer",
    "ConfidenceResponse",
    "AssessmentFeedback",
    "CourseIndexPage",
    "CoursePage",
    "ModulePage",
    "Enrollment",
    "ModuleProgress",
    "QuizAttempt",
    "QuizPaper",
]
