"""One case per exported list: its endpoint, the filter a test applies, and rows to build.

Each builder makes n rows the filter keeps (the first named in German and Chinese, the second
named like a formula) and one row the filter drops.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from tests import factories
from tracker.models import (
    DelegationStatus,
    FollowUpStatus,
    MatchStatus,
    OrganisationKind,
    Stage,
)

UNICODE = "Jürgen Müller 北京合作"
FORMULA = '=HYPERLINK("http://x")'
DROPPED = "Filtered out"


def _name(i: int, prefix: str) -> str:
    return UNICODE if i == 0 else FORMULA if i == 1 else f"{prefix} {i}"


@dataclass(frozen=True)
class Case:
    """An exported list: endpoint, name column, query filters and the row builder."""

    endpoint: str
    header: str
    build: object  # (n) -> the query args that keep the n rows and drop the extra one


def _delegations(n):
    for i in range(n):
        factories.delegation(title=_name(i, "Visit"), status=DelegationStatus.PLANNED)
    factories.delegation(title=DROPPED, status=DelegationStatus.COMPLETED)
    return {"status": "planned", "sort": "title"}


def _organisations(n):
    for i in range(n):
        factories.organisation(name=_name(i, "Firm"), kind=OrganisationKind.COMPANY)
    factories.local_partner(name=DROPPED)
    return {"side": "visiting"}


def _people(n):
    firm = factories.organisation(name="Firm")
    for i in range(n):
        factories.person(full_name=_name(i, "Person"), organisation=firm, phone="+49 361 1")
    factories.person(full_name=DROPPED)
    return {"organisation": firm.id}


def _needs(n):
    firm = factories.organisation()
    for i in range(n):
        factories.need(firm, title=_name(i, "Need"), estimated_investment=Decimal("1500.50"))
    factories.need(firm, title=DROPPED, stage=Stage.WON)
    return {"stage": "new"}


def _followups(n):
    colleague = factories.user()
    for i in range(n):
        factories.followup(colleague, title=_name(i, "Call"), need=factories.need())
    factories.followup(colleague, title=DROPPED, status=FollowUpStatus.DONE)
    return {"status": "open"}


def _matches(n):
    for i in range(n):
        need = factories.need(title=_name(i, "Need"))
        factories.match(need, factories.local_partner())
    factories.match(factories.need(title=DROPPED), factories.local_partner(),
                    status=MatchStatus.DECLINED)  # fmt: skip
    return {"status": "proposed"}


def _talks(n):
    need = factories.need()
    start = datetime(2026, 5, 12, 1, 0)
    for i in range(n):
        factories.talk(
            need, start + timedelta(minutes=i), title=_name(i, "Talk"),
            staff=[factories.user()], organisations=[factories.local_partner()],
        )  # fmt: skip
    factories.talk(need, datetime(2026, 6, 1, 2, 0), title=DROPPED)
    return {"held_from": "2026-05-12", "held_to": "2026-05-12"}


CASES = {
    "delegations": Case("delegations.export", "Title", _delegations),
    "organisations": Case("organisations.export", "Name", _organisations),
    "people": Case("people.export", "Name", _people),
    "needs": Case("needs.export", "Title", _needs),
    "followups": Case("followups.export", "Title", _followups),
    "matches": Case("matchmaking.export_matches", "Need", _matches),
    "talks": Case("talks.export", "Title", _talks),
}
