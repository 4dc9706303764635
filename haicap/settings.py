"""Settings for haicap, read from the environment (HAICAP_*), with a zero-set-up SQLite default."""

from __future__ import annotations

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("HAICAP_VAR_DIR", PROJECT_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _env_bool("HAICAP_DEBUG", False)
SECRET_KEY = os.environ.get("HAICAP_SECRET_KEY", "insecure-development-key-change-me")
ALLOWED_HOSTS = [
    h for h in os.environ.get("HAICAP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("HAICAP_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "haicap.core",
    "haicap.units",
    "haicap.workdays",
    "haicap.procedures",
    "haicap.dossiers",
    "haicap.feedback",
    "haicap.metrics",
    "haicap.simulate",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "haicap.core.middleware.ApplicationErrorMiddleware",
]

ROOT_URLCONF = "haicap.urls"
WSGI_APPLICATION = "haicap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "haicap.core.context_processors.memberships",
            ],
        },
    },
]

DATABASE_URL = os.environ.get("HAICAP_DATABASE_URL", "")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'haicap.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's queries bind on the client and are never prepared; the few hot statements that
    # use a server-side cursor (dossiers.intake_insert) are planned once per connection.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 1
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"mask_personal_data": {"()": "haicap.core.logging.PersonalDataMaskFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_personal_data"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("HAICAP_LOG_LEVEL", "WARNING")},
}

# Where citizens transfer fees (VietQR). The default is a demonstration account, shown as such.
HAICAP_FEE_BANK_BIN = os.environ.get("HAICAP_FEE_BANK_BIN", "970415")
HAICAP_FEE_ACCOUNT = os.environ.get("HAICAP_FEE_ACCOUNT", "0000000000")
HAICAP_FEE_ACCOUNT_NAME = os.environ.get(
    "HAICAP_FEE_ACCOUNT_NAME", "TAI KHOAN DEMO - KHONG CHUYEN TIEN"
)
HAICAP_PUBLIC_URL = os.environ.get("HAICAP_PUBLIC_URL", "http://127.0.0.1:8000")

# Per-process caches of reference rows (core.ttlcache): how long another process's change may
# take to be seen here.
HAICAP_CACHE_SECONDS = float(os.environ.get("HAICAP_CACHE_SECONDS", "30"))

# The province that pages, the API's examples and commands start from when none is given
# (units.selectors.default_province). Two digits, like every province code.
HAICAP_DEFAULT_PROVINCE = os.environ.get("HAICAP_DEFAULT_PROVINCE", "79").strip()
if not re.fullmatch(r"[0-9]{2}", HAICAP_DEFAULT_PROVINCE):
    raise ImproperlyConfigured(
        f"HAICAP_DEFAULT_PROVINCE={HAICAP_DEFAULT_PROVINCE!r}: a province code is two digits."
    )

# rate limits of anonymous writes (docs/operations.md): online filing per client address an hour
# and per applicant's phone a day; Open311 POST per api_key and per client address an hour
HAICAP_ONLINE_INTAKE_PER_CLIENT_HOUR = int(
    os.environ.get("HAICAP_ONLINE_INTAKE_PER_CLIENT_HOUR", "10")
)
HAICAP_ONLINE_INTAKE_PER_PHONE_DAY = int(os.environ.get("HAICAP_ONLINE_INTAKE_PER_PHONE_DAY", "5"))
HAICAP_OPEN311_POST_PER_KEY_HOUR = int(os.environ.get("HAICAP_OPEN311_POST_PER_KEY_HOUR", "600"))
HAICAP_OPEN311_POST_PER_CLIENT_HOUR = int(
    os.environ.get("HAICAP_OPEN311_POST_PER_CLIENT_HOUR", "600")
)
