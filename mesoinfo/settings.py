"""MesoInfo settings, driven by environment variables.

Local defaults are safe for a developer's machine (SQLite, debug off unless
asked for). Production sets DJANGO_SECRET_KEY, MESOINFO_FIELD_KEYS,
DJANGO_ALLOWED_HOSTS and DATABASE_URL; see README.md for the full list.
"""

import base64
import os
import sys
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# The command that makes a key for MESOINFO_FIELD_KEYS (it needs no settings).
NEW_KEY = (
    '`python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"`'
)


def is_fernet_key(text):
    """32 random bytes in URL-safe base64, as NEW_KEY makes them: Fernet checks."""
    try:
        Fernet(text)
    except ValueError:
        return False
    return True


DEBUG = env_bool("DJANGO_DEBUG")
# Under pytest: no secret key needed, plain static storage, no HTTPS redirect.
TESTING = "pytest" in sys.modules

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "local-development-only-key-never-use-in-production-0123456789"  # noqa: S105

# Keys for the health answers, flags and notes stored encrypted (mesoinfo/encryption.py):
# the first encrypts, all of them decrypt. Losing them loses those answers and notes.
FIELD_ENCRYPTION_KEYS = env_list("MESOINFO_FIELD_KEYS")
if not all(is_fernet_key(key) for key in FIELD_ENCRYPTION_KEYS):
    raise ImproperlyConfigured(
        f"MESOINFO_FIELD_KEYS holds a value that is not a key: make each one with {NEW_KEY}."
    )
if not FIELD_ENCRYPTION_KEYS:
    # This fixed key is public: only for tests and a developer's own SQLite database,
    # never for a database named by DATABASE_URL, even with debug on.
    if not (TESTING or (DEBUG and "DATABASE_URL" not in os.environ)):
        raise ImproperlyConfigured(
            f"MESOINFO_FIELD_KEYS is not set. Make a key with {NEW_KEY} and keep it apart "
            "from the database backups (local development needs DJANGO_DEBUG=1 and no "
            "DATABASE_URL)."
        )
    FIELD_ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(b"local-development-only-field-key").decode()
    ]

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_forms_gds",
    "csp",
    "simple_history",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "content",
    "screening",
    "staff",
]

MIDDLEWARE = [
    "mesoinfo.middleware.RequestIdMiddleware",
    "mesoinfo.middleware.PrivatePagesNeverCachedMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "content.caching.NotModifiedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "mesoinfo.middleware.RequestSizeLimitMiddleware",  # after the headers, before any read
    "content.caching.PublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "staff.middleware.CachedOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff.middleware.StaffSessionTimeoutMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "mesoinfo.middleware.ServiceUnavailableMiddleware",
]

ROOT_URLCONF = "mesoinfo.urls"
WSGI_APPLICATION = "mesoinfo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "content.context_processors.clinic",
            ],
        },
    },
    {
        # Only for the staff pages' long tables: see mesoinfo/jinja2.py.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "mesoinfo.jinja2.environment"},
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
    # Health data must not cross a network unencrypted or to an unchecked server.
    _db_host = DATABASES["default"].get("HOST") or ""  # "" or "/...": a Unix socket
    _remote_db = not (_db_host in ("", "localhost", "127.0.0.1", "::1") or _db_host[:1] == "/")
    _sslmode = os.environ.get("DATABASE_SSLMODE") or ("verify-full" if _remote_db else "")
    if _sslmode:
        DATABASES["default"]["OPTIONS"]["sslmode"] = _sslmode

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# A cache shared by every worker process: Redis in production, files locally.
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
elif os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "mesoinfo.cache.ReusingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            # Without timeouts a Redis host that cannot be reached stalls every request
            # (and `migrate`) for minutes instead of failing at once.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
            # The default of 300 entries would throw away patients' sessions under load.
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        }
    }

# Sessions live in the cache, not the database: a patient part-way through the
# questionnaire keeps their answers even while the database is briefly down.
CACHES["sessions"] = {**CACHES["default"]}
if CACHES["sessions"]["BACKEND"].endswith("FileBasedCache"):
    CACHES["sessions"]["LOCATION"] = CACHES["default"]["LOCATION"] + "-sessions"
elif CACHES["sessions"]["BACKEND"].endswith("LocMemCache"):
    CACHES["sessions"]["LOCATION"] = "sessions"
SESSION_ENGINE = "mesoinfo.sessions"
SESSION_CACHE_ALIAS = "sessions"

# --- Auth -----------------------------------------------------------------
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/staff/login/"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "staff.backends.CachedModelBackend",
]
# Lock out a name from one address after 5 failures, for an hour (ASVS V6.3.1).
AXES_FAILURE_LIMIT = 5
# ... and pause an account after this many failures from anywhere in an hour (staff.attempts).
STAFF_SIGN_IN_FAILURES_PER_ACCOUNT = 50
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
STAFF_IDLE_TIMEOUT = 30 * 60
STAFF_ABSOLUTE_TIMEOUT = 12 * 60 * 60
OTP_TOTP_ISSUER = "MesoInfo"
# Admins may remove a device (its owner sets up a new one) but never read its secret:
# with it and a password reset, an admin could sign in as a clinician.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and not TESTING
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_MAX_AGE = 31536000

# --- Email ------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "mesoinfo@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Forms ------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# --- Security ---------------------------------------------------------------
# How many proxies of our own sit in front of the app (they append to X-Forwarded-For).
TRUSTED_PROXIES = int(os.environ.get("DJANGO_TRUSTED_PROXIES", "0"))
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXIES or None
# Without a proxy of our own, X-Forwarded-For is whatever the client sent: ignore it.
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if TRUSTED_PROXIES else ["REMOTE_ADDR"]
)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG and not TESTING)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # probes speak plain HTTP
SECURE_HSTS_SECONDS = 0 if DEBUG else 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

_HTTPS_COOKIES = env_bool("DJANGO_SECURE_COOKIES", not DEBUG and not TESTING)
SESSION_COOKIE_SECURE = _HTTPS_COOKIES
CSRF_COOKIE_SECURE = _HTTPS_COOKIES
# The __Host- prefix pins a cookie to this exact host over HTTPS.
SESSION_COOKIE_NAME = "__Host-sessionid" if _HTTPS_COOKIES else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if _HTTPS_COOKIES else "csrftoken"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 2
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 300

# Only this site's own origin: a health site must not leak visits to third parties.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
    },
}

# --- Logging ----------------------------------------------------------------
# Messages only: request bodies and query strings never reach the logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "mesoinfo.logformat.SafeFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        }
    },
    "filters": {"request_id": {"()": "mesoinfo.logformat.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
DEFAULT_EXCEPTION_REPORTER_FILTER = "mesoinfo.reporting.HealthDataReporterFilter"
CSRF_FAILURE_VIEW = "mesoinfo.views.csrf_failure"
ADMINS = [("Clinic admin", a) for a in env_list("DJANGO_ADMINS")]

# --- MesoInfo ---------------------------------------------------------------
MESOINFO_SITE_URL = os.environ.get("MESOINFO_SITE_URL", "http://127.0.0.1:8000")
SCREENING_RETENTION_DAYS = int(os.environ.get("MESOINFO_RETENTION_DAYS", "90"))
SCREENING_SUBMISSIONS_PER_HOUR = int(os.environ.get("MESOINFO_SUBMISSIONS_PER_HOUR", "10"))
SCREENING_CLINIC_SUBMISSIONS_PER_HOUR = int(
    os.environ.get("MESOINFO_CLINIC_SUBMISSIONS_PER_HOUR", "100")
)
