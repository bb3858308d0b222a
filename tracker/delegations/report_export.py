"""The delegation report as spreadsheet sheets: one per section, times in the commission's zone."""

from collections.abc import Iterable
from datetime import datetime

from flask import current_app
from flask_babel import gettext as _

from tracker.delegations.meetings import to_local
from tracker.delegations.report import DelegationReport
from tracker.models import FollowUp
from tracker.regions import origin_label

Sheet = tuple[str, list[str], list[list]]


def _local(value: datetime | None) -> datetime | None:
    return to_local(value, current_app.config["BABEL_DEFAULT_TIMEZONE"]) if value else None


def _names(items: Iterable, attribute: str) -> str:
    return ", ".join(getattr(item, attribute) for item in items)


def visit_sheet(report: DelegationReport) -> Sheet:
    """The visit's header as field/value rows."""
    d = report.delegation
    origin = origin_label(d.origin_country, d.origin_region_id)
    rows = [
        [_("Delegation"), d.title],
        [_("Status"), d.status.label],
        [_("Start"), d.start_date],
        [_("End"), d.end_date],
        [_("Origin"), origin],
        [_("Host"), d.host],
        [_("Host officer"), d.host_officer.display_name if d.host_officer else ""],
        [_("Topics"), _names(d.topics, "label")],
        [_("Members recorded"), len(d.members)],
        [_("Announced size"), d.announced_size],
        [_("Summary"), d.summary],
        [_("Source"), d.source_url],
    ]
    return _("Visit"), [_("Field"), _("Value")], rows


def people_sheet(report: DelegationReport) -> Sheet:
    """Who came, grouped by the organisation they represented."""
    rows = []
    for group in report.groups:
        name = group.organisation.name if group.organisation else _("Individuals")
        if not group.members:
            rows.append([name, "", "", ""])
        for m in group.members:
            rows.append([name, m.person.full_name, m.role.label, m.person.position])
    return _("People"), [_("Organisation"), _("Person"), _("Role"), _("Position")], rows


def meetings_sheet(report: DelegationReport) -> Sheet:
    """The meetings, in order."""
    header = [_("Time"), _("Meeting"), _("Place"), _("Topics"), _("Visiting side"),
              _("Local partners' people"), _("Staff"), _("Minutes")]  # fmt: skip
    rows = [
        [_local(m.starts_at), m.title, m.place, _names(m.topics, "label"),
         _names(m.visitors, "full_name"), _names(m.local_people, "full_name"),
         _names(m.staff, "display_name"), m.minutes]
        for m in report.delegation.meetings
    ]  # fmt: skip
    return _("Meetings"), header, rows


def needs_header() -> list[str]:
    """The columns of the needs section (also its CSV)."""
    return [
        _("Need"), _("Organisation"), _("Stage"), _("In stage since"), _("Stages"),
        _("Category"), _("Key industry"), _("Priority"), _("Owner"), _("Estimated investment"),
        _("Currency"), _("Expected jobs"), _("Next step"), _("Next step date"), _("Lost reason"),
        _("Won outcome"),
    ]  # fmt: skip


def needs_rows(report: DelegationReport) -> list[list]:
    """One row per need raised during the visit."""
    rows = []
    for n in report.needs:
        path = " → ".join(c.to_stage.label for c in n.stage_changes)
        rows.append([
            n.title, n.organisation.name, n.stage.label, _local(n.stage_changed_at), path,
            n.category.label if n.category else "",
            n.key_industry.label if n.key_industry else "", n.priority.label,
            n.owner.display_name if n.owner else "", n.estimated_investment,
            n.currency.value if n.currency else "", n.expected_jobs, n.next_step,
            n.next_step_date, n.lost_reason.label if n.lost_reason else n.lost_reason_text,
            n.won_outcome.label if n.won_outcome else "",
        ])  # fmt: skip
    return rows


def _about(f: FollowUp) -> str:
    if f.need is not None:
        return f.need.title
    return f.delegation.title if f.delegation is not None else ""


def followups_sheet(report: DelegationReport) -> Sheet:
    """Follow-ups on the visit and its needs."""
    header = [_("Follow-up"), _("About"), _("Kind"), _("Assigned to"), _("Due"), _("Status"),
              _("Completed on"), _("Outcome")]  # fmt: skip
    rows = [
        [f.title, _about(f), f.kind.label, f.assignee.display_name, f.due_date, f.status.label,
         _local(f.completed_at), f.outcome]
        for f in report.followups
    ]  # fmt: skip
    return _("Follow-ups"), header, rows


def matches_sheet(report: DelegationReport) -> Sheet:
    """Local partners matched with the needs."""
    header = [_("Need"), _("Local partner"), _("Offer"), _("Status"), _("Score")]
    rows = [
        [m.need.title, m.organisation.name, m.offer.title if m.offer else "", m.status.label,
         m.score]
        for m in report.matches
    ]  # fmt: skip
    return _("Matches"), header, rows


def talks_sheet(report: DelegationReport) -> Sheet:
    """Talks on the needs and their outcomes."""
    header = [_("Start"), _("Talk"), _("Need"), _("Place"), _("Organisations"), _("People"),
              _("Staff"), _("Outcome")]  # fmt: skip
    rows = [
        [_local(t.starts_at), t.title, t.need.title, t.place, _names(t.organisations, "name"),
         _names(t.people, "full_name"), _names(t.staff, "display_name"), t.outcome]
        for t in report.talks
    ]  # fmt: skip
    return _("Talks"), header, rows


def report_sheets(report: DelegationReport) -> list[Sheet]:
    """Every section of the report, one sheet each, in the page's order."""
    return [
        visit_sheet(report),
        people_sheet(report),
        meetings_sheet(report),
        (_("Needs"), needs_header(), needs_rows(report)),
        followups_sheet(report),
        matches_sheet(report),
        talks_sheet(report),
    ]
