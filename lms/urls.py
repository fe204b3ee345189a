from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates.credentials import views as credential_views
from cms import serving as cms_serving
from cms import views as cms_views

from .health import healthz

# The same address in every language: health check, CMS admin, files, and the certificate pages
# (the verify address is printed on certificates and in QR codes, so it must never change; these
# pages take the visitor's language from ?lang=, their visit or their browser: see lms/i18n).
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("emails/", include("lms.notifications.urls")),
    path("certificates/", include("certificates.urls")),
    # Open Badges credentials: their issuer, achievement and status list addresses are signed
    # into every credential, so they never change either.
    path(".well-known/jwks.json", credential_views.jwks, name="jwks"),
    path("credentials/", include("certificates.credentials.urls")),
]

if settings.SERVE_MEDIA:  # local use only; production serves media from its web server or S3
    from django.views.static import serve

    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve,
                {"document_root": settings.MEDIA_ROOT}),
    ]

# Public pages, under a language prefix (/pl/get-help/); English has none, so existing links work.
urlpatterns += i18n_patterns(
    path("accounts/my-data/", include("lms.privacy.urls")),
    path("accounts/", include("lms.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("get-help/", cms_views.get_help, name="get_help"),
    path("search/", cms_views.search, name="search"),
    path("schools/", include("schools.urls")),
    path("", include("courses.urls")),
    # Pages: Wagtail's view, with cached site lookups and fast routes (cms.serving); Wagtail's own
    # utility addresses (_util/...) and the named `wagtail_serve` pattern stay as they were.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", cms_serving.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "lms.errors.not_found"
handler500 = "lms.errors.server_error"
