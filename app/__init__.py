"""Our Voice: the Flask application factory."""

from __future__ import annotations

from typing import Any

from flask import Flask

from app import config


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the application: defaults, instance/config.py, OURVOICE_* variables, then ``test_config``."""
    app = Flask(__name__, instance_relative_config=True, instance_path=str(config.PROJECT_ROOT / "instance"))
    app.config.from_mapping(config.defaults(app.instance_path))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("OURVOICE")
    app.config.from_mapping(test_config or {})
    config.finalise(app)
    setup_database(app)
    setup_security(app)  # before CSRF: its checks must see the raw body first
    setup_extensions(app)
    setup_blueprints(app)
    setup_errors(app)
    setup_cli(app)
    return app


def setup_database(app: Flask) -> None:
    """Create the engine and check SQLite runs with safe settings."""
    from app import db

    db.init_app(app)
    db.check_durability(app.extensions["db"].engine)


def setup_extensions(app: Flask) -> None:
    """Initialise CSRF protection, compression and translations."""
    from app import i18n, templating
    from app.extensions import compress, csrf

    csrf.init_app(app)
    compress.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)


def setup_security(app: Flask) -> None:
    """Add the security headers and keep respondents' details out of logs."""
    from app import security

    security.init_app(app)


def setup_blueprints(app: Flask) -> None:
    """Register each feature's blueprint."""
    from app.health import bp as health_bp
    from app.respond import bp as respond_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(respond_bp)


def setup_errors(app: Flask) -> None:
    """Show friendly, translated error pages instead of stack traces."""
    from app import errors

    errors.init_app(app)


def setup_cli(app: Flask) -> None:
    """Register the ``ourvoice`` command groups."""
    from app import cli

    cli.init_app(app)
