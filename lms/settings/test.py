"""Settings for the test suite: local defaults, plus whatever DATABASE_URL / broker CI points at."""

from .local import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "certificates": {"BACKEND": "certificates.storage.PrivateFileSystemStorage"},
    "exports": {"BACKEND": "certificates.storage.PrivateFileSystemStorage"},
}
MEDIA_ROOT = str(BASE_DIR / ".test-media")  # noqa: F405
PRIVATE_MEDIA_ROOT = str(BASE_DIR / ".test-private-media")  # noqa: F405
ACCOUNT_RATE_LIMITS = {**ACCOUNT_RATE_LIMITS}  # noqa: F405
CREDENTIALS_LOCAL_KEY_FILE = str(BASE_DIR / ".test-private-media" / "credentials-keys.jwks.json")  # noqa: F405
