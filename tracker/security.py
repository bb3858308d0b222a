"""Who may do what: the login guard, the role matrix and object-level checks, in one place."""

import logging
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Flask, abort, g, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import ColumnElement, Select, event, or_, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from tracker import sessions
from tracker.clean_input import CleanRequest
from tracker.extensions import db, login_manager
from tracker.models import (
    Agreement,
    ApiToken,
    FollowUp,
    Instalment,
    Match,
    MatchmakingSession,
    Need,
    NeedNote,
    Obligation,
    Project,
    ProjectMilestone,
    Role,
    StageChange,
    Talk,
    User,
)
from tracker.numbers import ID_MAX
from tracker.problems import is_api_request
from tracker.tokens import find_token, note_use

T = TypeVar("T")

# Endpoints anyone may reach; every other endpoint requires a logged-in, active user.
# The calendar feed authenticates by the secret token in its URL (calendar clients cannot log in);
# the health check tells a load balancer the process answers, and reads nothing; the icon is a
# static file at the address browsers ask for it.
PUBLIC_ENDPOINTS = frozenset(
    {"auth.login", "auth.verify", "static", "bootstrap.static", "calendar.feed", "main.health"}
    | {"main.favicon"}
    | {"languages.switch"}  # the language switch also works on the login page
    | {"tom_select.static"}  # the pickers' script and styles, like the app's own static files
    | {"swagger_ui.static"}  # the API docs' script and styles, likewise
)

# The JSON API's description and its interactive docs: a logged-in browser may read them too.
# Every other endpoint under /api/ takes a bearer token only, never the session cookie.
API_DOC_ENDPOINTS = frozenset({"api-docs.openapi_json", "api_docs.docs"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

ALL_ROLES = frozenset(Role)
MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})


@dataclass(frozen=True)
class Own:
    """A record rule: on a record of this kind that is the user's own (the user's id is in
    one of the owner columns), these roles may also act."""

    roles: frozenset[Role]
    owners: tuple[str, ...]

    def allows(self, user, record) -> bool:
        """Whether user, by role and ownership, may act on record."""
        mine = any(getattr(record, column, None) == user.id for column in self.owners)
        return mine and user.role in self.roles


class Allowed(frozenset):
    """The roles that may perform an action on any record (the role x action matrix), and the
    record rules (own) that let other roles act on records of their own."""

    own: dict[type, Own]

    def __new__(cls, roles: frozenset[Role], own: dict[type, Own] | None = None):
        allowed = super().__new__(cls, roles)
        allowed.own = own or {}
        return allowed


# The role x action matrix, with the record rules beside the roles. Views and templates name an
# action, and the record when there is one (can(action, record)); nothing else decides.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "record.view": ALL_ROLES,
    # A confidential need is edited by whom it is shown to: its owner, the assignees of its
    # follow-ups (both checked by the rule below, which hides it from everyone else) and managers.
    "record.edit": ALL_ROLES,
    # Staff delete the follow-ups they assigned and the notes they wrote, not others'.
    "record.delete": Allowed(
        MANAGERS,
        own={
            FollowUp: Own(ALL_ROLES, ("assigned_by_id",)),
            NeedNote: Own(ALL_ROLES, ("author_id",)),
            # A matchmaking session is deleted by whoever created it, as a follow-up is.
            MatchmakingSession: Own(ALL_ROLES, ("created_by_id",)),
            # Capital in place is corrected by whoever recorded it.
            Instalment: Own(ALL_ROLES, ("created_by_id",)),
            # An agreement by whoever recorded it; an obligation by the colleague who watches it.
            Agreement: Own(ALL_ROLES, ("created_by_id",)),
            Obligation: Own(ALL_ROLES, ("owner_id",)),
        },
    ),
    # The matchmaking day: everyone reads the sessions and the grid; sessions are set up, solved
    # and adjusted by the staff who arrange the talks, as they assign follow-ups (record.edit).
    "schedule.view": ALL_ROLES,
    "schedule.manage": ALL_ROLES,
    "vocabulary.manage": MANAGERS,
    # After the matchmaking day: staff mark its talks held or no-show, with outcomes, and
    # answer the check-ins (the printouts and results need schedule.view).
    "schedule.record": ALL_ROLES,
    # Managers and admins see every figure of the reports; staff see their own needs' figures.
    "report.view_all": MANAGERS,
    # Others see a confidential need only as its owner or as an assignee of one of its follow-ups.
    "need.view_confidential": MANAGERS,
    "user.manage": frozenset({Role.ADMIN}),
    # Webhooks send records to other systems: managers choose which systems and which events.
    "webhook.manage": MANAGERS,
    # Investment projects are recorded and kept by staff (record.edit); the district's annual
    # targets and the leadership report against them are the managers'.
    "target.manage": MANAGERS,
    "leadership.view": MANAGERS,
}


def init_app(app: Flask) -> None:
    """Install the login guard and expose can() to templates."""
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "warning"
    login_manager.session_protection = "strong"
    sessions.init_app(app)
    app.request_class = CleanRequest  # no NUL characters reach forms, queries or the database
    app.before_request(_require_login)
    app.before_request(sessions.required_setup)
    app.jinja_env.globals["can"] = can


@login_manager.user_loader
def load_user(session_user_id: str) -> User | None:
    """Reload the session's user; a deactivated user or an ended session is refused at once."""
    user_id, _sep, epoch = session_user_id.partition(":")
    if not (user_id.isdigit() and epoch.isdigit()) or len(user_id) > 12 or len(epoch) > 12:
        return None
    # The confidentiality rule must not ask for current_user inside its own lookup: that would
    # run this loader twice and load the user twice on every request.
    token = _resolving_user.set(True)
    try:
        user = db.session.get(User, int(user_id))
    finally:
        _resolving_user.reset(token)
    if user is None or not user.active or user.session_epoch != int(epoch):
        return None
    return user


def _require_login():
    """Secure by default: a new route needs login unless it is listed as public."""
    if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
        return None
    if is_api_request():
        return _require_token()
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def _require_token():
    """The JSON API: the user of the request's bearer token, with its role and every rule of
    this module; a read token may not write. The session cookie is never read here, so no
    other site can make a browser call the API (and the API needs no CSRF token)."""
    if request.method == "OPTIONS":
        return None  # a CORS preflight carries no credentials; it reads and writes nothing
    token = _bearer_token()
    if token is None:
        if request.endpoint in API_DOC_ENDPOINTS and current_user.is_authenticated:
            return None
        log_security_event("api token refused", path=request.path)
        abort(401)
    # Flask-Login's user of this request: current_user, the confidential rule and the audit
    # trail all see the token's user.
    g._login_user = token.user
    g.api_token, g.api_token_name = token, token.name  # the name read once, not in a flush
    note_use(token)
    if request.method not in SAFE_METHODS and not token.may_write:
        _denied("token.write")
    return None


def _bearer_token() -> ApiToken | None:
    """The live token named by the Authorization header, if any."""
    scheme, _sep, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return None
    resolving = _resolving_user.set(True)  # the rule must not load the session's user here
    try:
        return find_token(secret.strip())
    finally:
        _resolving_user.reset(resolving)


def current_token() -> ApiToken | None:
    """The API token the request came with (None for the web pages, the CLI and jobs)."""
    return g.get("api_token") if has_request_context() else None


def current_token_name() -> str | None:
    """The name of the request's API token, for the audit trail (None without a token)."""
    return g.get("api_token_name") if has_request_context() else None


def can(action: str, record=None, user=None) -> bool:
    """True when user (default: the current user) may perform action, on record when given:
    by role on any record, or by a record rule on a record of their own."""
    if isinstance(record, User) and user is None:
        record, user = None, record  # the former can(action, user)
    user = current_user if user is None else user
    if not getattr(user, "is_authenticated", False):
        return False
    allowed = PERMISSIONS[action]
    if user.role in allowed:
        return True
    rule = getattr(allowed, "own", {}).get(type(record)) if record is not None else None
    return rule is not None and rule.allows(user, record)


def authorize(action: str, record) -> None:
    """403 unless the current user may perform action on record (see can)."""
    if not can(action, record):
        _denied(action)


_log = logging.getLogger("tracker.security")


def log_security_event(event: str, level: int = logging.WARNING, **fields: str) -> None:
    """Log a security event with the address; user-supplied text loses its line breaks, so it
    cannot forge log lines."""
    fields.setdefault("address", request.remote_addr or "-" if has_request_context() else "-")
    details = " ".join(f"{k}={_one_line(str(v))!r}" for k, v in fields.items())
    _log.log(level, "%s %s", event, details)


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")[:300]


def safe_local_path(target: str | None) -> str | None:
    """target when it is a path on this site (for `next` redirects), else None."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    # A line break cannot go into the Location header (a 500), and browsers drop tabs and line
    # breaks from a URL, so what is read here is not what they would follow: refuse them all.
    if any(char < " " or "\x7f" <= char <= "\x9f" for char in target):
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def require(action: str) -> Callable:
    """Decorator: 403 unless the current user may perform action."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not can(action):
                _denied(action)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _denied(action: str):
    """Log the refusal and answer 403."""
    log_security_event(
        "permission denied", action=action, path=request.path,
        user=getattr(current_user, "email", "-"),
    )  # fmt: skip
    abort(403)


# Confidential needs -------------------------------------------------------------------------
# One rule, applied to every ORM SELECT of a request (SQLAlchemy's documented pattern for global
# criteria: a do_orm_execute listener adding with_loader_criteria), so that no list, count,
# search, export or page can forget it: a confidential need, and the follow-ups, matches and
# talks that belong to it, exist only for its owner, the assignees of its follow-ups, and users
# with "need.view_confidential". CLI commands and background jobs (no request) see everything.

SEE_ALL_NEEDS = "see_all_needs"  # execution option: an internal check that must see every need
_viewer: ContextVar[User | None] = ContextVar("confidential_viewer", default=None)
_resolving_user: ContextVar[bool] = ContextVar("confidential_resolving_user", default=False)
# Aliases of their own, so that the rule's subquery never correlates with the outer statement.
_rule_need = Need.__table__.alias("rule_need")
_rule_followup = FollowUp.__table__.alias("rule_followup")


def hidden_need_ids(user_id: int | None) -> Select:
    """SQL: ids of the confidential needs user_id may not see (all of them for nobody)."""
    stmt = select(_rule_need.c.id).where(_rule_need.c.confidential.is_(True))
    if user_id is None:
        return stmt
    # Correlated to the few confidential needs (an index lookup each): "id NOT IN (the user's
    # follow-ups' needs)" made PostgreSQL cost the whole list of the user's follow-ups into
    # every index probe, and it chose to scan the follow-ups table instead.
    assigned = select(_rule_followup.c.id).where(
        _rule_followup.c.need_id == _rule_need.c.id, _rule_followup.c.assignee_id == user_id
    )
    return stmt.where(
        or_(_rule_need.c.owner_id.is_(None), _rule_need.c.owner_id != user_id),
        ~assigned.exists(),
    )


def need_visible(user_id: int | None, need_id=Need.id) -> ColumnElement[bool]:
    """SQL: the need need_id (a column) is visible to user_id: not confidential, or the user
    owns it, or one of its follow-ups is assigned to the user."""
    return need_id.not_in(hidden_need_ids(user_id))


_rule_project = Project.__table__.alias("rule_project")


def hidden_project_ids(user_id: int | None) -> Select:
    """SQL: ids of the confidential projects user_id may not see (all of them for nobody)."""
    hidden = select(_rule_project.c.id).where(_rule_project.c.confidential.is_(True))
    if user_id is None:
        return hidden
    return hidden.where(
        or_(_rule_project.c.owner_id.is_(None), _rule_project.c.owner_id != user_id)
    )


def project_visible(user_id: int | None, project_id=Project.id) -> ColumnElement[bool]:
    """SQL: the project project_id (a column) is visible to user_id: not confidential, or the
    user is its owner. (A project made from a confidential need starts confidential, with the
    need's owner as its own: tracker.projects.services.)"""
    return project_id.not_in(hidden_project_ids(user_id))


def _project_rule(model: type, user_id: int | None):
    """The rule for a project or a record of one, as a function of the entity: a report that
    joins the same table twice under aliases (a project's milestones) gets it on each alias."""
    hidden = hidden_project_ids(user_id)
    if model is Project:
        return with_loader_criteria(model, lambda cls: cls.id.not_in(hidden), include_aliases=True)
    return with_loader_criteria(
        model, lambda cls: cls.project_id.not_in(hidden), include_aliases=True
    )


@lru_cache(maxsize=1024)
def confidential_criteria(user_id: int | None) -> tuple:
    """Loader criteria hiding the needs user_id may not see, and what belongs to them.

    Built once per user and reused: the options are immutable, and building six subqueries for
    every statement of every request cost a staff member's pages a few milliseconds each.
    """
    return (
        with_loader_criteria(Need, need_visible(user_id), include_aliases=True),
        with_loader_criteria(
            FollowUp,
            or_(FollowUp.need_id.is_(None), need_visible(user_id, FollowUp.need_id)),
            include_aliases=True,
        ),
        with_loader_criteria(Match, need_visible(user_id, Match.need_id), include_aliases=True),
        with_loader_criteria(Talk, need_visible(user_id, Talk.need_id), include_aliases=True),
        # A need's history and notes, for figures counted from them alone.
        with_loader_criteria(
            StageChange, need_visible(user_id, StageChange.need_id), include_aliases=True
        ),
        with_loader_criteria(
            NeedNote, need_visible(user_id, NeedNote.need_id), include_aliases=True
        ),
        # A confidential project, and its agreements, obligations and capital, likewise.
        *(
            _project_rule(model, user_id)
            for model in (Project, Agreement, Obligation, Instalment, ProjectMilestone)
        ),
    )


@contextmanager
def view_as(user: User):
    """Apply the rule for user within the block (the calendar feed has no logged-in user)."""
    token = _viewer.set(user)
    try:
        yield
    finally:
        _viewer.reset(token)


def _rule_user():
    """Whom the rule is for: the view_as user, else the request's user; None means no rule."""
    if (user := _viewer.get()) is not None:
        return user
    if not has_request_context() or _resolving_user.get():
        return None  # no request (CLI, jobs), or this query is the login's own user lookup
    # Flask-Login keeps the loaded user in g; asking current_user before that would run the
    # user loader, whose query comes back here.
    if (user := g.get("_login_user")) is not None:
        return user
    token = _resolving_user.set(True)
    try:
        return current_user._get_current_object()
    finally:
        _resolving_user.reset(token)


@event.listens_for(Session, "do_orm_execute")
def _hide_confidential_needs(state: ORMExecuteState) -> None:
    """Add the rule to every top-level ORM SELECT of a request; relationship loads inherit it."""
    if not state.is_select or state.is_column_load or state.is_relationship_load:
        return
    if state.execution_options.get(SEE_ALL_NEEDS, False):
        return
    user = _rule_user()
    if user is None:
        return
    authenticated = getattr(user, "is_authenticated", False)
    if authenticated and can("need.view_confidential", user=user):
        return
    criteria = confidential_criteria(user.id if authenticated else None)
    state.statement = state.statement.options(*criteria)


def get_visible_or_404(model: type[T], record_id: int) -> T:
    """The record with this id, or 404 when it is absent, soft-deleted or (a need, follow-up,
    match or talk) hidden from the current user.

    Always a SELECT: db.get_or_404 returns an object already in the session without asking the
    database, and so without the global criteria (tracker.softdelete and the rule above). An id
    no row can have (a JSON body may send any integer) is absent too, not an overflow.
    """
    if isinstance(record_id, bool) or not isinstance(record_id, int) or not 0 < record_id <= ID_MAX:
        abort(404)
    return db.first_or_404(select(model).where(model.id == record_id))


def is_visible(model: type, record_id: int) -> bool:
    """Whether the current user may see the need, follow-up, match or talk with this id."""
    return db.session.scalar(select(model.id).where(model.id == record_id)) is not None


def get_need_or_404(need_id: int) -> Need:
    """The need, or 404 when it is absent or hidden from the current user."""
    return get_visible_or_404(Need, need_id)


# Audited tables whose rows belong to a need, and so share its confidentiality.
NEED_RECORDS = {
    "need": Need, "followup": FollowUp, "match": Match, "talk": Talk, "project": Project,
    "agreement": Agreement, "obligation": Obligation, "instalment": Instalment,
    "project_milestone": ProjectMilestone,
}  # fmt: skip


def may_read_history(entity: str, entity_id: int) -> bool:
    """Whether the current user may read a record's change history: a need's, follow-up's,
    match's or talk's only while the record is visible to them; once it is gone, only with
    need.view_confidential (it may have been confidential)."""
    if entity == "webhook":  # where the records go is the managers' business
        return can("webhook.manage")
    model = NEED_RECORDS.get(entity)
    if model is None:
        return True
    by_id = select(model.id).where(model.id == entity_id)
    if db.session.scalar(by_id) is not None:
        return True
    still_there = db.session.scalar(by_id.execution_options(**{SEE_ALL_NEEDS: True}))
    return still_there is None and can("need.view_confidential")
