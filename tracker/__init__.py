"""The tracker application factory."""

from pathlib import Path

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

from tracker import errors, instance, security, templating
from tracker.admin.views import bp as admin_bp
from tracker.api import setup as api
from tracker.audit import recorder  # noqa: F401  (registers the audit flush hook)
from tracker.audit.views import bp as audit_bp
from tracker.auth.views import bp as auth_bp
from tracker.calendar.views import bp as calendar_bp
from tracker.cli import commands
from tracker.delegations.views import bp as delegations_bp
from tracker.deleted.views import bp as deleted_bp
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
from tracker.followups.views import bp as followups_bp
from tracker.i18n import install_template_gettext, select_locale, select_timezone
from tracker.imports.views import bp as imports_bp
from tracker.languages.views import bp as languages_bp
from tracker.leadership.views import bp as leadership_bp
from tracker.letterhead import bp as letterhead_bp
from tracker.lookup.views import assets as tom_select_assets
from tracker.lookup.views import bp as lookup_bp
from tracker.main.views import bp as main_bp
from tracker.matchmaking.views import bp as matchmaking_bp
from tracker.needs.views import bp as needs_bp
from tracker.organisations.views import bp as organisations_bp
from tracker.people.views import bp as people_bp
from tracker.projects.agreement_views import bp as agreements_bp
from tracker.projects.views import bp as projects_bp
from tracker.reports.views import bp as reports_bp
from tracker.scheduling.after_views import bp as scheduling_after_bp
from tracker.scheduling.views import bp as scheduling_bp
from tracker.talks.views import bp as talks_bp
from tracker.vocabularies.views import bp as vocabularies_bp
from tracker.webhooks import worker as webhook_worker
from tracker.webhooks.views import bp as webhooks_bp

# isort: split
# Imported for the session hooks they install, like the audit recorder above (the outbox
# queues the webhooks' deliveries in the transaction of the change).
from tracker import datacache, outbox, softdelete  # noqa: F401

PACKAGE_DIR = Path(__file__).resolve().parent
# Responses a browser or proxy may keep: files that are the same for everyone. Every other
# response (pages, exports, the login steps, errors) may carry personal or confidential data.
CACHEABLE_ENDPOINTS = frozenset(
    {"static", "bootstrap.static", "tom_select.static", "swagger_ui.static", "main.health"}
    | {"main.favicon"}
)


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
    trust_proxies(app)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_template_helpers(app)
    register_response_headers(app)
    register_workers(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    """Layer config: code defaults, instance/config.py, TRACKER_* variables, test overrides."""
    app.config.from_object("tracker.config")
    folder = Path(app.instance_path)
    instance.make_folder(folder)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("TRACKER")
    if test_config is not None:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance.secret_key(folder)
    instance.create_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"], folder)


def trust_proxies(app: Flask) -> None:
    """Take the client's address, scheme and host from X-Forwarded-* for TRUSTED_PROXIES hops.

    Each proxy appends what it saw, so only the last TRUSTED_PROXIES values are believed; with
    0 (the default) the headers are ignored, as anyone can send them.
    """
    hops = app.config["TRUSTED_PROXIES"]
    if not isinstance(hops, int) or isinstance(hops, bool) or hops < 0:
        raise ValueError(f"TRUSTED_PROXIES must be a number of proxies (0 or more), not {hops!r}.")
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app: Flask) -> None:
    """Bind the extensions to this app."""

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
        projects_bp,
        scheduling_bp,
        scheduling_after_bp,
        reports_bp,
        leadership_bp,
        calendar_bp,
        imports_bp,
        agreements_bp,
        vocabularies_bp,
        admin_bp,
        webhooks_bp,
        audit_bp,
        languages_bp,
        letterhead_bp,
        deleted_bp,
        lookup_bp,
        tom_select_assets,
    ):
        app.register_blueprint(blueprint)
    api.init_app(app)  # /api/v1: its own blueprints, document and docs page


def register_errorhandlers(app: Flask) -> None:
    """Friendly error pages; a failed request never leaves a half-written transaction behind."""
    errors.register(app)


def register_commands(app: Flask) -> None:
    """Flask CLI commands."""

    for command in commands:
        app.cli.add_command(command)


def register_template_helpers(app: Flask) -> None:
    """Filters and globals shared by all templates."""
    templating.register(app)


def register_workers(app: Flask) -> None:
    """Background work in the app's own process: the webhook worker, when configured."""
    webhook_worker.init_app(app)


def register_response_headers(app: Flask) -> None:
    """Cache-Control: no-store on every response but static files."""

    @app.after_request
    def no_store(response):
        if request.endpoint not in CACHEABLE_ENDPOINTS:
            response.headers["Cache-Control"] = "no-store"
        return response
