from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.export, name="export"),
    path("<uuid:public_id>/", views.download, name="download"),
]
