"""The pipeline board: each stage's latest cards, and how many needs each stage holds."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, func, select, union_all

from tracker.extensions import db
from tracker.i18n import reader_language
from tracker.models import Need, Stage, User
from tracker.models.organisation import shown_name_column
from tracker.models.rates import cny_rate
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
    User.display_name.label("owner_name"),
)


def board_cards(
    f: NeedFilters, per_column: int = BOARD_CARDS, per_inactive_column: int = BOARD_CARDS_INACTIVE
) -> dict[Stage, list]:
    """Cards per stage (rows of CARD_COLUMNS): at most per_column (per_inactive_column for
    stages that are not active), most recently moved first."""
    columns: dict[Stage, list] = {stage: [] for stage in Stage}
    for card in db.session.execute(
        _cards_statement(f, per_column, per_inactive_column, reader_language())
    ):
        columns[card.stage].append(card)
    return columns


@built_once
def _cards_statement(
    f: NeedFilters, per_column: int, per_inactive_column: int, language: str
) -> Select:
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
        # The organisation's name in the reader's language (built once per language).
        select(*CARD_COLUMNS, shown_name_column(language))
        .join(shown, Need.id == shown.c.id)
        .outerjoin(Need.organisation)
        .outerjoin(Need.owner)
        .order_by(*newest)
    )


@dataclass(frozen=True)
class ColumnFigures:
    """A column's header: how many needs the stage holds and their estimated investment in CNY
    (None when none of them has an amount that converts); partial when some amounts have no
    exchange rate (or no currency) and so are left out, as the pipeline report leaves them."""

    needs: int = 0
    in_cny: Decimal | None = None
    partial: bool = False


def column_figures(f: NeedFilters) -> dict[Stage, ColumnFigures]:
    """Every stage's count and CNY value for the filtered needs, in one query (converted with
    the exchange-rate table like the pipeline report: tracker.models.rates.cny_rate)."""
    in_cny = Need.estimated_investment * cny_rate(Need.currency)
    stmt = filtered(
        select(
            Need.stage,
            func.count(),
            func.sum(in_cny),
            # Amounts that did not convert: counted as amounts, NULL once converted.
            func.count(Need.estimated_investment) - func.count(in_cny),
        ),
        f,
    ).group_by(Need.stage)
    figures = {
        stage: ColumnFigures(needs, value, unconverted > 0)
        for stage, needs, value, unconverted in db.session.execute(stmt)
    }
    return {stage: figures.get(stage, ColumnFigures()) for stage in Stage}


def stage_totals(f: NeedFilters) -> dict[Stage, int]:
    """The filtered needs per stage, every stage included."""
    return {stage: figures.needs for stage, figures in column_figures(f).items()}
