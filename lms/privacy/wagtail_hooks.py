"""Data requests in the Wagtail admin (programme staff with the data request permissions)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_privacy_admin_urls():
    return [
        path("privacy/requests/", admin_views.DataRequestListView.as_view(), name="privacy_requests"),
        path("privacy/requests/new/", admin_views.DataRequestCreateView.as_view(),
             name="privacy_request_create"),
        path("privacy/requests/<int:pk>/", admin_views.DataRequestDetailView.as_view(),
             name="privacy_request_detail"),
        path("privacy/requests/<int:pk>/download/", admin_views.DataRequestDownloadView.as_view(),
             name="privacy_request_download"),
    ]


class DataRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_data_requests_menu_item():
    return DataRequestsMenuItem(
        _("Data requests"), reverse("privacy_requests"), icon_name="user", order=340
    )
