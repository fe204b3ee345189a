from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/", include("lms.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("emails/", include("lms.notifications.urls")),
    path("get-help/", cms_views.get_help, name="get_help"),
    path("search/", cms_views.search, name="search"),
    path("schools/", include("schools.urls")),
    path("certificates/", include("certificates.urls")),
    path("", include("courses.urls")),
]

if settings.SERVE_MEDIA:  # local use only; production serves media from its web server or S3
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve,
                {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "lms.errors.not_found"
handler500 = "lms.errors.server_error"
