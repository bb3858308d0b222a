"""Choices of the forms and list filters (vocabularies, users, meetings), shared by features."""

from sqlalchemy import Date, cast, literal_column, null, or_, select, union_all

from tracker.extensions import db
from tracker.models import (
    Delegation,
    KeyIndustry,
    LostReason,
    Meeting,
    NeedCategory,
    User,
)

NONE = [("", "—")]
# Records a picker lists beside the chosen one, for browsers without JavaScript.
FALLBACK = 30


def meetings(delegation_id: int | None) -> list[tuple[str | int, str]]:
    """Meetings of one delegation (a meeting only makes sense with its visit)."""
    if delegation_id is None:
        return NONE
    rows = db.session.execute(
        select(Meeting.id, Meeting.title)
        .where(Meeting.delegation_id == delegation_id)
        .order_by(Meeting.starts_at)
    )
    return NONE + [(i, title) for i, title in rows]


def vocabulary(model, include_id: int | None = None) -> list[tuple[str | int, str]]:
    """Active terms, plus the one a record already uses even if it was retired since."""
    stmt = select(model).where(model.active.is_(True) | (model.id == include_id))
    return NONE + [
        (t.id, t.label) for t in db.session.scalars(stmt.order_by(model.position, model.name))
    ]


def categories(include_id: int | None = None):
    return vocabulary(NeedCategory, include_id)


def industries(include_id: int | None = None):
    return vocabulary(KeyIndustry, include_id)


def lost_reasons():
    """Every stage form offers them (each need's page)."""
    return vocabulary(LostReason)


def active_users(include_id: int | None = None) -> list[tuple[str | int, str]]:
    stmt = select(User.id, User.display_name).where(User.active.is_(True) | (User.id == include_id))
    return NONE + [(i, name) for i, name in db.session.execute(stmt.order_by(User.display_name))]


def filter_options(
    delegation_id: int | str | None = None,
) -> dict[str, list[tuple[str | int, str]]]:
    """Categories, industries, owners and delegations of the list filters, in one query (the
    list pages keep to a handful of queries).

    Delegations are too many to list: the filter is a picker (tracker.lookup) that holds the
    chosen one and the latest visits.
    """

    def terms(kind: str, model):
        label = model.label_column()
        return select(
            literal_column(f"'{kind}'").label("kind"), model.id, label.label("label"),
            model.position.label("position"), cast(null(), Date).label("day"),
            model.name.label("name"),
        ).where(model.active.is_(True))  # fmt: skip

    zero = literal_column("0")
    owners = select(
        literal_column("'owners'"), User.id, User.display_name, zero, cast(null(), Date),
        User.display_name,
    ).where(User.active.is_(True))  # fmt: skip
    latest = select(Delegation.id).order_by(Delegation.start_date.desc(), Delegation.id.desc())
    shown = Delegation.id.in_(latest.limit(FALLBACK).scalar_subquery())
    if isinstance(delegation_id, int):
        shown = or_(shown, Delegation.id == delegation_id)
    visits = select(
        literal_column("'delegations'"),
        Delegation.id,
        Delegation.title,
        zero,
        Delegation.start_date,
        Delegation.title,
    ).where(shown)
    stmt = union_all(
        terms("categories", NeedCategory), terms("industries", KeyIndustry), owners, visits
    ).order_by("kind", "position", literal_column("day").desc(), "name")
    options: dict[str, list] = {k: list(NONE) for k in ("categories", "industries", "owners")}
    options["delegations"] = []  # the picker brings its own empty choice
    for kind, i, label, _position, day, _name in db.session.execute(stmt):
        options[kind].append((i, f"{label} ({day:%Y-%m-%d})" if kind == "delegations" else label))
    return options
