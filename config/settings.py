"""Safepost settings: one module, driven by environment variables.

Defaults suit a fresh clone on a laptop: SQLite under ``var/``, the database
task queue, DEBUG off (``make run`` sets ``SAFEPOST_DEBUG=1``). Production sets
at least ``SAFEPOST_SECRET_KEY`` (or keeps ``var/secret_key`` safe),
``SAFEPOST_ALLOWED_HOSTS``, ``SAFEPOST_HTTPS=1`` and usually ``DATABASE_URL``.

Environment variables (every one Safepost reads; README.md's table describes them for admins):
    SAFEPOST_DEBUG                 1/0 (default 0)
    SAFEPOST_SECRET_KEY            else var/secret_key, created on first run
    SAFEPOST_ALLOWED_HOSTS         comma-separated (default localhost,127.0.0.1,[::1])
    SAFEPOST_CSRF_TRUSTED_ORIGINS  comma-separated, e.g. https://safepost.example.sch.uk
    SAFEPOST_HTTPS                 1 behind TLS: secure cookies, HSTS, redirect to https
    SAFEPOST_HSTS_SECONDS          with SAFEPOST_HTTPS=1: how long browsers keep to https (default a year)
    SAFEPOST_HSTS_PRELOAD          1 to ask browsers to preload HTTPS for the whole domain (default 0)
    SAFEPOST_BEHIND_PROXY          1 behind a reverse proxy: trust its X-Forwarded-Proto and -For
    SAFEPOST_VAR_DIR               where the SQLite file and key live (default ./var)
    DATABASE_URL                   e.g. postgres://user:pass@host:5432/safepost
    SAFEPOST_DB_CONN_MAX_AGE       seconds to keep PostgreSQL connections (default 60)
    SAFEPOST_TASKS                 db (default), celery, or immediate (runs tasks inline)
    CELERY_BROKER_URL              with SAFEPOST_TASKS=celery, e.g. redis://localhost:6379/0
    CELERY_RESULT_BACKEND          with SAFEPOST_TASKS=celery (default: the broker URL)
    SAFEPOST_CSP                   enforce (default), report-only or off
    SAFEPOST_STATIC_MANIFEST       1 to serve hashed static files (run collectstatic first)
    SAFEPOST_EMAIL_BACKEND         Django e-mail backend (default: console, refused with
                                   SAFEPOST_HTTPS=1 and DEBUG off); for SMTP,
                                   django.core.mail.backends.smtp.EmailBackend and:
    SAFEPOST_EMAIL_HOST            the SMTP server (default localhost)
    SAFEPOST_EMAIL_PORT            its port (default 587)
    SAFEPOST_EMAIL_HOST_USER       the user to sign in to it as
    SAFEPOST_EMAIL_HOST_PASSWORD   and the password
    SAFEPOST_EMAIL_USE_TLS         STARTTLS, 1 by default
    SAFEPOST_DEFAULT_FROM_EMAIL    the sender of sign-in e-mails
    SAFEPOST_LOG_LEVEL             INFO by default
    SAFEPOST_PUBLIC_URL            the address staff open Safepost at (links in e-mails, OAuth
                                   callbacks, the page Mastodon shows for the app)
    SAFEPOST_MEDIA_ROOT            uploaded photos (default var/media; never served directly)
    SAFEPOST_PHOTO_DECODE_MB       memory the photos being opened at once may take (default 400;
                                   read by safepost.photos itself)
    SAFEPOST_CACHE_DIR             where the checker caches its word lists: spelling, first names
                                   (default $XDG_CACHE_HOME/safepost; read by safepost.policy.prepared)
    SAFEPOST_TOKEN_KEYS            comma-separated Fernet keys that encrypt platform sign-ins (the
                                   first encrypts, all decrypt); else SAFEPOST_TOKEN_KEY_FILE
    SAFEPOST_TOKEN_KEY_FILE        default var/token.key, created 0600 at first run
    SAFEPOST_X_CLIENT_ID           the X app's client id (X developer portal), to connect X accounts
    SAFEPOST_X_CLIENT_SECRET       and its secret (a confidential app)
    SAFEPOST_BLUESKY_SERVICE       the Bluesky server accounts sign in to (default https://bsky.social)
    SAFEPOST_X_READ_COST           US dollars X bills per post read (default 0.005), for the
                                   estimate on the connections page
    SAFEPOST_AUDIT_KEY             the audit chain's HMAC key (64 hex); else SAFEPOST_AUDIT_KEY_FILE
    SAFEPOST_AUDIT_KEY_FILE        default var/audit.key, created 0600 at first use
    SAFEPOST_AUDIT_ANCHOR_FILE     where each school's audit head is anchored (default
                                   var/audit-anchors.jsonl; make it append-only: chattr +a)
    SAFEPOST_CACHE_URL             redis://host:6379/1 or file:///folder: a cache shared by the web
                                   processes, so sign-in limits hold across them (default: memory)
    SAFEPOST_ADMIN                 1 to mount the Django admin at /admin/ (default 0); it signs in
                                   through allauth and needs an authenticator app (config/admin.py)
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """The variable's value, stripped, or ``default`` when it is unset."""
    value = os.environ.get(name)
    return default if value is None else value.strip()


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no variable: 1/true/yes/on or 0/false/no/off; anything else is an error."""
    value = os.environ.get(name)
    if value is None:
        return default
    folded = value.strip().lower()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ImproperlyConfigured(f'{name}="{value}" is not a yes/no value; use 1 or 0.')


def env_int(name: str, default: int) -> int:
    """A whole-number variable."""
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f'{name}="{value}" is not a whole number.') from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated variable as a list, empty items dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    """A variable that must be one of ``choices``."""
    value = env_str(name, default).lower() or default
    if value not in choices:
        raise ImproperlyConfigured(f'{name}="{value}" must be one of: {", ".join(choices)}.')
    return value


# var/ holds the SQLite database, the generated keys and the photos; it is gitignored,
# so a fresh clone creates it here on first use, readable by this user only (0700).
VAR_DIR = Path(env_str("SAFEPOST_VAR_DIR") or BASE_DIR / "var")
# A read-only image that sets DATABASE_URL and SAFEPOST_SECRET_KEY needs no var/.
with contextlib.suppress(OSError):
    VAR_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)


def _secret_key() -> str:
    key = env_str("SAFEPOST_SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    # O_EXCL: if two processes start at once, one writes and both read the winner's key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    except OSError as exc:
        raise ImproperlyConfigured(
            f"Cannot create {path} ({exc.strerror}); set SAFEPOST_SECRET_KEY or SAFEPOST_VAR_DIR."
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(key + "\n")
    return key


SECRET_KEY = _secret_key()
DEBUG = env_bool("SAFEPOST_DEBUG", False)
# Behind TLS, and so for real: cookies, HSTS and the checks that refuse an unsafe start follow it.
HTTPS = env_bool("SAFEPOST_HTTPS", False)
ALLOWED_HOSTS = env_list("SAFEPOST_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("SAFEPOST_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    # The installation admin: allauth sign-in with MFA, audited, mounted only with SAFEPOST_ADMIN=1.
    "config.apps.SafepostAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks_db",
    "apps.checker",
    "apps.schools",
    "apps.audit",
    "apps.posts",
    "apps.publishing",
    "apps.platforms",
    "apps.home",
    "apps.notifications",
    "apps.moderation",
    "apps.reminders",
    "apps.reports",
    "apps.governance",
    "apps.followers",
    "apps.following",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "apps.schools.middleware.MfaRequiredMiddleware",
    "apps.schools.middleware.SchoolDeviceMiddleware",
]

ROOT_URLCONF = "config.urls"
# The Django admin is for whoever runs the installation; schools never need it. Off unless asked for.
SAFEPOST_ADMIN = env_bool("SAFEPOST_ADMIN", False)
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.home.context.school_nav",
            ],
        },
    },
]

# Database: SQLite by default, PostgreSQL (or anything dj-database-url knows) by DATABASE_URL.
#: What SQLite needs when the web server and the task worker share the file, whichever way it is
#: named (the default file or a sqlite:// DATABASE_URL): WAL lets readers and one writer work at
#: once, IMMEDIATE takes the write lock at the start of a transaction (no "database is locked" on
#: upgrading a read to a write), and a writer waits up to 20 seconds for the lock.
SQLITE_OPTIONS: dict[str, Any] = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def database(url: str, var_dir: Path) -> dict[str, Any]:
    """The default database's settings for ``DATABASE_URL`` (SQLite in ``var_dir`` when empty)."""
    if url:
        config: dict[str, Any] = dict(
            dj_database_url.parse(
                url, conn_max_age=env_int("SAFEPOST_DB_CONN_MAX_AGE", 60), conn_health_checks=True
            )
        )
    else:
        sqlite = var_dir / "safepost.sqlite3"
        # Created here, 0600, before SQLite creates it with the umask's 0644; its -wal and -shm files
        # take the database file's mode.
        with contextlib.suppress(OSError):
            os.close(os.open(sqlite, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite)}
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    return config


DATABASE_URL = env_str("DATABASE_URL")
DATABASES = {"default": database(DATABASE_URL, VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (django.tasks). The default stores tasks in the database and
# `manage.py db_worker` runs them. For Celery with Redis, install the `celery`
# extra (celery[redis], django-tasks-celery) and set SAFEPOST_TASKS=celery and
# CELERY_BROKER_URL=redis://...; Celery workers (`celery -A config worker`) then
# replace db_worker, and one `celery -A config beat` runs the publishing sweep
# (config/celery.py).
SAFEPOST_TASKS = env_choice("SAFEPOST_TASKS", ("db", "celery", "immediate"), "db")
TASKS: dict[str, dict[str, Any]]
if SAFEPOST_TASKS == "celery":
    CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
    if not CELERY_BROKER_URL:
        raise ImproperlyConfigured(
            "SAFEPOST_TASKS=celery needs CELERY_BROKER_URL, e.g. redis://localhost:6379/0"
        )
    CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
    CELERY_RESULT_EXTENDED = True  # django-tasks-celery finds a result's task from it
    CELERY_TIMEZONE = "Europe/London"
    # Its own queue, so a Redis database shared by mistake never mixes in another app's tasks.
    CELERY_TASK_DEFAULT_QUEUE = "safepost"
    CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
    # Redis gives a message nobody has acknowledged within the visibility timeout to another
    # worker, and a post scheduled for later waits in a worker unacknowledged until its time: so
    # the timeout covers more than a week ahead. A post scheduled further ahead may be delivered
    # more than once, which is harmless (a publish claims each target first, see
    # apps/publishing/actions.py);
    # a message lost with a killed worker is picked up by the sweep within a minute of its time.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 8 * 24 * 60 * 60}
    # The sweep (missed times, retries, dead workers' posts), sent by `celery -A config beat`.
    CELERY_BEAT_SCHEDULE = {
        "publish-due": {"task": "apps.publishing.tasks.publish_due", "schedule": 15.0},
        "check-connections": {"task": "apps.platforms.tasks.check_connections", "schedule": 21600.0},
        "rotation-reminders": {"task": "apps.platforms.tasks.create_rotation_reminders", "schedule": 86400.0},
        # Every duty the policies make periodic, due or overdue, told once (apps/reminders).
        "duty-reminders": {"task": "apps.reminders.tasks.send_reminders", "schedule": 86400.0},
        # The e-safety posts each term suggests (the policy review is a duty of send_reminders).
        "governance-daily": {"task": "apps.governance.tasks.governance_daily", "schedule": 86400.0},
        # Each school's audit head, outside the database: daily to the file, weekly also by e-mail.
        "anchor-audit": {"task": "apps.audit.tasks.anchor_audit_chains", "schedule": 86400.0},
        "anchor-audit-email": {
            "task": "apps.audit.tasks.anchor_audit_chains",
            "schedule": 7 * 86400.0,
            "kwargs": {"email": True},
        },
    }
    CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
    # config.celery.CeleryBackend sends a task once the transaction that enqueued it commits.
    TASKS = {
        "default": {
            "BACKEND": "config.celery.CeleryBackend",
            "QUEUES": ["default"],
            "OPTIONS": {"CELERY_APP": "config.celery.app"},
        }
    }
elif SAFEPOST_TASKS == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def cache_from_url(url: str) -> dict[str, Any]:
    """The cache for ``SAFEPOST_CACHE_URL``: ``redis://host:6379/1``, ``file:///var/cache/safepost``,
    or nothing for one process's own memory."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("file://") and len(url) > len("file://"):
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url[len("file://") :],
        }
    raise ImproperlyConfigured(
        f'SAFEPOST_CACHE_URL="{url}" is not a cache address; use redis://host:6379/1 or file:///path/to/folder.'
    )


# The sign-in limits (below) and the audit check's result are counted in the cache: with several
# web processes, set SAFEPOST_CACHE_URL so that they share one, or each process counts alone.
CACHES = {"default": cache_from_url(env_str("SAFEPOST_CACHE_URL"))}

# Sign-in (django-allauth): e-mail or username, with rate limits and MFA.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
# No open sign-up: a senior leader adds staff, who set a password from the link they are sent.
ACCOUNT_ADAPTER = "apps.schools.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
# Counted in the cache (CACHES above): five wrong passwords lock an account for five minutes.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "5/h/ip",
    "reset_password": "10/m/ip,3/h/key",
    "reset_password_from_key": "10/m/ip",
    "confirm_email": "1/3m/key",
    "reauthenticate": "10/m/user",
    "change_password": "5/m/user",
}
# Required for the headteacher and senior leaders (apps.schools.middleware), optional for others.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The authenticator-app secrets are encrypted with the token keys (below), never stored readable.
MFA_ADAPTER = "apps.schools.adapters.MfaAdapter"
MFA_TOTP_ISSUER = "Safepost"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# E-mail: printed to the console unless SMTP (or another backend) is configured.
_MAIL_BACKEND = env_str("SAFEPOST_EMAIL_BACKEND") or "django.core.mail.backends.console.EmailBackend"
_MAIL_OPTIONS: dict[str, Any] = {}
if _MAIL_BACKEND.endswith("smtp.EmailBackend"):
    _MAIL_OPTIONS = {
        "host": env_str("SAFEPOST_EMAIL_HOST", "localhost"),
        "port": env_int("SAFEPOST_EMAIL_PORT", 587),
        "username": env_str("SAFEPOST_EMAIL_HOST_USER"),
        "password": env_str("SAFEPOST_EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("SAFEPOST_EMAIL_USE_TLS", True),
    }
MAILERS = {"default": {"BACKEND": _MAIL_BACKEND, "OPTIONS": _MAIL_OPTIONS}}
SAFEPOST_SITE_URL = env_str("SAFEPOST_PUBLIC_URL", "http://localhost:8000")
SAFEPOST_X_READ_COST = float(env_str("SAFEPOST_X_READ_COST", "0.005") or "0.005")
if HTTPS and not DEBUG and _MAIL_BACKEND.endswith("console.EmailBackend"):
    # Sign-in links, invitations and the audit fingerprints would only be printed to a log.
    raise ImproperlyConfigured(
        "E-mail is not set up, so Safepost would print sign-in links and invitations to its log "
        "instead of sending them. Set SAFEPOST_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend "
        "with SAFEPOST_EMAIL_HOST, SAFEPOST_EMAIL_PORT, SAFEPOST_EMAIL_HOST_USER and "
        "SAFEPOST_EMAIL_HOST_PASSWORD (or another e-mail backend), then start Safepost again."
    )
DEFAULT_FROM_EMAIL = env_str("SAFEPOST_DEFAULT_FROM_EMAIL", "Safepost <safepost@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation: a UK product.
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files, served by WhiteNoise from static/ (nothing comes from a CDN).
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
with contextlib.suppress(OSError):
    STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every start when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
# Hashed, compressed names need `collectstatic` first, so they are opt-in (and
# automatic once a manifest exists); until then WhiteNoise serves from the finders.
_MANIFEST = env_bool("SAFEPOST_STATIC_MANIFEST", (STATIC_ROOT / "staticfiles.json").exists())
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _MANIFEST
        else "whitenoise.storage.CompressedStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _MANIFEST

# Platform sign-ins (X, Bluesky, Mastodon) are encrypted at rest with these keys, never kept in the
# database: SAFEPOST_TOKEN_KEYS (comma-separated Fernet keys; the first encrypts, all decrypt) or a
# key file created at first run (mode 0600). Back the key file up: without it every account must
# be connected again.
SAFEPOST_TOKEN_KEYS = env_str("SAFEPOST_TOKEN_KEYS")
SAFEPOST_TOKEN_KEY_FILE = env_str("SAFEPOST_TOKEN_KEY_FILE") or str(VAR_DIR / "token.key")
# The platforms' settings for this installation: each platform package names the ones it reads
# (``settings`` in apps/platforms/<kind>/platform.py). An X app's client id and secret come from
# the X developer portal; Mastodon registers Safepost on each school's server by itself.
SAFEPOST_X_CLIENT_ID = env_str("SAFEPOST_X_CLIENT_ID")
SAFEPOST_X_CLIENT_SECRET = env_str("SAFEPOST_X_CLIENT_SECRET")
SAFEPOST_BLUESKY_SERVICE = env_str("SAFEPOST_BLUESKY_SERVICE") or "https://bsky.social"

# The audit log's chain is keyed (HMAC-SHA256) with a key kept outside the database:
# SAFEPOST_AUDIT_KEY (64 hex characters) or a key file created at first use (mode 0600). Each
# school's newest entry is anchored on a schedule in an append-only file outside the database
# (`manage.py anchor_audit`), signed with the same key. Back the key file up with the token key.
SAFEPOST_AUDIT_KEY = env_str("SAFEPOST_AUDIT_KEY")
SAFEPOST_AUDIT_KEY_FILE = env_str("SAFEPOST_AUDIT_KEY_FILE") or str(VAR_DIR / "audit.key")
SAFEPOST_AUDIT_ANCHOR_FILE = env_str("SAFEPOST_AUDIT_ANCHOR_FILE") or str(VAR_DIR / "audit-anchors.jsonl")

# Schools name their own Mastodon and Bluesky servers: Safepost connects only to public internet
# addresses, never follows redirects (apps/platforms/netguard.py). Plain http to this machine is
# for the tests (a local Bluesky PDS and Mastodon mock); they turn this on. Not read from the
# environment, so no installation can turn it on by mistake.
SAFEPOST_PLATFORMS_ALLOW_LOOPBACK = False

# Uploaded photos: originals and the cleaned renditions. Never served as static files: staff see
# them through views scoped to their school, the public only once published (apps.posts.photos).
MEDIA_ROOT = Path(env_str("SAFEPOST_MEDIA_ROOT") or VAR_DIR / "media")
MEDIA_URL = "/media-not-served/"
# Photos of children: readable by Safepost's own user only.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# A phone photo is 3-12 MB; four of them, with the form, must fit (bigger are refused by the app
# with a message, see safepost.photos.images.MAX_BYTES).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WHITENOISE_AUTOREFRESH = DEBUG

# Security. Cookies and HSTS need HTTPS, so they follow SAFEPOST_HTTPS.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env_int("SAFEPOST_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS and env_bool("SAFEPOST_HSTS_PRELOAD", False)
# Preloading commits the whole domain (often the school's, shared with other services) to HTTPS
# in every browser for good: a choice for whoever owns the domain, so its check is silenced
# unless SAFEPOST_HSTS_PRELOAD=1 asks for it.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# Behind a reverse proxy: trust its X-Forwarded-Proto, and the address it appends last to
# X-Forwarded-For (the client's address for the school-network rule, CAT-01).
SAFEPOST_BEHIND_PROXY = env_bool("SAFEPOST_BEHIND_PROXY")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SAFEPOST_BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Content Security Policy: everything is served from this site. Scripts need a
# nonce (`{% csp_nonce_attr %}` or `<script nonce="{{ csp_nonce }}">`) when inline.
_CSP_MODE = env_choice("SAFEPOST_CSP", ("enforce", "report-only", "off"), "enforce")
_CSP_POLICY = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CSP = _CSP_POLICY if _CSP_MODE == "enforce" else {}
SECURE_CSP_REPORT_ONLY = _CSP_POLICY if _CSP_MODE == "report-only" else {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("SAFEPOST_LOG_LEVEL", "INFO").upper()},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
