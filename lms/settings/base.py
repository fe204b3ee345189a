"""Settings shared by every environment. Values come from the environment (see .env.example)."""

from datetime import timedelta
from urllib.parse import urlsplit

from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE

from lms.languages import DEFAULT_LANGUAGES, RTL_LANGUAGES, languages_from_codes

from .env import (
    BASE_DIR,
    env_bool,
    env_broker,
    env_cache,
    env_db,
    env_email,
    env_int,
    env_list,
    env_str,
)

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", default="")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])
# The public address, used in emails, certificate QR codes and admin links. Locally it follows the
# port the development server runs on (`PORT=9000 make run`); production requires it (production.py).
SITE_URL = env_str("SITE_URL", default=f"http://127.0.0.1:{env_int('PORT', default=8000)}").rstrip("/")
# The product's one name: page titles, the site header, emails and their sender, the admin, the
# authenticator-app entry. Shown through `lms.branding.site_name()` (translated where a catalogue has it).
SITE_NAME = env_str("SITE_NAME", default="London suicide prevention and Youth MHFA training")
# Who is responsible for learners' personal data, as the privacy notice names them (UK GDPR, articles
# 13 and 14): the organisation (the data controller), and how to reach its data protection contact
# (email and postal address). Required in production; locally a marked sample is shown.
PRIVACY_CONTROLLER = env_str("PRIVACY_CONTROLLER", default="").strip()
PRIVACY_CONTACT = env_str("PRIVACY_CONTACT", default="").strip()

INSTALLED_APPS = [
    # Platform apps, lowest first (see DESIGN.md): accounts <- cms <- courses <- certificates <- schools
    "lms.accounts",
    "lms.notifications",
    "lms.privacy",
    "cms",
    "courses",
    "certificates",
    "certificates.credentials",
    "schools",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: locale admin with tree sync
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.apps.UsersAdminConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.security.ContentSecurityPolicyMiddleware",
    "lms.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.i18n.middleware.LanguageMiddleware",  # Django's LocaleMiddleware, plus language-neutral pages
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lms.i18n.middleware.VisitLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lms.errors.RequestRefusedMiddleware",
    "cms.cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "lms.accounts.middleware.AdminRequiresMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.context_processors.platform",
                "lms.context_processors.languages",
                "schools.context_processors.lead_navigation",
            ],
        },
    },
]

DATABASES = {"default": env_db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env_int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Let concurrent requests wait for the write lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
    # Connections stay open between requests (CONN_MAX_AGE) as with PostgreSQL: a new SQLite
    # connection reads the whole schema again before its first query, a few milliseconds a request.
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env_cache("CACHE_URL", default="locmemcache://lms-default")}

_email = env_email("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
for _key in ("EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD"):
    if _email.get(_key):
        globals()[_key] = _email[_key]
EMAIL_USE_TLS = bool(_email.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(_email.get("EMAIL_USE_SSL"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default=f'"{SITE_NAME}" <no-reply@localhost>')
SERVER_EMAIL = DEFAULT_FROM_EMAIL

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "lms.accounts.forms.SignupDetailsForm"
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "lms.accounts.login_form.LoginForm",
    "signup": "lms.accounts.signup_form.SignupForm",
}
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Tell people when their password, email address or two-step sign-in changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
ACCOUNT_SESSION_REMEMBER = None
# Rate limits: failed logins are limited per account (the key) tightly and per network address
# loosely, so a school whose staff share one address is never locked out by one person.
ACCOUNT_RATE_LIMITS = {
    "login": "120/m/ip",
    "login_failed": "60/m/ip,5/5m/key",
    "signup": "60/m/ip",
    "reset_password": "30/m/ip,5/m/key",
    "reset_password_from_key": "30/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# The languages offered (lms/languages.py): English first, then each with a catalogue in locale/.
try:
    LANGUAGES = languages_from_codes(env_list("LANGUAGES", default=DEFAULT_LANGUAGES.split(",")))
except ValueError as exc:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"LANGUAGES has an invalid value: {exc}") from None
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["lms.formats"]
LANGUAGES_BIDI = sorted(RTL_LANGUAGES)
# Addresses that are the same in every language (lms/i18n): the certificate pages, because the
# verify address is printed on certificates and in QR codes, and the links in emails (unsubscribe).
# Everything else public is under a language prefix (/pl/...), English unprefixed; the admin,
# files and /healthz are unprefixed.
LANGUAGE_NEUTRAL_PATHS = ["/certificates/", "/emails/", "/credentials/", "/.well-known/"]
# The language of the visit: remembered while the browser is open, for the language-neutral pages.
LANGUAGE_COOKIE_AGE = None
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Page and snippet content in every language (wagtail-localize). The content languages are the
# interface languages: each gets a Locale row when `migrate` runs (cms.locales.locales_sync), so a
# new language needs configuration and a .po catalogue only. English is the source of every course.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# No machine translation unless a deployment configures one (a translator's draft, never published
# by itself): set WAGTAILLOCALIZE_MACHINE_TRANSLATOR in the environment's settings.
# Translation jobs that wagtail-localize runs in the background (translating a subtree, syncing a
# locale's tree) go through the platform's Celery queue (eager when no broker is configured).
WAGTAILLOCALIZE_JOBS = {"BACKEND": "lms.localize_jobs.CeleryJobBackend"}
# Wagtail's own background tasks (django-tasks: reference index, file clean-up, renditions) run
# in the request that caused them: no second queue (and no database queue nobody consumes).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env_str("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Certificate PDFs: private, outside MEDIA_ROOT, never served from MEDIA_URL (owner-only view).
PRIVATE_MEDIA_ROOT = env_str("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "certificates": {"BACKEND": "certificates.storage.PrivateFileSystemStorage"},
    # "Download my data" archives (lms/privacy): private too, kept 7 days.
    "exports": {"BACKEND": "certificates.storage.PrivateFileSystemStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640

# S3-compatible storage for several nodes (optional extra: `pip install -e ".[s3]"`, django-storages).
# MEDIA_BUCKET: uploaded media (images, documents), read publicly from the bucket's address.
# CERTIFICATES_BUCKET: certificate PDFs, a private bucket; the owner-only download view answers with
# a presigned address that expires after CERTIFICATE_DOWNLOAD_URL_SECONDS. Credentials come from the
# usual AWS variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) or the machine's role; set
# AWS_S3_ENDPOINT_URL for a provider other than AWS. Unset, both stay on the file system.
AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL", default="").strip().rstrip("/") or None
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME", default="").strip() or None
MEDIA_BUCKET = env_str("MEDIA_BUCKET", default="").strip() or env_str(
    "AWS_STORAGE_BUCKET_NAME", default=""
).strip()
MEDIA_CUSTOM_DOMAIN = env_str("MEDIA_CUSTOM_DOMAIN", default="").strip() or None
CERTIFICATES_BUCKET = env_str("CERTIFICATES_BUCKET", default="").strip()
CERTIFICATE_DOWNLOAD_URL_SECONDS = env_int("CERTIFICATE_DOWNLOAD_URL_SECONDS", default=60)


def _s3_storage(bucket, **options):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket, "endpoint_url": AWS_S3_ENDPOINT_URL, "region_name": AWS_S3_REGION_NAME,
            **options,
        },
    }


if MEDIA_BUCKET:
    # Public media: stable addresses, cacheable by browsers.
    STORAGES["default"] = _s3_storage(
        MEDIA_BUCKET, custom_domain=MEDIA_CUSTOM_DOMAIN, querystring_auth=False, file_overwrite=False
    )
    if MEDIA_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{MEDIA_CUSTOM_DOMAIN}/"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_URL = f"{AWS_S3_ENDPOINT_URL}/{MEDIA_BUCKET}/"
    else:
        MEDIA_URL = f"https://{MEDIA_BUCKET}.s3.amazonaws.com/"
if CERTIFICATES_BUCKET:
    # Presigned addresses only: never a public domain.
    STORAGES["certificates"] = _s3_storage(
        CERTIFICATES_BUCKET, default_acl="private", querystring_auth=True,
        querystring_expire=CERTIFICATE_DOWNLOAD_URL_SECONDS, custom_domain=None,
    )
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "vtt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Off: Wagtail's responsive wrapper sets an inline style, which the Content-Security-Policy refuses;
# site.css gives embedded players their 16:9 shape instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# No Gravatar: editors' email hashes are not sent to a third party, and the admin loads no images
# from other sites.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp, lms/security.py). Strict on the public site: only our own
# scripts and styles (no inline script or style), images from us (and the media host if separate),
# video players only from the providers trainers embed.
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    default=["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
_media = urlsplit(MEDIA_URL)
_MEDIA_ORIGINS = [f"{_media.scheme}://{_media.netloc}"] if _media.netloc else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, *_MEDIA_ORIGINS],
        "frame-src": [SELF, *CSP_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],  # no site frames our pages (as X-Frame-Options: DENY)
    },
}
# The Wagtail admin's editor sets inline styles from its scripts (panels, Draftail, choosers) and
# previews uploaded images as blob: URLs; it still runs no inline script.
CSP_ADMIN_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
# The editor's live preview frames admin pages in the admin itself.
CONTENT_SECURITY_POLICY_ADMIN_REPLACE = {"frame-ancestors": [SELF]}
# Browser features the platform never uses are turned off for it and for anything it embeds.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

# Celery. With no broker configured, tasks run eagerly in-process (local use and `make test`).
CELERY_BROKER_URL = env_broker("CELERY_BROKER_URL", "REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Results are only read by the health check and tests; in-process memory when there is no broker.
CELERY_RESULT_BACKEND = CELERY_BROKER_URL or "cache+memory://"
CELERY_RESULT_EXPIRES = timedelta(hours=1)
# No task's result is read except the health check's ping, which asks for it. Without this, queueing
# any task also subscribes to its result on Redis, and a Redis outage held the request ~19 s.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 1
# Redis hands a message that was taken but never acknowledged (its worker was killed) to another
# worker after `visibility_timeout`. It must exceed the longest task's hard time limit (the register
# import and the nightly coverage snapshot: 660 s), or a task still running would be run twice.
# Certificates do not wait for it: the sweep below re-queues them sooner (docs/certificates.md).
CELERY_BROKER_VISIBILITY_TIMEOUT = env_int("CELERY_BROKER_VISIBILITY_TIMEOUT", default=720)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_BROKER_VISIBILITY_TIMEOUT,
    "socket_connect_timeout": 1,
    "socket_timeout": 3,
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
CELERY_REDIS_SOCKET_TIMEOUT = 3
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"max_retries": 1}}
# A request that queues a task while the broker is down waits for one retry at most; after that
# failure, lms/queueing.py stops trying for BROKER_RETRY_SECONDS and the sweeps catch up.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
BROKER_RETRY_SECONDS = 10
# Certificates: how long a completion may wait for its own task before the sweep re-queues it
# (longer than the issue task's 90 s limit plus a queue at a launch peak), and how often the sweep
# runs. Together they bound a certificate's delay after a worker crash or broker outage:
# grace + interval = 5 minutes at worst (docs/certificates.md).
CERTIFICATE_SWEEP_GRACE_MINUTES = env_int("CERTIFICATE_SWEEP_GRACE_MINUTES", default=3)
CERTIFICATE_SWEEP_EVERY_MINUTES = env_int("CERTIFICATE_SWEEP_EVERY_MINUTES", default=2)
CELERY_BEAT_SCHEDULE = {
    # Certificates: re-queue completions whose issue task was never queued or never finished.
    "certificates-sweep": {
        "task": "certificates.tasks.sweep_certificates",
        "schedule": timedelta(minutes=CERTIFICATE_SWEEP_EVERY_MINUTES),
        # A sweep that waited longer than its own interval (no worker) is dropped, not piled up.
        "options": {"expires": CERTIFICATE_SWEEP_EVERY_MINUTES * 60 - 10},
    },
    # Emails: reminders and digests that are due, found from the database (one task for every kind).
    "notifications-dispatch": {
        "task": "lms.notifications.dispatch_due",
        "schedule": crontab(minute=5),
    },
    # Personal data: "download my data" archives are deleted after 7 days; lost builds are queued again.
    "privacy-purge-exports": {
        "task": "lms.privacy.tasks.purge_exports",
        "schedule": crontab(minute=35),
    },
    # Schools: an upload (schools register or attendance register) whose task died is marked failed;
# one never queued is queued again.
    "schools-gias-import-sweep": {
        "task": "schools.tasks.sweep_gias_imports",
        "schedule": timedelta(minutes=5),
    },
    # Accounts: erase closed accounts after their cool-off, delete unverified sign-ups, warn and then
    # erase accounts nobody signs in to (lms/accounts/retention.py; the periods are below).
    "accounts-retention": {
        "task": "lms.accounts.tasks.retention_run",
        "schedule": crontab(hour=10, minute=15),
    },
    # Schools: the public campaign's figures, worked out in the background for public pages (they are
    # at most 5 minutes old: schools/selectors/public.py).
    "schools-public-figures": {
        "task": "schools.tasks.refresh_public_figures",
        "schedule": timedelta(minutes=4),
        "options": {"expires": 4 * 60},
    },
    # Schools: store each campaign's coverage per borough every night, for trend charts.
    "schools-coverage-snapshot": {
        "task": "schools.tasks.snapshot_all_coverage",
        "schedule": crontab(hour=2, minute=30),
    },
}
# My learning links each completed course to its certificate through this lookup (`courses` never
# imports `certificates`, a higher app): enrollment_ids -> {enrollment_id: certificate}.
COURSES_CERTIFICATE_LOOKUP = "certificates.selectors.certificate_for_enrollments"
# How many verify-page lookups one network address may make per minute.
CERTIFICATE_VERIFY_RATE_PER_MINUTE = env_int("CERTIFICATE_VERIFY_RATE_PER_MINUTE", default=30)

# Open Badges 3.0 credentials (certificates/credentials/keys.py): the signing key set, inline or
# in a file outside the repository. Without either, local settings make one on first use in
# CREDENTIALS_LOCAL_KEY_FILE; production refuses to start.
CREDENTIALS_SIGNING_KEY = env_str("CREDENTIALS_SIGNING_KEY", default="")
CREDENTIALS_SIGNING_KEY_FILE = env_str("CREDENTIALS_SIGNING_KEY_FILE", default="").strip()
CREDENTIALS_LOCAL_KEY_FILE = ""

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Emails: reminders go only between these hours, London time (start inclusive, end exclusive), and
# at most this many of each kind per hourly run.
NOTIFICATIONS_SENDING_HOURS = (
    env_int("NOTIFICATIONS_SENDING_START_HOUR", default=9),
    env_int("NOTIFICATIONS_SENDING_END_HOUR", default=20),
)
NOTIFICATIONS_BATCH_SIZE = env_int("NOTIFICATIONS_BATCH_SIZE", default=500)

# Personal data: how long the platform keeps accounts (the privacy notice states these periods).
# A closed account is deactivated at once and erased after this many days unless its holder signs in.
ACCOUNT_ERASURE_COOL_OFF_DAYS = env_int("ACCOUNT_ERASURE_COOL_OFF_DAYS", default=14)
# Sign-ups whose email address was never confirmed are deleted after this many days.
RETENTION_UNVERIFIED_DAYS = env_int("RETENTION_UNVERIFIED_DAYS", default=30)
# An account nobody has signed in to for this many years (counted from the later of the last
# sign-in and the day the last certificate stops being current) is warned by email...
RETENTION_INACTIVE_YEARS = env_int("RETENTION_INACTIVE_YEARS", default=3)
# ...and erased this many days after the warning unless its holder signs in.
RETENTION_NOTICE_DAYS = env_int("RETENTION_NOTICE_DAYS", default=30)

# Whole public pages are cached for anonymous visitors for this long (0 turns it off).
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
# Paths the whole-page cache never stores or serves: per-person pages and actions, wherever
# lms/urls.py mounts each app (the cms app does not know the higher apps' addresses).
PUBLIC_PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/", "/accounts/", "/healthz", "/documents/", "/static/", "/media/",
    "/my-learning", "/learning/",  # courses
    "/certificates/",  # certificates
    "/schools/",  # schools
]

# `/healthz` shows error details and runs `?worker=1` only for staff or a monitor sending
# `Authorization: Bearer <HEALTHZ_TOKEN>` (empty: staff only).
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", default="")

# Uploaded media are served by the web process only for local use (production: a web server or S3).
SERVE_MEDIA = False

QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", default="https://www.bbc.co.uk/weather")

# Demo content loaders run by `manage.py seed_demo`, lowest app first.
DEMO_SEEDERS = ["cms.demo.seed", "courses.demo.seed", "schools.demo.seed"]
