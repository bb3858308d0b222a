"""The session pages' plumbing: the session and request looked up for a page, the set-up
page's small forms (prefixed, so one POST binds only its own), and each form's values handed
to the services as plain values."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from flask import abort, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import Person, RequestPriority, TalkRequest
from tracker.models.scheduling import MatchmakingSession
from tracker.scheduling import grid, services
from tracker.scheduling.forms import (
    BlockForm,
    InterpreterForm,
    PriorityForm,
    RequestForm,
    SessionForm,
    TableForm,
)
from tracker.scheduling.layout import load_session
from tracker.talks.services import to_utc


def session_or_404(session_id: int) -> MatchmakingSession:
    """The session with what its pages read; 404 when absent or deleted."""
    return load_session(session_id) or abort(404)


def request_or_404(session: MatchmakingSession, request_id: int) -> TalkRequest:
    found = (r for r in session.requests if r.id == request_id and r.deleted_at is None)
    return next(found, None) or abort(404)


def me():
    """The logged-in user itself (not Flask-Login's proxy), to store as the author."""
    return current_user._get_current_object()


def session_data(form: SessionForm) -> services.SessionData:
    days = [(r.day.data, r.starts.data, r.ends.data) for r in (e.form for e in form.days)
            if r.day.data]  # fmt: skip
    breaks = [(r.starts.data, r.ends.data) for r in (e.form for e in form.breaks)
              if r.starts.data]  # fmt: skip
    return services.SessionData(
        form.title.data, form.slot_minutes.data, form.max_talks_per_day.data, days, breaks,
        form.timezone.data,
    )  # fmt: skip


def _add_table(session, form: TableForm, _by) -> None:
    services.add_table(session, form.name.data, form.capacity.data, form.host_id.data)


def _add_interpreter(session, form: InterpreterForm, _by) -> None:
    name = "" if form.user_id.data else form.name.data
    services.add_interpreter(session, form.user_id.data, name, form.pairs.data.strip())


def _add_block(session, form: BlockForm, _by) -> None:
    kind, _sep, key = form.who.data.partition(":")
    day = date.fromisoformat(form.day.data)
    starts, ends = (to_utc(day, t, session.timezone) for t in (form.starts.data, form.ends.data))
    services.add_block(session, starts, ends, form.reason.data or "", **{f"{kind}_id": int(key)})


def people(ids: list[int]) -> list[Person]:
    return list(db.session.scalars(select(Person).where(Person.id.in_(ids)))) if ids else []


def _add_request(session, form: RequestForm, by) -> None:
    services.add_request(
        session, form.title.data, RequestPriority(form.priority.data),
        people(form.visitor_ids.data), people(form.partner_ids.data), by,
    )  # fmt: skip


@dataclass(frozen=True)
class Kind:
    """One kind of thing the set-up page adds: its form and how it is added."""

    form: type
    add: Callable
    added: str


KINDS = {
    "tables": Kind(TableForm, _add_table, _l("Table added.")),
    "interpreters": Kind(InterpreterForm, _add_interpreter, _l("Interpreter added.")),
    "blocks": Kind(BlockForm, _add_block, _l("Blocked.")),
    "requests": Kind(RequestForm, _add_request, _l("Request added.")),
}
# What the set-up page removes, by kind: the session's list of them.
REMOVABLE = {
    "tables": lambda s: s.tables,
    "interpreters": lambda s: s.interpreters,
    "blocks": lambda s: s.blocks,
}


def _choose_blocks(session: MatchmakingSession, form: BlockForm) -> None:
    form.who.choices = grid.blockable(session)
    form.day.choices = grid.day_choices(session)


def _choose_staff(field):
    field.choices = grid.staff_choices()


# The dynamic choices of each kind's form, set on the posted form and the empty ones alike.
CHOICES = {
    "tables": lambda session, form: _choose_staff(form.host_id),
    "interpreters": lambda session, form: _choose_staff(form.user_id),
    "blocks": _choose_blocks,
    "requests": lambda session, form: setattr(
        form.visitor_ids, "choices", grid.delegation_people(session.delegation_id)
    ),
}


def _forms(session: MatchmakingSession, posted: str | None = None, form=None) -> dict:
    forms = {kind: (form if kind == posted else k.form(formdata=None, prefix=kind))
             for kind, k in KINDS.items()}  # fmt: skip
    for kind, choose in CHOICES.items():
        choose(session, forms[kind])
    if posted != "blocks":  # a block's default: the morning
        forms["blocks"].starts.data, forms["blocks"].ends.data = grid.morning(session)
    return forms


def bound_form(session: MatchmakingSession, kind: str):
    """The posted form of kind, with its choices, ready to validate."""
    form = KINDS[kind].form(prefix=kind)
    CHOICES[kind](session, form)
    return form


def setup_page(session: MatchmakingSession, posted: str | None = None, form=None) -> str:
    """The session page: its set-up lists, each with its small form (posted one kept)."""
    return render_template(
        "scheduling/detail.html", session=session, forms=_forms(session, posted, form),
        requests=[r for r in session.requests if r.deleted_at is None],
        priority=PriorityForm(formdata=None), button=EmptyForm(formdata=None),
        summary=grid.solve_summary(session),
    )  # fmt: skip
