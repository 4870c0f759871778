"""Partnerregister: the application factory."""

import os

from flask import Flask

from config import BASE_DIR, CONFIGS, DEFAULT_SECRET_KEY, Config


def create_app(config_class: type[Config] | None = None, **overrides) -> Flask:
    """Build the app: config → extensions → blueprints → CLI → error handlers."""
    app = Flask(__name__, instance_relative_config=False)
    if config_class is None:
        config_class = CONFIGS[os.environ.get("REGISTRY_ENV", "production")]
    app.config.from_object(config_class)
    app.config.update(overrides)
    _local_database_needs_no_ping(app)
    _refuse_default_secret(app)
    _configure_proxy(app)

    from registry import web
    from registry.extensions import babel, csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(BASE_DIR / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    from registry.core.i18n import select_locale

    babel.init_app(app, locale_selector=select_locale)
    web.register(app)
    return app


def _refuse_default_secret(app: Flask) -> None:
    """Production must not sign sessions and links with the published development key."""
    if app.config.get("DEBUG") or app.config.get("TESTING"):
        return
    if app.config["SECRET_KEY"] in (None, "", DEFAULT_SECRET_KEY):
        raise RuntimeError("SECRET_KEY is not set: refusing to start in production with the default key.")


def _local_database_needs_no_ping(app: Flask) -> None:
    """No liveness ping before each use of a SQLite connection: a file opened in-process cannot go stale.

    The ping (``pool_pre_ping``) guards server connections that a restart or a firewall dropped; on SQLite it
    would only be one more statement on every request.
    """
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**app.config["SQLALCHEMY_ENGINE_OPTIONS"],
                                                   "pool_pre_ping": False}


def _configure_proxy(app: Flask) -> None:
    """Trust one proxy's X-Forwarded-* headers when PROXY_FIX is on (gunicorn behind nginx)."""
    if app.config.get("PROXY_FIX"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
