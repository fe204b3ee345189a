"""The peer side of tests/benchmarks/test_peer_comparison.py: a minimal Django project around
wagtail-lms (installed from PyPI into its own virtual environment by the benchmark; its code is
never part of this repository), with the same content as ours: one course of 4 lessons with 30
paragraph blocks each, one enrolled learner with a session.

Run inside the peer's environment: `python peer_project.py setup <dir>` writes the database and
prints SESSION/LESSON/COURSE lines; `gunicorn peer_project:application` serves it (with
PEER_DIR=<dir> and this file's folder on PYTHONPATH).
"""

import os
import sys
import tempfile

PEER_DIR = os.environ.get("PEER_DIR", os.path.join(tempfile.gettempdir(), "wagtail-lms-peer"))

SECRET_KEY = "peer-benchmark-" + "x7" * 30
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "peer_project"
WSGI_APPLICATION = "peer_project.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
STATIC_URL = "/static/"
MEDIA_ROOT = os.path.join(PEER_DIR, "media")
WAGTAIL_SITE_NAME = "peer"
INSTALLED_APPS = [
    "wagtail_lms",
    "wagtail.contrib.forms", "wagtail.contrib.redirects", "wagtail.embeds", "wagtail.sites",
    "wagtail.users", "wagtail.snippets", "wagtail.documents", "wagtail.images", "wagtail.search",
    "wagtail.admin", "wagtail", "modelcluster", "taggit",
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [os.path.join(PEER_DIR, "templates")],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
# Connections kept open between requests, as ours are (CONN_MAX_AGE): a fair comparison of pages,
# not of connection set-up.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "CONN_MAX_AGE": 60,
                         "NAME": os.path.join(PEER_DIR, "peer.sqlite3")}}

BASE_HTML = """{% load static %}<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{% block title %}{% endblock %}</title>
<link rel="stylesheet" href="{% static 'wagtail_lms/css/course.css' %}"></head>
<body>{% block content %}{% endblock %}</body></html>"""

PARAGRAPH = (
    "<p>Paragraph {n}. Most people who think about suicide do not want to die: they want the pain "
    "to stop. Asking someone directly whether they are thinking about suicide does not put the idea "
    "in their head; it shows you have noticed and that you are willing to listen. Stay with them, "
    "listen without judging, and help them find support that is right for them.</p>"
)


def urlpatterns_():
    from django.urls import include, path
    from wagtail import urls as wagtail_urls

    return [path("lms/", include("wagtail_lms.urls")), path("", include(wagtail_urls))]


def setup():
    import django
    from django.core.management import call_command

    os.makedirs(os.path.join(PEER_DIR, "templates"), exist_ok=True)
    with open(os.path.join(PEER_DIR, "templates", "base.html"), "w") as f:
        f.write(BASE_HTML)
    django.setup()
    call_command("migrate", verbosity=0)
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail.models import Page
    from wagtail_lms.models import CourseEnrollment, CoursePage, H5PLessonPage

    home = Page.objects.get(depth=2)
    course = CoursePage.objects.first()
    if course is None:
        course = home.add_child(instance=CoursePage(title="Benchmark course", slug="course"))
        course.save_revision().publish()
        for n in range(1, 5):
            lesson = course.add_child(instance=H5PLessonPage(
                title=f"Lesson {n}", slug=f"lesson-{n}",
                body=[("paragraph", PARAGRAPH.format(n=p)) for p in range(1, 31)],
            ))
            lesson.save_revision().publish()
    user, _ = get_user_model().objects.get_or_create(username="learner")
    CourseEnrollment.objects.get_or_create(user=user, course=course)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    lesson = H5PLessonPage.objects.live().order_by("path")[1]
    print("SESSION", store.session_key)
    print("MODULE", lesson.url)
    print("COURSE", course.url)


if __name__ != "__main__" and os.environ.get("DJANGO_SETTINGS_MODULE") == "peer_project":
    # imported by Django as the settings and URLconf module, and by gunicorn for the application
    def __getattr__(name):
        if name == "urlpatterns":
            return urlpatterns_()
        if name == "application":
            from django.core.wsgi import get_wsgi_application

            return get_wsgi_application()
        raise AttributeError(name)


if __name__ == "__main__":
    os.environ["DJANGO_SETTINGS_MODULE"] = "peer_project"
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if sys.argv[1:2] == ["setup"]:
        setup()
