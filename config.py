"""Configuration classes; every setting can be overridden from the environment."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

#: The key shipped for development; production refuses to start with it.
DEFAULT_SECRET_KEY = "dev-only-change-me"


def _bool(name: str, default: bool = False) -> bool:
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _database_url() -> str:
    """Return DATABASE_URL, normalised for SQLAlchemy, or the SQLite file under instance/."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{BASE_DIR / 'instance' / 'registry.sqlite'}"
    # Hosting platforms hand out postgres:// URLs; psycopg 3 needs its own driver name.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    """Settings shared by every environment."""

    #: Signs sessions and e-mail links. Must be set in production.
    SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
    #: SQLite file by default; PostgreSQL when several app servers share one database.
    SQLALCHEMY_DATABASE_URI = _database_url()
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    #: Languages offered, in the order the switcher shows them; Danish is the fallback.
    LANGUAGES = ("da", "sv", "en")
    BABEL_DEFAULT_LOCALE = "da"
    BABEL_DEFAULT_TIMEZONE = "Europe/Copenhagen"
    #: Absolute, because Flask-Babel resolves relative paths against the package, not the project.
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")
    #: One upload may be 10 MB; the request may carry a little form data besides.
    MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
    MAX_CONTENT_LENGTH = MAX_DOCUMENT_BYTES + 512 * 1024
    #: ODT and DOCX uploads are ZIP archives, unpacked while checked: an archive is refused when it has more
    #: members than MAX_ZIP_MEMBERS, when a member or all of them together declare or actually produce more
    #: than MAX_INFLATED_BYTES, or when they unpack to more than MAX_COMPRESSION_RATIO times the upload's size
    #: (a zip bomb: a few hundred kB that unpack to gigabytes; any archive may unpack to 1 MB, whatever its ratio).
    MAX_ZIP_MEMBERS = int(os.environ.get("MAX_ZIP_MEMBERS", "2000"))
    MAX_INFLATED_BYTES = int(os.environ.get("MAX_INFLATED_BYTES", str(100 * 1024 * 1024)))
    MAX_COMPRESSION_RATIO = int(os.environ.get("MAX_COMPRESSION_RATIO", "100"))
    #: Storage for rate limits: memory per process, or Redis shared by all app servers.
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    #: Attempts allowed at the login form per client address.
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute;50 per hour")
    #: Registrations allowed per client address; each one sends an e-mail, so they cannot be used to flood inboxes.
    REGISTER_RATE_LIMIT = os.environ.get("REGISTER_RATE_LIMIT", "5 per minute;30 per hour")
    #: Mail: printed to the console unless MAIL_SERVER is set.
    MAIL_SERVER = os.environ.get("MAIL_SERVER")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS")
    MAIL_USE_SSL = _bool("MAIL_USE_SSL")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Partnerregister <no-reply@localhost>")
    #: How long e-mail links stay valid, in seconds.
    EMAIL_VERIFY_MAX_AGE = 3 * 24 * 3600
    PASSWORD_RESET_MAX_AGE = 3600
    INVITATION_MAX_AGE = 14 * 24 * 3600
    #: Cookies: HttpOnly always, Secure outside development.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = None
    #: Rendered search result pages kept per app process (0 turns the cache off). Each is keyed by the
    #: register's generation, so any committed change to what a search shows makes older pages unreachable.
    SEARCH_CACHE_SIZE = int(os.environ.get("SEARCH_CACHE_SIZE", "256"))
    #: Set when the app runs behind a reverse proxy that sets X-Forwarded-* headers.
    PROXY_FIX = _bool("PROXY_FIX")


class DevelopmentConfig(Config):
    """Local development: debug on, mail to the console."""

    DEBUG = True


class TestingConfig(Config):
    """The test suite: in-memory unless TEST_DATABASE_URL names PostgreSQL."""

    TESTING = True
    SECRET_KEY = "testing-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
    WTF_CSRF_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    LOGIN_RATE_LIMIT = "1000 per minute"
    REGISTER_RATE_LIMIT = "1000 per minute"


class ProductionConfig(Config):
    """Production: secure cookies; refuses the default secret key (checked in create_app)."""

    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
