from django.urls import path

from . import closure_views, views

urlpatterns = [
    path("profile/", views.profile, name="accounts_profile"),
    path("privacy/", views.privacy, name="accounts_privacy"),
    path("delete/", closure_views.account_delete, name="accounts_delete"),
    path("delete/done/", closure_views.account_closed, name="accounts_closed"),
]
