"""Local use: `make run` and `make test`. Safe embedded defaults, nothing to configure."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = env_str("SECRET_KEY", default="") or "local-only-insecure-key-do-not-use-in-production"

# Serve static files straight from the source folders: no collectstatic needed for `make run`,
# whether DEBUG is on or off (the manifest storage of production needs collectstatic first).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True

# The privacy notice names a sample controller until the real one is set (production requires it).
PRIVACY_CONTROLLER = PRIVACY_CONTROLLER or "Sample organisation (demonstration site: set PRIVACY_CONTROLLER)"  # noqa: F405
PRIVACY_CONTACT = PRIVACY_CONTACT or "privacy@example.org (sample: set PRIVACY_CONTACT)"  # noqa: F405

# Locally, see edits at once; production caches anonymous pages (see base.py).
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", default=0)

# A signing key for digital credentials made on first use, kept out of git (see .gitignore).
CREDENTIALS_LOCAL_KEY_FILE = str(BASE_DIR / ".credentials" / "signing-keys.jwks.json")  # noqa: F405
