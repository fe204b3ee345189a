from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path("issuer", views.issuer, name="issuer"),
    path("issuer.json", views.issuer, {"as_json": True}, name="issuer_json"),
    path("achievements/<int:course_id>", views.achievement, name="achievement"),
    path("achievements/<int:course_id>.json", views.achievement, {"as_json": True}, name="achievement_json"),
    path("status/<int:number>", views.status_list, name="status_list"),
    path("badge.png", views.badge_image, name="badge_image"),
]
