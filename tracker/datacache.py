"""Figures kept until the data behind them changes: the pipeline report, the board's totals,
the needs filters' choices, the dashboard's counts, the delegation and organisation lists' filter
options, each user's follow-up badge.

An unfiltered report at a commission's scale aggregates every need, follow-up and stage change
(about a second on SQLite at 100k needs), and people open it far more often than the data
changes. Each kind of figures (a scope) names the models it reads. A transaction that writes
one of them raises the scope's counter in the data_version table within that same transaction,
so the counter never runs ahead of or behind the rows it stands for, whichever process or
command wrote them. Entries are keyed by the counter: a committed change makes every older entry
unreachable at once. They live in Flask-Caching (one SimpleCache per process unless Redis is
configured) and expire after CACHE_DEFAULT_TIMEOUT anyway, since some figures move with the
clock alone (time in the current stage, talks held by now).
"""

import hashlib
from collections.abc import Callable
from itertools import chain
from typing import TypeVar

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import ORMExecuteState, Session

from tracker.extensions import cache, db
from tracker.models import (
    AnnualTarget,
    DataVersion,
    Delegation,
    DelegationMember,
    ExchangeRate,
    FollowUp,
    Instalment,
    KeyIndustry,
    LostReason,
    Need,
    NeedCategory,
    Obligation,
    Organisation,
    OriginRegion,
    Person,
    Project,
    ProjectMilestone,
    StageChange,
    Talk,
    User,
    delegation_organisation,
    project_need,
)
from tracker.security import can

T = TypeVar("T")

# The pipeline's figures (the report, the board's totals, the needs filters' choices) read needs,
# their history, follow-ups and talks, the names on the report's bars, the exchange rates and
# the vocabularies; the dashboard counts delegations, organisations and people (and the
# delegation list's filter choices and page counts read delegations alone, the organisation
# list's the countries in use and the key industries, the names of origin regions the regions);
# the nav badge on every page counts follow-ups, and for staff reads the needs too (the
# confidentiality rule hides the follow-ups of needs they may not see).
PIPELINE = (Need, FollowUp, StageChange, Talk, ExchangeRate, Delegation, User, KeyIndustry,
            NeedCategory, LostReason, OriginRegion)  # fmt: skip
# The leadership report reads the projects with their milestones, capital and obligations, the
# year's targets, and for its funnel the delegations with their members and organisations, the
# needs and their talks; the names of industries and officers. Link tables are named as tables:
# the ORM writes them with their parent marked changed (a project's needs, a delegation's
# organisations), and a plain statement on them counts as a change to every scope.
LEADERSHIP = (Project, ProjectMilestone, Instalment, Obligation, AnnualTarget, Need, Talk,
              Delegation, DelegationMember, Organisation, User, KeyIndustry, project_need,
              delegation_organisation)  # fmt: skip
SCOPES: dict[str, tuple] = {
    "pipeline": PIPELINE,
    "dashboard": (Delegation, Organisation, Person, KeyIndustry, OriginRegion),
    "followups": (FollowUp, Need),
    "leadership": LEADERSHIP,
}
_CHANGED = "datacache_changed"  # Session.info: the scopes this transaction wrote
# Execution options of a bulk statement that writes no column any figure reads (a follow-up
# marked as seen by its assignee).
_NO_FIGURE_CHANGES = "datacache_no_figure_changes"
NO_FIGURE_CHANGES = {_NO_FIGURE_CHANGES: True}


_COUNTERS = select(DataVersion.scope, DataVersion.counter)
_READ = "datacache_read"  # Session.info: the counters as this transaction read them


def data_version(scope: str) -> int:
    """How often the data behind scope has changed (0 before the first change)."""
    # Every page asks for its nav badge, and list pages for their filter choices: the counters
    # are read once per transaction (forgotten when it ends), on the session's connection but
    # as a Core statement, since the ORM's execution and its global criteria, which have
    # nothing to hide in this table, cost ten times the lookup itself.
    session = db.session()
    read = session.info.get(_READ)
    if read is None:
        read = session.info[_READ] = dict(session.connection().execute(_COUNTERS).all())
    return read.get(scope, 0)


def versions() -> dict[str, int]:
    """Every scope's counter."""
    return dict(db.session.execute(select(DataVersion.scope, DataVersion.counter)).all())


def move_past(earlier: dict[str, int]) -> None:
    """Set every counter past its current value and earlier's: a restored backup brings back
    older counters, whose numbers the figures cached since then are still filed under."""
    current = versions()
    for scope in SCOPES:
        counter = max(current.get(scope, 0), earlier.get(scope, 0)) + 1
        db.session.merge(DataVersion(scope=scope, counter=counter))
    db.session.flush()


def cached(scope: str, parts: tuple, compute: Callable[[], T]) -> T:
    """compute()'s result for these key parts at scope's current version, computed once."""
    if _changing(scope):
        # This transaction's own changes are not in the counter until it commits: figures
        # computed now would be filed under the version they are not of (and stay there if it
        # rolls back).
        return compute()
    digest = hashlib.sha256(repr((data_version(scope), parts)).encode()).hexdigest()
    key = f"{scope}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value


def _changing(scope: str) -> bool:
    """True when the session holds changes not yet committed that may touch scope's data."""
    session = db.session()
    if session.new or session.deleted or session.dirty:
        return True
    return scope in session.info.get(_CHANGED, ())


def viewer(user) -> str | int:
    """Whose view of the confidential needs figures are computed for: everyone who may see all
    of them shares one entry, anyone else has their own (tracker.security's rule)."""
    return "all" if can("need.view_confidential", user) else user.id


def scopes_of(record) -> set[str]:
    """The scopes whose figures a change to record can move. Of a user the figures show the
    name and whether they are active (the owners offered by the needs filters): logging in and
    out writes the row too, and must not drop everyone's figures."""
    state = inspect(record)
    shown = (
        state.attrs.display_name.history.has_changes() or state.attrs.active.history.has_changes()
        if isinstance(record, User)
        else True
    )
    if state.persistent and not shown:
        return set()
    return {scope for scope, models in SCOPES.items() if isinstance(record, _classes(models))}


def _classes(models: tuple) -> tuple[type, ...]:
    """The models of a scope, without its link tables."""
    return tuple(model for model in models if isinstance(model, type))


def _scopes_of_class(cls: type) -> set[str]:
    return {scope for scope, models in SCOPES.items() if issubclass(cls, _classes(models))}


def _note(session: Session, scopes: set[str]) -> None:
    if scopes:
        session.info.setdefault(_CHANGED, set()).update(scopes)


def changed(*scopes: str) -> None:
    """Note that this transaction changed the data behind scopes, where the hooks below cannot
    tell: a bulk statement run with NO_FIGURE_CHANGES that still moves some of them."""
    _note(db.session(), set(scopes))


@event.listens_for(Session, "after_flush")
def _note_flushed_changes(session: Session, _context) -> None:
    """Note the scopes a flush wrote (the new, dirty and deleted lists still hold them here)."""
    for record in chain(session.new, session.dirty, session.deleted):
        _note(session, scopes_of(record))


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state: ORMExecuteState) -> None:
    """Bulk INSERT/UPDATE/DELETE statements too; a plain table statement names no mapper, so it
    counts as a change to every scope."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    if state.execution_options.get(_NO_FIGURE_CHANGES, False):
        return
    classes = [m.class_ for m in state.all_mappers]
    if classes == [DataVersion]:
        return
    scopes = set().union(*map(_scopes_of_class, classes)) if classes else set(SCOPES)
    _note(state.session, scopes)


@event.listens_for(Session, "before_commit")
def _raise_counters(session: Session) -> None:
    """Raise the written scopes' counters as the transaction's last statements: flushed first,
    so every row lock is taken before the counter's (no lock order for two writers to cross)."""
    session.flush()
    for scope in sorted(session.info.pop(_CHANGED, ())):
        raised = session.execute(
            update(DataVersion)
            .where(DataVersion.scope == scope)
            .values(counter=DataVersion.counter + 1)
            .execution_options(synchronize_session=False)
        )
        if raised.rowcount == 0:  # a database made without the migrations that add the rows
            session.add(DataVersion(scope=scope, counter=1))
            session.flush()


@event.listens_for(Session, "after_transaction_end")
def _forget_rolled_back_changes(session: Session, transaction) -> None:
    """A rolled-back transaction changed nothing; a savepoint's end keeps what came before it.
    The next transaction reads the counters afresh."""
    if transaction.parent is None:
        session.info.pop(_CHANGED, None)
        session.info.pop(_READ, None)
