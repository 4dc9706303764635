"""Settings for haicap, read from the environment (HAICAP_*), with a zero-set-up SQLite default."""

from __future__ import annotations

import datetime as dt
import importlib.util
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


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: a whole number is expected.") from None


DEBUG = _env_bool("HAICAP_DEBUG", False)
INSECURE_DEFAULT_SECRET_KEY = "insecure-development-key-change-me"
SECRET_KEY = os.environ.get("HAICAP_SECRET_KEY", INSECURE_DEFAULT_SECRET_KEY)
ALLOWED_HOSTS = [
    h for h in os.environ.get("HAICAP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
]
# Behind a TLS-terminating proxy (HAICAP_BEHIND_TLS=1): HTTPS only, HSTS, Secure cookies.
HAICAP_BEHIND_TLS = _env_bool("HAICAP_BEHIND_TLS", False)
# The public default key is tolerated only where nobody else can reach the server: the demo and
# development on this machine (every allowed host local) without TLS. Anything served to others
# must set its own key, whatever DEBUG says.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
if SECRET_KEY == INSECURE_DEFAULT_SECRET_KEY and (
    HAICAP_BEHIND_TLS or not set(ALLOWED_HOSTS) <= LOCAL_HOSTS
):
    raise ImproperlyConfigured(
        "HAICAP_SECRET_KEY is not set: the public default key may only be used when every "
        "HAICAP_ALLOWED_HOSTS is local (127.0.0.1, localhost) and HAICAP_BEHIND_TLS is off."
    )
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
    "axes",
    "haicap.core",
    "haicap.units",
    "haicap.workdays",
    "haicap.procedures",
    "haicap.dossiers",
    "haicap.feedback",
    "haicap.metrics",
    "haicap.notifications",
    "haicap.payments",
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
    "csp.middleware.CSPMiddleware",
    # after CSP (so its response runs first): a page that draws a map allows the tile host
    "haicap.core.maps.MapTilesCSPMiddleware",
    "haicap.core.middleware.StaffIdleTimeoutMiddleware",
    "haicap.core.middleware.ApplicationErrorMiddleware",
    # last: turns a locked-out sign-in into the lockout page (429)
    "axes.middleware.AxesMiddleware",
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
# Argon2id at OWASP's recommended cost (haicap.core.hashers, ADR 22); the others verify hashes
# stored before, which are upgraded at the next sign-in. An installation without argon2-cffi
# (pyproject's dependency) keeps Django's PBKDF2 first, never something weaker.
PASSWORD_HASHERS = [
    *(["haicap.core.hashers.Argon2idHasher"] if importlib.util.find_spec("argon2") else []),
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# django-axes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Numbers and dates in the reader's language: 10.240 / 10,240, dd/mm/yyyy (ADR 17). A number that
# is an identifier (a pk in a URL, a year, a hidden input) is written with |unlocalize.
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["haicap.formats"]
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
# Notifications to citizens (docs/notifications.md): the gateway that delivers the outbox, the
# file the default one appends to ("-": the console), tries before a message is marked failed;
# the SMTP server of the e-mail gateway (haicap.notifications.gateways.EmailGateway)
HAICAP_NOTIFY_GATEWAY = os.environ.get(
    "HAICAP_NOTIFY_GATEWAY", "haicap.notifications.gateways.FileGateway"
)
# with HAICAP_NOTIFY_GATEWAY=haicap.notifications.gateways.ByChannel: one gateway per channel
HAICAP_NOTIFY_CHANNELS = os.environ.get("HAICAP_NOTIFY_CHANNELS", "")
HAICAP_NOTIFY_FILE = os.environ.get("HAICAP_NOTIFY_FILE", str(VAR_DIR / "notifications.jsonl"))
HAICAP_NOTIFY_MAX_ATTEMPTS = _env_int("HAICAP_NOTIFY_MAX_ATTEMPTS", 5)
EMAIL_HOST = os.environ.get("HAICAP_EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = _env_int("HAICAP_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("HAICAP_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("HAICAP_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("HAICAP_EMAIL_TLS", False)
EMAIL_TIMEOUT = _env_int("HAICAP_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("HAICAP_EMAIL_FROM", "haicap <khong-tra-loi@localhost>")
# the largest electronic result (PDF) an officer may attach, in bytes
HAICAP_RESULT_MAX_BYTES = _env_int("HAICAP_RESULT_MAX_BYTES", 20 * 1024 * 1024)

# The service index ranks a commune only with at least this many dossiers in the period
# (received or finished there, whichever is more); below it the commune is "chưa đủ dữ liệu"
# (docs/service-index.md): three dossiers on time made a ward 100 for "yesterday".
HAICAP_INDEX_MIN_DOSSIERS = _env_int("HAICAP_INDEX_MIN_DOSSIERS", 20)

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

# Street map under our boundaries (haicap.core.maps, docs/adr/0020-maps.md): an XYZ tile URL
# template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png and the attribution its terms
# require. Off (empty) by default: the offline demo draws our own boundaries and no request leaves
# the server's host; when on, img-src of the pages with a map allows exactly that tile host.
HAICAP_MAP_TILES = os.environ.get("HAICAP_MAP_TILES", "").strip()
HAICAP_MAP_ATTRIBUTION = os.environ.get("HAICAP_MAP_ATTRIBUTION", "").strip()
HAICAP_MAP_MAX_ZOOM = _env_int("HAICAP_MAP_MAX_ZOOM", 19)
if HAICAP_MAP_TILES and not re.fullmatch(
    r"https?://[A-Za-z0-9.-]+(:[0-9]+)?/[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}[^\s]*",
    HAICAP_MAP_TILES,
):
    raise ImproperlyConfigured(
        f"HAICAP_MAP_TILES={HAICAP_MAP_TILES!r}: an http(s) URL template with one fixed host "
        "(no {s}) and {z}, {x}, {y} in its path, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    )
if HAICAP_MAP_TILES and not HAICAP_MAP_ATTRIBUTION:
    raise ImproperlyConfigured(
        "HAICAP_MAP_ATTRIBUTION is not set: tile servers require their attribution on the map, "
        "e.g. '© OpenStreetMap contributors'."
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

# Sign-in throttling (django-axes). A failure counts against the pair (account, client address):
# after HAICAP_LOGIN_FAILURE_LIMIT wrong passwords that pair is refused for
# HAICAP_LOGIN_COOLOFF_MINUTES. Locking per account alone would let one attacker lock every
# officer out from anywhere with a few requests each; per address alone would lock a whole ward
# office behind one NAT address. See docs/operations.md ("Security settings").
AXES_ENABLED = _env_bool("HAICAP_LOGIN_THROTTLE", True)
AXES_FAILURE_LIMIT = _env_int("HAICAP_LOGIN_FAILURE_LIMIT", 5)
# 0: locked until an administrator unlocks (admin action or `haicap login_unlock`)
AXES_COOLOFF_TIME = dt.timedelta(minutes=_env_int("HAICAP_LOGIN_COOLOFF_MINUTES", 15)) or None
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "haicap.core.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# the same address the rest of the platform counts by (core.clients: the proxy sets REMOTE_ADDR)
AXES_CLIENT_IP_CALLABLE = "haicap.core.clients.client_ip"
AXES_VERBOSE = False
# successful sign-ins are in our audit log already: no second copy of users' addresses
AXES_DISABLE_ACCESS_LOG = True

# Sessions: citizens keep Django's two weeks; staff (any officer or administrator membership,
# or is_staff/is_superuser) are signed out after HAICAP_STAFF_IDLE_MINUTES without a request.
SESSION_COOKIE_AGE = _env_int("HAICAP_SESSION_DAYS", 14) * 24 * 3600
HAICAP_STAFF_IDLE_SECONDS = _env_int("HAICAP_STAFF_IDLE_MINUTES", 30) * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if HAICAP_BEHIND_TLS:
    # the proxy terminates TLS and says so in X-Forwarded-Proto (it must overwrite the header)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = _env_int("HAICAP_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("HAICAP_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = _env_bool("HAICAP_HSTS_PRELOAD", False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only
# (vendored under static/vendor; maps draw our own GeoJSON, and a page with a map adds the tile
# host of HAICAP_MAP_TILES when one is set: core.maps.MapTilesCSPMiddleware). Inline style
# attributes are allowed: Leaflet, ECharts and htmx set them; inline scripts are not.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
