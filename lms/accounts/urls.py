from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("privacy/", views.privacy, name="accounts_privacy"),
]
