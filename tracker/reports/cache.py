"""The pipeline report's figures, kept until the data behind them changes.

An unfiltered report at a commission's scale aggregates every need, follow-up and stage change
(about a second on SQLite at 100k needs), and managers open it far more often than the data
changes. Entries are keyed by a data version: a token that every committed change to the
report's tables replaces, so nobody is shown figures older than the last commit. Entries also
expire after CACHE_DEFAULT_TIMEOUT seconds, because a few figures move with the clock alone (time
in the current stage, talks held by now). The token lives in the cache itself: with Redis
(tracker.config) every worker sees a change at once.
"""

import hashlib
import uuid
from collections.abc import Callable
from itertools import chain
from typing import TypeVar

from flask import has_app_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from tracker.extensions import cache
from tracker.models import (
    Delegation,
    ExchangeRate,
    FollowUp,
    KeyIndustry,
    LostReason,
    Need,
    NeedCategory,
    StageChange,
    Talk,
    User,
)

T = TypeVar("T")

# What the report reads: its counts, their history, the names on its bars and the rates.
REPORT_MODELS = (Need, FollowUp, StageChange, Talk, ExchangeRate, Delegation, User, KeyIndustry,
                 NeedCategory, LostReason)  # fmt: skip
# Of a user the report shows the name only; logging in and out writes the row too, and must not
# throw away everyone's figures.
_USER_SHOWN = "display_name"
VERSION_KEY = "report:data-version"
_CHANGED = "report_data_changed"  # Session.info flag: this transaction wrote report data


def data_version() -> str:
    """The current data version token (a new one after a restart or an eviction)."""
    token = cache.get(VERSION_KEY)
    if token is None:
        token = new_data_version()
    return token


def new_data_version() -> str:
    """Replace the token: every entry keyed by the old one is unreachable from now on."""
    token = uuid.uuid4().hex
    cache.set(VERSION_KEY, token, timeout=0)  # 0: never expires (entries expire on their own)
    return token


def cached(parts: tuple, compute: Callable[[], T]) -> T:
    """compute()'s result for these key parts at the current data version, computed once."""
    digest = hashlib.sha256(repr((data_version(), parts)).encode()).hexdigest()
    key = f"report:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value)
    return value


@event.listens_for(Session, "after_flush")
def _note_flushed_changes(session: Session, _context) -> None:
    """Flag the transaction when its flush wrote a row of the report's tables (the new, dirty
    and deleted lists still hold what the flush wrote)."""
    written = chain(session.new, session.deleted, (o for o in session.dirty if _renamed(o)))
    if any(isinstance(o, REPORT_MODELS) for o in written):
        session.info[_CHANGED] = True


def _renamed(record) -> bool:
    """An edited record's change can show in the report: for a user, only a new name."""
    if isinstance(record, User):
        return inspect(record).attrs[_USER_SHOWN].history.has_changes()
    return True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state: ORMExecuteState) -> None:
    """Flag bulk INSERT/UPDATE/DELETE statements too; a plain table statement names no mapper,
    so it counts as a change whatever it touches."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    mappers = state.all_mappers
    if not mappers or any(issubclass(m.class_, REPORT_MODELS) for m in mappers):
        state.session.info[_CHANGED] = True


@event.listens_for(Session, "after_commit")
def _replace_version_after_commit(session: Session) -> None:
    """After the commit, not before: a report computed meanwhile from the old rows is then
    filed under the old token, which nobody asks for again."""
    if session.info.pop(_CHANGED, False) and has_app_context():
        new_data_version()


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back_changes(session: Session) -> None:
    session.info.pop(_CHANGED, None)
