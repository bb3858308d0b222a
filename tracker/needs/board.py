"""The pipeline board: each stage's latest cards, and how many needs each stage holds."""

from sqlalchemy import Select, func, select, union_all

from tracker.extensions import db
from tracker.models import Need, Organisation, Stage, User
from tracker.needs.services import NeedFilters, filtered
from tracker.statements import built_once

# Cards per column; each column's total links to the full list of its stage. The board is for
# working the active pipeline: won, lost and on-hold needs show only their latest few.
BOARD_CARDS = 10
BOARD_CARDS_INACTIVE = 5


# What a board card shows, read as plain rows: the board draws up to 60 cards, and loading
# them as records with their organisation and owner cost three times as much.
CARD_COLUMNS = (
    Need.id,
    Need.title,
    Need.stage,
    Need.next_step_date,
    Need.next_followup_due,
    Need.confidential,
    Organisation.name.label("organisation_name"),
    User.display_name.label("owner_name"),
)


def board_cards(
    f: NeedFilters, per_column: int = BOARD_CARDS, per_inactive_column: int = BOARD_CARDS_INACTIVE
) -> dict[Stage, list]:
    """Cards per stage (rows of CARD_COLUMNS): at most per_column (per_inactive_column for
    stages that are not active), most recently moved first."""
    columns: dict[Stage, list] = {stage: [] for stage in Stage}
    for card in db.session.execute(_cards_statement(f, per_column, per_inactive_column)):
        columns[card.stage].append(card)
    return columns


@built_once
def _cards_statement(f: NeedFilters, per_column: int, per_inactive_column: int) -> Select:
    # Each column's first cards from the index on (deleted_at, stage, stage_changed_at); ranking
    # every need of a stage first (a window function) read the whole table.
    newest = (Need.stage_changed_at.desc(), Need.id.desc())
    columns_ids = [
        filtered(select(Need.id), f).where(Need.stage == stage).order_by(*newest)
        .limit(per_column if stage.is_active else per_inactive_column).subquery()
        for stage in Stage
    ]  # fmt: skip
    shown = union_all(*(select(ids.c.id) for ids in columns_ids)).subquery()
    return (
        select(*CARD_COLUMNS)
        .join(shown, Need.id == shown.c.id)
        .outerjoin(Need.organisation)
        .outerjoin(Need.owner)
        .order_by(*newest)
    )


def stage_totals(f: NeedFilters) -> dict[Stage, int]:
    """The filtered needs per stage, every stage included (a count of every live need: the
    board keeps it until the needs change, tracker.datacache)."""
    stmt = filtered(select(Need.stage, func.count()), f).group_by(Need.stage)
    totals = dict(db.session.execute(stmt).all())
    return {stage: totals.get(stage, 0) for stage in Stage}
