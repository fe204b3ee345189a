"""Production: refuses to start without a real secret key and allowed hosts; passes check --deploy."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY.strip():
    raise ImproperlyConfigured("SECRET_KEY is not set: see .env.example")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters")
SITE_URL = env_str("SITE_URL", default="").strip().rstrip("/")
if not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        "SITE_URL is not set: give the site's public address, e.g. https://training.example.org"
    )
WAGTAILADMIN_BASE_URL = SITE_URL
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set: list the site's host names")
for _name in ("PRIVACY_CONTROLLER", "PRIVACY_CONTACT"):
    if not globals()[_name]:
        raise ImproperlyConfigured(
            f"{_name} is not set: the privacy notice must name who is responsible for learners' data "
            "and how to contact them (see .env.example)"
        )
CREDENTIALS_LOCAL_KEY_FILE = ""  # never generate a key in production
if not CREDENTIALS_SIGNING_KEY.strip() and not CREDENTIALS_SIGNING_KEY_FILE:  # noqa: F405
    raise ImproperlyConfigured(
        "CREDENTIALS_SIGNING_KEY_FILE is not set: give the file of the credential signing keys "
        "(make one with `manage.py credential_keys new`; see .env.example)"
    )
if CREDENTIALS_SIGNING_KEY_FILE and not os.access(CREDENTIALS_SIGNING_KEY_FILE, os.R_OK):  # noqa: F405
    raise ImproperlyConfigured(f"CREDENTIALS_SIGNING_KEY_FILE cannot be read: {CREDENTIALS_SIGNING_KEY_FILE}")  # noqa: F405

# Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=true so Django trusts
# X-Forwarded-Proto; set SECURE_SSL_REDIRECT=false when the proxy already redirects.
if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
