"""Settings shared by every environment.

Every environment variable the project reads is read here, once, with a type
and a default. The environment-specific modules only change what differs.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Environment -----------------------------------------------------------
# DATABASE_URL: PostgreSQL in production and tests; a SQLite file for the demo.
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# SECRET_KEY: required in production (see production.py); dev and test supply their own.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# Chapters live on their own hostnames, so "*.localhost" covers the demo network.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# DEMO_PORT: the port the demo (`make run`) is served on; `load_demo_network` gives the
# demo's sites this port, so every absolute address (canonical, sitemap, API, emails) has it.
DEMO_PORT = int(os.environ.get("DEMO_PORT", "8000"))
# Where the admin lives, for links in notification emails (the demo's, by default).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"http://localhost:{DEMO_PORT}")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Consent documents and non-public archive files: outside MEDIA_ROOT, never served
# by the web server, only by views that check who asks (see README: private media).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
# Chapter exports (offboarding): they hold private content, so never under MEDIA_ROOT.
CHAPTER_EXPORT_DIR = Path(os.environ.get("CHAPTER_EXPORT_DIR", BASE_DIR / "exports"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "network@localhost")
# The mail server for notifications and invitations (SMTP; dev prints to the console).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 20  # seconds: a mail server that hangs never holds a request for long
# FRONTEND_CACHE_PURGE_URL: an optional HTTP cache in front of the site (Varnish,
# nginx with purge…) that accepts PURGE requests there. Pages are purged when they
# are published or unpublished, and a consent withdrawal purges every address
# that showed the entry (its page, the archive, the chapter home, search, sitemap, API).
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL") or None
# An optional external street map for the chapter directory: only linked, never loaded.
CHAPTER_MAP_TILE_URL = os.environ.get("CHAPTER_MAP_TILE_URL") or None
# Stories (and withdrawal attempts) accepted per client address per chapter site per hour.
STORY_INTAKE_RATE_LIMIT = int(os.environ.get("STORY_INTAKE_RATE_LIMIT", "5"))
# Days a person who joined a chapter has to confirm by email; then the sign-up is deleted
# (`manage.py forget_unconfirmed_supporters`, daily from cron).
SUPPORTER_CONFIRM_DAYS = int(os.environ.get("SUPPORTER_CONFIRM_DAYS", "7"))
# Days after an event ends that its registrations are kept; then they are deleted
# (`manage.py forget_past_registrations`, daily from cron).
EVENT_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENT_REGISTRATION_RETENTION_DAYS", "30"))
# How many reverse proxies in front of the site append to X-Forwarded-For, so the
# rate limit counts each reader's address and not the proxy's (0: none, as in `make run`).
# Unset means none, in production too: a count higher than the real number of proxies
# lets any client choose its own address (and escape the limit) with X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# The largest document accepted, in bytes (default 50 MB; long recordings belong on
# a media host, linked from the entry). Also cap the request body in the web server.
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_SIZE", 50 * 1024 * 1024))
# The largest image accepted, in bytes (default 10 MB) and in pixels (default 50
# million: a small PNG can decode to gigabytes of memory).
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", 50_000_000))
# Logging in: wrong passwords before a pause, how long the pause lasts, and how long a
# session may sit idle before it is logged out (admin and members alike).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
# REDIS_URL: an optional Redis (redis://host:6379/0) for the shared cache; without it
# the cache is a table in the database (`migrate` creates it), which every worker sees.
REDIS_URL = os.environ.get("REDIS_URL") or None
# PAGE_CACHE_TIMEOUT: seconds a public page is kept in the page cache for readers
# without cookies (home/pagecache/); 0 turns the page cache off. Whatever it is, a
# change shows in the next request: every save invalidates what it shows.
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "300"))
# FRAGMENT_CACHE_TIMEOUT: seconds a site's frame (home, menu, shared links; the same for
# every reader) and the network's counts and lists are kept between renders, under the
# generations (home/frame.py, home/pagecache/remember.py); 0 = off.
FRAGMENT_CACHE_TIMEOUT = int(os.environ.get("FRAGMENT_CACHE_TIMEOUT", "300"))
# What a cacheable public page tells other caches (Cache-Control): a browser may keep
# it PAGE_CACHE_BROWSER_MAX_AGE seconds (default 0: nobody can purge a browser, and a
# reader going back to a page sees an edit or a withdrawal at once), a shared cache
# (Varnish, a CDN) PAGE_CACHE_SHARED_MAX_AGE (s-maxage; purged on change when
# FRONTEND_CACHE_PURGE_URL is set). Every other response says `private`.
PAGE_CACHE_BROWSER_MAX_AGE = int(os.environ.get("PAGE_CACHE_BROWSER_MAX_AGE", "0"))
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("PAGE_CACHE_SHARED_MAX_AGE", "300"))
# LOG_LEVEL: what production writes to stderr (JSON lines); INFO by default.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()

# --- Applications ----------------------------------------------------------
INSTALLED_APPS = [
    "home",
    "chapters",
    "search",
    "network_site.accounts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Logging in: lockout after failed attempts; the second factor and its recovery codes.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    # Background tasks (Wagtail 8 runs its own through django-tasks) and their table,
    # for production's `manage.py db_worker` (TASKS, below).
    "django_tasks",
    "django_tasks_db",
]

# SecurityMiddleware and the header middlewares come first, so that redirects and
# error pages made further in carry the security headers too.
MIDDLEWARE = [
    # Stored public pages for readers without cookies: a hit skips everything below
    # (home/pagecache/; network_site/wsgi.py answers hits even before Django).
    "home.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "network_site.observability.RequestIdMiddleware",
    "network_site.headers.PermissionsPolicyMiddleware",
    "network_site.headers.NetworkCSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "search.limits.SearchQueryLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "network_site.accounts.sessions.IdleTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "network_site.accounts.middleware.AdminSecondFactorMiddleware",
    "chapters.admin.middleware.ChapterAdminScopeMiddleware",
    "chapters.register.languages.SiteLanguageMiddleware",
    "home.middleware.ChooserLocaleMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login attempt into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "network_site.urls"
WSGI_APPLICATION = "network_site.wsgi.application"

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
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# The demo's SQLite, for two people saving at once: a transaction takes the write lock
# when it begins (IMMEDIATE: two readers turning writers would otherwise deadlock and
# one fail at once with "database is locked", losing the edit), a writer waits up to
# 20 s for the other's commit, and WAL lets pages be read while someone saves.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
else:
    # PostgreSQL's JIT compiles any query it estimates as costly: 60-70 ms of
    # compiling to save a few ms on the page queries of a large network.
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}

# One cache that every worker (and every server) shares: the story form's rate
# limit and its one-story-per-form check count together, and Wagtail's cached
# site paths are dropped everywhere when a chapter's site changes.
# Stored pages have their own cache (a key prefix in Redis, a table in the database),
# so a flood of page addresses never culls the rate limits' counts.
CACHE_TABLE = "network_cache"
PAGE_CACHE_ALIAS = "pages"
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL},
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Django culls a third of the table past 300 entries, which would forget
            # readers' counts and used forms under load; expired rows still go.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "network_page_cache",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Logging in ----------------------------------------------------------------
# django-axes sees every authenticate() call (the admin's login, the members' login):
# after LOGIN_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is refused for LOGIN_COOLOFF_MINUTES. Attempts are in the database, so every
# worker counts together. `manage.py axes_reset_username <name>` unlocks early.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "network_site.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "network_site.accounts.lockout.locked_out"
# The second factor (network_site/accounts/): authenticator apps show the network's name.
OTP_TOTP_ISSUER = "Human Rights Cities Network"
SESSION_IDLE_TIMEOUT = SESSION_IDLE_MINUTES * 60
# Members log in on their chapter's site (`/en/_util/login/`) and go back to the page
# they came from (`next`), or the site's home.
LOGIN_URL = "wagtailcore_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Headers -----------------------------------------------------------------
# Content-Security-Policy (django-csp 4) for public pages: this origin only, and
# inline scripts and styles only with the request's nonce. The admin's policy is
# in network_site/headers.py; a response with its own policy keeps it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing frames a page of the network; Wagtail's previews allow their own admin frame.
X_FRAME_OPTIONS = "DENY"

# --- Languages ---------------------------------------------------------------
# Adding a language is this one setting (or the LANGUAGES environment variable,
# e.g. "en=English,es=Español,vi=Tiếng Việt,ar=العربية"), then `migrate` for
# its Wagtail locale and a locale/<code>/LC_MESSAGES/django.po for the interface.
# Search stems it with PostgreSQL's configuration of that name, or `simple`
# (search/languages.py); run `update_index` if pages in it existed before.
# English, the default, comes first.
LANGUAGE_CODE = "en"
LANGUAGES = [
    tuple(item.strip().split("=", 1))
    for item in os.environ.get("LANGUAGES", "en=English,es=Español").split(",")
    if item.strip()
]
if not LANGUAGES or LANGUAGES[0][0] != LANGUAGE_CODE or any(len(lang) != 2 for lang in LANGUAGES):
    raise ImproperlyConfigured(
        "LANGUAGES must look like 'en=English,es=Español', with en (the default) first"
    )
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A new translation of a live page starts as a draft (home/translation/publishing.py
# enforces it too); it goes live through the page's workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def libretranslate(environ) -> dict | None:
    """Machine translation by a LibreTranslate the network runs itself, only when
    LIBRETRANSLATE_URL names one (no third-party service by default). Its text stays
    a draft until a person approves each segment (home/translation/machine.py)."""
    url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise ImproperlyConfigured("LIBRETRANSLATE_URL must start with http:// or https://")
    return {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": url,
            "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = libretranslate(os.environ)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Files -------------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# Whether Django itself serves MEDIA_ROOT at MEDIA_URL: only the demo (dev.py), which has
# no web server in front; public uploads only (private files are never under MEDIA_ROOT).
SERVE_MEDIA = False
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media-is-never-served/"},
}
STORAGES = {
    # Uploads: MEDIA_ROOT, except archive files (`private-*` names), which go to
    # PRIVATE_MEDIA_ROOT and are served only by views that check who asks.
    "default": {"BACKEND": "network_site.storage.MediaStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    },
}

# --- Background tasks ----------------------------------------------------------
# "default" is Wagtail's own tasks, kept at once, in the request that causes them: the
# reference index (which entries show an archive file decides who may fetch it), the
# search index, deleting a deleted file from storage and the front-end cache purge of
# a withdrawal must never wait for a worker. "background" is work no reader waits for
# (image renditions on upload, home/renditions.py): at once in the demo and the tests,
# in the database for `manage.py db_worker` in production (production.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Human Rights Cities Network"
# Documents go through Django so that permission checks and collection
# privacy apply; never a direct link to the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {
    # Wagtail's database backend, with every question cleaned first (search/backend.py).
    "default": {"BACKEND": "search.backend"},
}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# Readers log in on the chapter's site to see entries shared with its members.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "chapters/login.html"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Documents: what an archive of testimony and a chapter's paperwork need, nothing a
# browser would run (no HTML, SVG, XML, scripts, archives, macro-enabled or legacy
# office formats). An archive collection takes fewer: the formats whose metadata is
# removed (chapters.files.file_cleaning). Checked on every save (chapters.files.file_safety).
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "txt", "csv", "rtf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "epub",
    "jpg", "jpeg", "png", "mp3", "m4a", "ogg", "oga", "opus", "flac", "wav", "mp4", "webm",
]  # fmt: skip
# Every document downloads (none is shown in the browser, PDFs included), sandboxed.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "chapters.files.document_form.DocumentForm"
# The same move rule on images: a public page's image never goes into the private archive.
WAGTAILIMAGES_IMAGE_FORM_BASE = "chapters.files.image_form.ImageForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatars from gravatar.com: the admin loads nothing from another origin (and
# tells no one which of our people's email addresses are open in it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the admin's dashboard ask releases.wagtail.org for Wagtail's latest version.
WAGTAIL_ENABLE_UPDATE_CHECK = False
