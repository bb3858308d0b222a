"""Cooperation needs: writing them, listing and filtering them, and their panel on other pages."""

from dataclasses import dataclass, field, fields
from datetime import date

from sqlalchemy import Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import joinedload

from tracker.dates import within_days
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import (
    ACTIVE_STAGES,
    Delegation,
    Need,
    NeedNote,
    Organisation,
    Priority,
    Stage,
    StageChange,
    User,
    need_flags,
    utcnow,
)
from tracker.models.organisation import NAME_COLUMNS as ORGANISATION_NAMES
from tracker.statements import built_once
from tracker.text import search_needle

EDITABLE_FIELDS = (
    "organisation_id", "delegation_id", "meeting_id", "title", "description", "category_id",
    "key_industry_id", "priority", "estimated_investment", "currency", "expected_jobs",
    "owner_id", "next_step", "next_step_date", "area_m2_asked", "headcount_asked", "confidential",
)  # fmt: skip

# Sort keys users may ask for; stage and priority sort in their natural order, not by spelling.
SORTS = {
    "created": Need.created_at,
    "title": Need.title,
    "stage": case({s.value: i for i, s in enumerate(Stage)}, value=Need.stage),
    "next_step": Need.next_step_date,
    "priority": case({p.value: i for i, p in enumerate(Priority)}, value=Need.priority),
}
DEFAULT_SORT = "-created"


def create_need(data: dict, by: User) -> Need:
    """Create a need in stage new, its creation recorded as the first stage change."""
    need = Need(**{k: data.get(k) for k in EDITABLE_FIELDS}, created_by=by, stage=Stage.NEW)
    need.confidential = bool(data.get("confidential"))  # callers without the checkbox: open
    db.session.add(need)
    db.session.add(StageChange(need=need, from_stage=None, to_stage=Stage.NEW, changed_by=by))
    db.session.flush()
    return need


def update_need(need: Need, data: dict) -> Need:
    """Apply an edit (the caller checks the form's version: tracker.versioning.saving)."""
    for key in EDITABLE_FIELDS:
        setattr(need, key, data.get(key))
    need.confidential = bool(data.get("confidential"))
    db.session.flush()  # UPDATE ... WHERE version = ?; StaleDataError if someone won the race
    return need


def add_note(need: Need, body: str, by: User) -> NeedNote:
    """Add a note or comment to the need's timeline."""
    note = NeedNote(need=need, body=body.strip(), author=by, created_at=utcnow())
    db.session.add(note)
    db.session.flush()
    return note


def get_note(need: Need, note_id: int) -> NeedNote | None:
    """The note note_id of need, or None (a note of another need is not found here)."""
    stmt = select(NeedNote).where(NeedNote.id == note_id, NeedNote.need_id == need.id)
    return db.session.scalar(stmt)


def delete_note(note: NeedNote) -> None:
    """Remove a note from its need's timeline (notes are not restorable); flushes."""
    db.session.delete(note)
    db.session.flush()


# The value of an id, region or currency filter that asks for the needs without one.
NONE = "none"
CLOSED_STAGES = (Stage.WON, Stage.LOST)
# The order in which needs reach stages: a need that reached won also reached talks, and so on.
REACH_ORDER = (
    Stage.NEW,
    Stage.QUALIFIED,
    Stage.MATCHING,
    Stage.TALKS,
    Stage.NEGOTIATION,
    Stage.WON,
)


def reached_or_later(stage: Stage) -> tuple[Stage, ...]:
    """The stages whose reaching means stage was reached (on hold and lost only themselves)."""
    return REACH_ORDER[REACH_ORDER.index(stage) :] if stage in REACH_ORDER else (stage,)


@dataclass(frozen=True)
class NeedFilters:
    """The needs list's filters; every field comes from an allow-list or is an id.

    Id fields may also be NONE (the needs without one); dates are days in local time.
    """

    q: str = ""
    stage: Stage | None = None
    category_id: int | str | None = None
    key_industry_id: int | str | None = None
    owner_id: int | str | None = None
    delegation_id: int | str | None = None
    organisation_id: int | None = None
    origin: str | None = None  # organisation's country, ISO alpha-2
    overdue: bool = False
    no_open_followup: bool = False
    state: str | None = None  # "open": an active stage; "closed": won or lost (the report's)
    # Set by the reports' drill-down links; the list shows them as removable chips.
    created_from: date | None = None
    created_to: date | None = None
    reached: Stage | None = None  # reached this stage or a later one, within reached_from/to
    reached_from: date | None = None
    reached_to: date | None = None
    ever_reached: Stage | None = None  # reached this stage or a later one, at any time
    entered: Stage | None = None  # the stage history shows a move into exactly this stage
    moved_from: date | None = None  # the current stage was entered within moved_from/to
    moved_to: date | None = None
    lost_reason_id: int | str | None = None
    region_id: int | str | None = None  # the delegation's origin region
    currency: str | None = None  # a Currency value or NONE
    today: date = field(default_factory=date.today)
    # Shown on the lost-reason and region chips; looked up by parse_filters, never filters.
    lost_reason_name: str | None = field(default=None, compare=False, metadata={"arg": False})
    region_name: str | None = field(default=None, compare=False, metadata={"arg": False})

    def to_args(self) -> dict[str, str]:
        """The set filters as query-string arguments (what parse_filters reads back)."""
        args = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "today" or not item.metadata.get("arg", True):
                continue
            if value is None or value == "" or value is False:
                continue
            args[item.name] = "1" if value is True else str(value)
        return args

    def is_set(self) -> bool:
        return bool(self.to_args())


def reached_condition(stage: Stage, start: date | None = None, end: date | None = None):
    """The need reached stage (or a later one) within the days: by its history, or by its
    current stage for needs recorded without one."""
    stages = reached_or_later(stage)
    history = (
        select(StageChange.id)
        .where(
            StageChange.need_id == Need.id,
            StageChange.to_stage.in_(stages),
            *within_days(StageChange.changed_at, start, end),
        )
        .exists()
    )
    return or_(
        history, and_(Need.stage.in_(stages), *within_days(Need.stage_changed_at, start, end))
    )


def _region_condition(region_id: int | str):
    if region_id == NONE:
        unknown = select(Delegation.id).where(Delegation.origin_region_id.is_(None))
        return or_(Need.delegation_id.is_(None), Need.delegation_id.in_(unknown))
    from_region = select(Delegation.id).where(Delegation.origin_region_id == region_id)
    return Need.delegation_id.in_(from_region)


def filtered(stmt: Select, f: NeedFilters) -> Select:
    """Apply the filters to a select over Need."""
    if needle := search_needle(f.q):
        stmt = stmt.where(Need.search_key.contains(needle, autoescape=True))
    for column, value in (
        (Need.stage, f.stage),
        (Need.category_id, f.category_id),
        (Need.key_industry_id, f.key_industry_id),
        (Need.owner_id, f.owner_id),
        (Need.delegation_id, f.delegation_id),
        (Need.organisation_id, f.organisation_id),
        (Need.lost_reason_id, f.lost_reason_id),
        (Need.currency, f.currency),
    ):
        if value == NONE:
            stmt = stmt.where(column.is_(None))
        elif value is not None:
            stmt = stmt.where(column == value)
    if f.origin:
        stmt = stmt.where(
            Need.organisation_id.in_(
                select(Organisation.id).where(Organisation.country == f.origin)
            )
        )
    stmt = stmt.where(*within_days(Need.created_at, f.created_from, f.created_to))
    stmt = stmt.where(*within_days(Need.stage_changed_at, f.moved_from, f.moved_to))
    if f.reached is not None:
        stmt = stmt.where(reached_condition(f.reached, f.reached_from, f.reached_to))
    if f.ever_reached is not None:
        stmt = stmt.where(reached_condition(f.ever_reached))
    if f.entered is not None:
        stmt = stmt.where(
            select(StageChange.id)
            .where(StageChange.need_id == Need.id, StageChange.to_stage == f.entered)
            .exists()
        )
    if f.region_id is not None:
        stmt = stmt.where(_region_condition(f.region_id))
    active = Need.stage.in_(ACTIVE_STAGES)
    if f.state:
        stmt = stmt.where(active if f.state == "open" else Need.stage.in_(CLOSED_STAGES))
    if f.no_open_followup:
        stmt = stmt.where(active, Need.next_followup_due.is_(None))
    if f.overdue:
        stmt = stmt.where(
            active,
            or_(Need.next_followup_due < f.today, Need.next_step_date < f.today),
        )
    return stmt


def _with_cards(stmt: Select) -> Select:
    """Eager-load what a row shows of the records around a need, in the same query: the
    organisation's and the owner's names (their whole records cost a page of 25 rows some
    40 columns each, the owner's password hash among them) and the category."""
    return stmt.options(
        joinedload(Need.organisation).load_only(*ORGANISATION_NAMES),
        joinedload(Need.owner).load_only(User.display_name),
        joinedload(Need.category),
    )


def list_needs(f: NeedFilters, sort: str = DEFAULT_SORT) -> Select:
    """The needs list: filtered, sorted by an allow-listed key, ready to paginate."""
    if sort.lstrip("-") not in SORTS:
        sort = DEFAULT_SORT
    column = SORTS[sort.lstrip("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    return _with_cards(filtered(select(Need), f).order_by(order, Need.id.desc()))


# A delegation's or organisation's page shows this many of its needs and of its open
# follow-ups; the totals link to the lists that have them all.
PANEL_ROWS = 10


def needs_panel(*, organisation_id: int | None = None, delegation_id: int | None = None) -> dict:
    """What an organisation's or a delegation's page shows of its needs (the latest first),
    with their total; the page adds the follow-ups panel beside it."""
    today = local_today()
    of = "organisation" if organisation_id is not None else "delegation"
    record_id = organisation_id if organisation_id is not None else delegation_id
    latest, total = _panel_statements(of, PANEL_ROWS)
    params = {"record_id": record_id}
    needs = list(db.session.scalars(latest, params))
    return {
        "needs": needs,
        "needs_total": db.session.scalar(total, params),
        "flags": {n.id: need_flags(n, today) for n in needs},
        "today": today,
    }


@built_once
def _panel_statements(of: str, limit: int) -> tuple[Select, Select]:
    """An organisation's or a delegation's latest needs, as the list sorts them, and how many
    it has; the record's id is a parameter."""
    column = Need.organisation_id if of == "organisation" else Need.delegation_id
    theirs = column == bindparam("record_id")
    latest = list_needs(NeedFilters()).where(theirs).limit(limit)
    return latest, select(func.count(Need.id)).where(theirs)
