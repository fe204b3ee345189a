from django.urls import path

from . import confidence_views, views

app_name = "courses"

urlpatterns = [
    path("my-learning/", views.my_learning, name="my_learning"),
    path("learning/courses/<int:course_id>/start/", views.enrollment_start, name="enrollment_start"),
    path(
        "learning/courses/<int:course_id>/modules/<int:module_id>/complete/",
        views.module_complete,
        name="module_complete",
    ),
    path(
        "learning/courses/<int:course_id>/modules/<int:module_id>/assessment/",
        views.quiz_submit,
        name="quiz_submit",
    ),
    path(
        "learning/courses/<int:course_id>/confidence/<str:phase>/",
        confidence_views.confidence_form,
        name="confidence",
    ),
]
