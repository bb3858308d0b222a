"""Projects: made from won needs, edited, joined by more needs of their company, deleted."""

from dataclasses import dataclass, fields
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.deleted.services import PROJECT_PARTS  # deleted with it, restored with it
from tracker.extensions import db
from tracker.models import (
    Currency,
    Need,
    Organisation,
    Project,
    Stage,
    User,
    project_need,
)
from tracker.projects import money
from tracker.softdelete import mark_deleted


class ProjectError(ValueError):
    """A refused write; field names the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def _currency(value) -> Currency | None:
    return Currency(value) if value else None


@dataclass(frozen=True)
class ProjectData:
    """A project's fields as entered; foreign None: as its company says."""

    name: str
    organisation_id: int
    key_industry_id: int | None = None
    owner_id: int | None = None
    contracted_amount: Decimal | None = None
    contracted_currency: Currency | None = None
    registered_capital: Decimal | None = None
    registered_currency: Currency | None = None
    jobs_promised: int | None = None
    credit_code: str | None = None
    foreign: bool | None = None
    confidential: bool = False
    description: str | None = None

    @classmethod
    def from_mapping(cls, data) -> "ProjectData":
        """From a form's data (currencies as codes, foreign as auto/yes/no)."""
        values = {f.name: data.get(f.name) for f in fields(cls)}
        values["contracted_currency"] = _currency(values["contracted_currency"])
        values["registered_currency"] = _currency(values["registered_currency"])
        values["foreign"] = {"yes": True, "no": False}.get(values["foreign"])
        values["confidential"] = bool(values["confidential"])
        values["name"] = (values["name"] or "").strip()
        values["credit_code"] = values["credit_code"] or None
        return cls(**values)


def is_foreign(organisation: Organisation | None) -> bool:
    """A company counts as foreign-invested unless it is local or from China."""
    return organisation is not None and not organisation.is_local and organisation.country != "CN"


def prefill(need: Need) -> dict:
    """The new project's form data from the won need it comes from."""
    return {
        "name": need.title,
        "organisation_id": need.organisation_id,
        "key_industry_id": need.key_industry_id,
        "owner_id": need.owner_id,
        "contracted_amount": need.estimated_investment,
        "contracted_currency": need.currency.value if need.currency else "",
        "jobs_promised": need.expected_jobs,
        "foreign": "yes" if is_foreign(need.organisation) else "no",
        "confidential": need.confidential,
    }


def project_id_of_need(need_id: int) -> int | None:
    """The project a need went into (deleted or hidden ones too), if any."""
    stmt = select(project_need.c.project_id).where(project_need.c.need_id == need_id)
    return db.session.scalar(stmt)


def won_need(need_id: int | None) -> Need:
    """The visible won need not yet in a project; ProjectError at need_id otherwise."""
    need = db.session.scalar(select(Need).where(Need.id == need_id)) if need_id else None
    if need is None:
        raise ProjectError(_("There is no such need."), "need_id")
    if need.stage != Stage.WON:
        raise ProjectError(
            _("Only a won need becomes a project: “%(title)s” is at %(stage)s.",
              title=need.title, stage=need.stage.label), "need_id",
        )  # fmt: skip
    if project_id_of_need(need.id) is not None:
        raise ProjectError(
            _("“%(title)s” is already part of a project.", title=need.title), "need_id"
        )
    return need


def _check_code(code: str | None, project_id: int | None) -> None:
    """One project per company code, deleted and confidential ones counted."""
    if not code:
        return
    stmt = select(Project.id).where(Project.credit_code == code, Project.id != (project_id or 0))
    if db.session.scalar(money.every_row(stmt)) is not None:
        raise ProjectError(
            _("Another project already has this unified social credit code."), "credit_code"
        )


def _apply(project: Project, data: ProjectData) -> None:
    """Write the fields, the foreign flag (from the company when not given) and the CNY value."""
    _check_code(data.credit_code, project.id)
    for item in fields(ProjectData):
        if item.name != "foreign":
            setattr(project, item.name, getattr(data, item.name))
    if data.foreign is None:
        data_foreign = is_foreign(db.session.get(Organisation, data.organisation_id))
    else:
        data_foreign = data.foreign
    project.foreign = data_foreign
    money.convert_contracted(project)


def create_project(data: ProjectData, by: User, need_ids: tuple[int, ...] = ()) -> Project:
    """A project, from the won needs given (none: a project recorded on its own); made from a
    confidential need, it is confidential too, with that need's owner as its officer."""
    needs = [won_need(need_id) for need_id in need_ids]
    project = Project(created_by_id=by.id)
    _apply(project, data)
    secret = next((n for n in needs if n.confidential), None)
    if secret is not None:
        project.confidential = True
        project.owner_id = secret.owner_id or data.owner_id or by.id
    project.needs = needs
    db.session.add(project)
    db.session.flush()
    return project


def update_project(project: Project, data: ProjectData) -> Project:
    """Apply an edit (the caller checks the form's version: tracker.versioning.saving)."""
    _apply(project, data)
    db.session.flush()
    return project


def add_need(project: Project, need_id: int | None) -> Need:
    """Add another won need of the project's company; a confidential one makes the project
    confidential. ProjectError at need_id when it may not be added."""
    need = won_need(need_id)
    project = db.session.scalar(
        select(Project).where(Project.id == project.id).options(selectinload(Project.needs))
    )
    companies = {project.organisation_id, *(n.organisation_id for n in project.needs)}
    if need.organisation_id not in companies:
        raise ProjectError(
            _("“%(title)s” is a need of another company.", title=need.title), "need_id"
        )
    project.needs.append(need)
    if need.confidential and not project.confidential:
        project.confidential = True
        project.owner_id = project.owner_id or need.owner_id
    db.session.flush()
    return need


def candidate_needs(project: Project) -> list[tuple[int, str]]:
    """The won needs of the project's company (and of its needs' companies) not yet in a
    project, as (id, title) choices."""
    companies = (
        select(Need.organisation_id)
        .join(project_need, project_need.c.need_id == Need.id)
        .where(project_need.c.project_id == project.id)
    )
    taken = select(project_need.c.need_id)
    stmt = (
        select(Need.id, Need.title)
        .where(
            Need.stage == Stage.WON,
            Need.id.not_in(taken),
            (Need.organisation_id == project.organisation_id) | Need.organisation_id.in_(companies),
        )
        .order_by(Need.won_on.desc().nulls_last(), Need.id.desc())
    )
    return [(i, title) for i, title in db.session.execute(stmt)]


def delete_project(project: Project, by_id: int | None) -> None:
    """Delete a project softly, with its capital, agreements and obligations; flushes."""
    parts = []
    for model in PROJECT_PARTS:
        parts += db.session.scalars(select(model).where(model.project_id == project.id))
    mark_deleted([project, *parts], by_id)
    db.session.flush()
