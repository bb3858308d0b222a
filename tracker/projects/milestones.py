"""A project's milestones: saved from one form, shown as a timeline of done, planned and late
steps."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Milestone, Project, ProjectMilestone
from tracker.projects import money

# (planned, actual, note) of one milestone, as entered.
Entry = tuple[date | None, date | None, str | None]


def milestones_of(project_id: int) -> dict[Milestone, ProjectMilestone]:
    """The project's milestone rows by milestone."""
    stmt = select(ProjectMilestone).where(ProjectMilestone.project_id == project_id)
    return {row.milestone: row for row in db.session.scalars(stmt)}


def save_milestones(project: Project, entries: dict[Milestone, Entry]) -> None:
    """Write every milestone's dates and note (a milestone left empty is removed), then the
    contracted investment again at the rate of the signing day; flushes."""
    rows = milestones_of(project.id)
    for milestone, (planned, actual, note) in entries.items():
        row = rows.get(milestone)
        if planned is None and actual is None and not note:
            if row is not None:
                db.session.delete(row)
            continue
        if row is None:
            row = ProjectMilestone(project_id=project.id, milestone=milestone)
            db.session.add(row)
        row.planned_on, row.actual_on, row.note = planned, actual, note
    db.session.flush()
    signed = entries.get(Milestone.SIGNED, (None, None, None))[1]
    money.convert_contracted(project, signed)
    db.session.flush()


def form_data(rows: dict[Milestone, ProjectMilestone]) -> dict:
    """The milestones form's data from the saved rows."""
    data = {}
    for milestone, row in rows.items():
        data[f"planned_{milestone.value}"] = row.planned_on
        data[f"actual_{milestone.value}"] = row.actual_on
        data[f"note_{milestone.value}"] = row.note
    return data


@dataclass(frozen=True)
class Step:
    """One milestone on the project's timeline."""

    milestone: Milestone
    planned_on: date | None
    actual_on: date | None
    note: str | None
    state: str  # done, late (planned day passed without it), planned, open (no date)


def timeline(rows: dict[Milestone, ProjectMilestone], today: date) -> list[Step]:
    """Every milestone in order, with its state."""
    steps = []
    for milestone in Milestone:
        row = rows.get(milestone)
        planned, actual = (row.planned_on, row.actual_on) if row else (None, None)
        if actual is not None:
            state = "done"
        elif planned is not None:
            state = "late" if planned < today else "planned"
        else:
            state = "open"
        steps.append(Step(milestone, planned, actual, row.note if row else None, state))
    return steps


def latest_reached(steps: list[Step]) -> Milestone | None:
    """The furthest milestone that happened."""
    done = [s.milestone for s in steps if s.state == "done"]
    return done[-1] if done else None
