"""The tracker application factory."""

import secrets
from pathlib import Path

from flask import Flask

from tracker.extensions import (
    babel,
    bootstrap,
    cache,
    csrf,
    db,
    limiter,
    login_manager,
    migrate,
    talisman,
)

PACKAGE_DIR = Path(__file__).resolve().parent


def _asset_dir(name: str) -> str:
    """The wheel's packaged templates/ or static/ when present, else the repo root's."""
    packaged = PACKAGE_DIR / name
    return str(packaged if packaged.is_dir() else PACKAGE_DIR.parent / name)


def create_app(test_config: dict | None = None) -> Flask:
    """Create the app: config layers, extensions, blueprints, error handlers, commands."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=_asset_dir("templates"),
        static_folder=_asset_dir("static"),
    )
    configure(app, test_config)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_helpers(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    """Layer config: code defaults, instance/config.py, TRACKER_* variables, test overrides."""
    app.config.from_object("tracker.config")
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("TRACKER")
    if test_config is not None:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _write_secret_key(Path(app.instance_path) / "config.py")


def _write_secret_key(config_file: Path) -> str:
    """Append a random secret key to instance/config.py on first start, so it survives restarts."""
    key = secrets.token_hex(32)
    with config_file.open("a", encoding="utf-8") as fh:
        fh.write("# Written on first start; keep it secret and out of version control.\n")
        fh.write(f"SECRET_KEY = {key!r}\n")
    config_file.chmod(0o600)
    return key


def register_extensions(app: Flask) -> None:
    """Bind the extensions to this app."""
    from tracker import datacache, security, softdelete  # noqa: F401  (their session hooks)
    from tracker.audit import recorder  # noqa: F401  (registers the audit flush hook)
    from tracker.i18n import install_template_gettext, select_locale, select_timezone

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PACKAGE_DIR / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    # The login guard runs before the CSRF check, so anonymous visitors are sent to log in.
    security.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    install_template_gettext(app)
    bootstrap.init_app(app)
    cache.init_app(app)
    limiter.init_app(app)
    https = app.config["SESSION_COOKIE_SECURE"]
    talisman.init_app(
        app,
        force_https=False,  # TLS ends at the reverse proxy
        strict_transport_security=https,
        session_cookie_secure=https,
        content_security_policy=app.config["CONTENT_SECURITY_POLICY"],
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
    )


def register_blueprints(app: Flask) -> None:
    """One blueprint per feature."""
    from tracker.admin.views import bp as admin_bp
    from tracker.audit.views import bp as audit_bp
    from tracker.auth.views import bp as auth_bp
    from tracker.calendar.views import bp as calendar_bp
    from tracker.delegations.views import bp as delegations_bp
    from tracker.deleted.views import bp as deleted_bp
    from tracker.followups.views import bp as followups_bp
    from tracker.imports.views import bp as imports_bp
    from tracker.languages.views import bp as languages_bp
    from tracker.lookup.views import assets as tom_select_assets
    from tracker.lookup.views import bp as lookup_bp
    from tracker.main.views import bp as main_bp
    from tracker.matchmaking.views import bp as matchmaking_bp
    from tracker.needs.views import bp as needs_bp
    from tracker.organisations.views import bp as organisations_bp
    from tracker.people.views import bp as people_bp
    from tracker.reports.views import bp as reports_bp
    from tracker.talks.views import bp as talks_bp
    from tracker.vocabularies.views import bp as vocabularies_bp

    for blueprint in (
        auth_bp,
        main_bp,
        delegations_bp,
        organisations_bp,
        people_bp,
        needs_bp,
        followups_bp,
        matchmaking_bp,
        talks_bp,
        reports_bp,
        calendar_bp,
        imports_bp,
        vocabularies_bp,
        admin_bp,
        audit_bp,
        languages_bp,
        deleted_bp,
        lookup_bp,
        tom_select_assets,
    ):
        app.register_blueprint(blueprint)


def register_errorhandlers(app: Flask) -> None:
    """Friendly error pages; a failed request never leaves a half-written transaction behind."""
    from tracker.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    """Flask CLI commands."""
    from tracker.cli import commands

    for command in commands:
        app.cli.add_command(command)


def register_template_helpers(app: Flask) -> None:
    """Filters and globals shared by all templates."""
    from tracker.templating import register

    register(app)
