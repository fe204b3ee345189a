"""Reading configuration from the environment with clear, one-line errors.

Every setting that comes from the environment goes through these helpers, so a wrong or missing
value names the variable instead of failing somewhere deep inside Django.
"""

import os
import warnings
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _blank(name):
    return env.str(name, default=None) in ("", None) and name in os.environ


def _read(kind, name, **kwargs):
    if "default" in kwargs and _blank(name):  # NAME= in a .env file means "use the default"
        return kwargs["default"]
    try:
        return getattr(env, kind)(name, **kwargs)
    except ImproperlyConfigured:
        raise ImproperlyConfigured(f"{name} is not set: see .env.example") from None
    except Exception as exc:  # a value that cannot be parsed
        raise ImproperlyConfigured(f"{name} has an invalid value: {exc}") from None


def env_str(name, **kwargs):
    return _read("str", name, **kwargs)


def env_bool(name, **kwargs):
    raw = env.str(name, default=None)
    if raw is not None and raw.strip().lower() not in {
        "1", "0", "true", "false", "yes", "no", "on", "off", "y", "n", "",
    }:
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")
    return _read("bool", name, **kwargs)


def env_int(name, **kwargs):
    return _read("int", name, **kwargs)


def env_list(name, **kwargs):
    return _read("list", name, **kwargs)


def env_db(name, default):
    value = env.str(name, default="") or default
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            config = environ.Env.db_url_config(value)
    except Exception as exc:
        raise ImproperlyConfigured(f"{name} has an invalid value: {exc}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"{name} has an unsupported scheme: {value.split(':', 1)[0]!r}")
    return config


def env_cache(name, default):
    value = env.str(name, default="") or default
    try:
        return cache_from_url(value)
    except Exception as exc:
        raise ImproperlyConfigured(f"{name} has an invalid value: {exc}") from None


def cache_from_url(url):
    """A CACHES entry for `url`. Redis gets lms.cache.ResilientRedisCache: an outage degrades to
    uncached pages and in-process rate limits instead of a 500 on every page."""
    config = environ.Env.cache_url_config(url)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "lms.cache.ResilientRedisCache"
    return config


def env_email(name, default):
    value = env.str(name, default="") or default
    try:
        return environ.Env.email_url_config(value)
    except Exception as exc:
        raise ImproperlyConfigured(f"{name} has an invalid value: {exc}") from None


def env_broker(*names):
    """The first of the named variables that is set, checked to look like a broker URL."""
    for name in names:
        value = env.str(name, default="").strip()
        if value:
            if "://" not in value:
                raise ImproperlyConfigured(
                    f"{name} must be a URL such as redis://127.0.0.1:6379/0, not {value!r}"
                )
            return value
    return ""
