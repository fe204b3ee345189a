from django.urls import path

from . import views
from .credentials import views as credential_views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("verify/", views.verify, name="verify"),
    path("verify/credential/", credential_views.verify_credential, name="verify_credential"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("<str:code>.pdf", views.download, name="download"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/credential/", credential_views.download, name="credential_download"),
    path("<str:code>/reissue/", views.reissue, name="reissue"),
]
