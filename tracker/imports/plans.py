"""What an import will do, as plain data: per organisation, per need, per row, and in sum."""

from collections import Counter
from dataclasses import dataclass, field

from tracker.models import (
    Delegation,
    DelegationMember,
    KeyIndustry,
    MemberRole,
    Organisation,
    Person,
    Topic,
)


@dataclass
class OrganisationPlan:
    """One organisation named in the file (all spellings with the same key)."""

    key: str
    spellings: Counter = field(default_factory=Counter)
    existing: Organisation | None = None
    status: str = "new"  # new, existing, or similar (offered to be merged into existing)
    via_alias: str | None = None
    others: list[Organisation] = field(default_factory=list)  # more existing look-alikes
    country: str | None = None
    city: str | None = None
    industry: KeyIndustry | None = None
    rows: list[int] = field(default_factory=list)
    created: Organisation | None = None  # set when the import writes

    @property
    def name(self) -> str:
        """The spelling used most in the file (the first one on a tie)."""
        return self.spellings.most_common(1)[0][0]

    @property
    def organisation_id(self) -> int | None:
        target = self.created or self.existing
        return target.id if target else None


@dataclass
class NeedPlan:
    """A cooperation need to create for an organisation."""

    title: str
    description: str | None
    organisation: OrganisationPlan
    row: int


@dataclass
class RowPlan:
    """What happens to one data row."""

    number: int
    status: str = "ok"  # ok, blank, duplicate, error
    reason: str = ""
    values: dict[str, str] = field(default_factory=dict)
    full_name: str = ""
    person: Person | None = None
    match: str = ""  # email or name: how the existing person was found
    organisation: OrganisationPlan | None = None
    role: MemberRole = MemberRole.MEMBER
    member: DelegationMember | None = None
    membership: str = "new"  # new, existing, role (existing, role changes)
    fills: dict[str, str] = field(default_factory=dict)
    needs: list[NeedPlan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class Plan:
    """The whole preview."""

    delegation: Delegation
    rows: list[RowPlan]
    organisations: list[OrganisationPlan]
    needs: list[NeedPlan]
    topics: list[Topic]

    def rows_with(self, status: str) -> list[RowPlan]:
        return [r for r in self.rows if r.status == status]

    def summary(self) -> dict:
        """Counts as the CLI's --json prints them and the import record stores them."""
        ok = self.rows_with("ok")
        orgs = [o for o in self.organisations if o.rows]
        return {
            "rows_total": len(self.rows),
            "rows_imported": len(ok),
            "people_created": sum(r.person is None for r in ok),
            "people_matched": sum(r.person is not None for r in ok),
            "people_updated": sum(bool(r.fills) for r in ok),
            "organisations_created": sum(o.status == "new" for o in orgs),
            "organisations_matched": sum(o.status != "new" for o in orgs),
            "organisations_similar": sum(o.status == "similar" for o in orgs),
            "members_added": sum(r.membership == "new" for r in ok),
            "members_updated": sum(r.membership == "role" for r in ok),
            "needs_created": len(self.needs),
            "topics_added": len(self.topics),
            "rows_blank": len(self.rows_with("blank")),
            "rows_duplicate": len(self.rows_with("duplicate")),
            "rows_skipped": len(self.rows_with("blank")) + len(self.rows_with("duplicate")),
            "rows_failed": [{"row": r.number, "reason": r.reason} for r in self.rows_with("error")],
        }
