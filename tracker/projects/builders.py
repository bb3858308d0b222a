"""The projects' forms with their choices set, and what a project's page shows."""

from flask import abort, request
from flask_babel import format_currency

from tracker import choices
from tracker.i18n import local_today
from tracker.models import MAJOR_PROJECT_CNY, Instalment, Milestone, Need, Project
from tracker.numbers import parse_id
from tracker.projects import instalments, milestones, queries, services
from tracker.projects.agreements import agreements_of
from tracker.projects.forms import AddNeedForm, InstalmentForm, MilestonesForm, ProjectForm
from tracker.projects.provenance import project_origins
from tracker.security import get_visible_or_404


def project_form(project: Project | None = None, **form_args) -> ProjectForm:
    """The project form, filled from project unless form_args give formdata or data."""
    form = ProjectForm(obj=project, **form_args)
    form.key_industry_id.choices = choices.industries(project.key_industry_id if project else None)
    form.owner_id.choices = choices.active_users(project.owner_id if project else None)
    if project is not None:  # an existing project says yes or no itself
        form.foreign.choices = form.foreign.choices[1:]
    return form


def need_or_404(need_id: str | None) -> Need | None:
    """The need a new project is made from (?need_id=), None without one; 404 when it is
    absent or hidden from the user."""
    if need_id is None:
        return None
    number = parse_id(need_id)
    return get_visible_or_404(Need, number) if number is not None else abort(404)


def new_project_form(need: Need | None) -> ProjectForm:
    """The new project's form: on first showing, prefilled from the won need."""
    data = services.prefill(need) if need is not None and request.method == "GET" else None
    return project_form(data=data) if data is not None else project_form()


def instalment_form(instalment: Instalment, **form_args) -> InstalmentForm:
    return InstalmentForm(obj=instalment, **form_args)


def instalment_name(instalment: Instalment) -> str:
    """An instalment as a confirmation names it: its amount and day."""
    amount = format_currency(instalment.amount, instalment.currency.value)
    return f"{amount} · {instalment.received_on.isoformat()}"


def conflict_context(project_id: int, form: MilestonesForm) -> tuple[MilestonesForm, dict]:
    """After a stale milestones form: the milestones as saved now, and the project's page
    around the user's form."""
    project = queries.get_project_or_404(project_id)
    saved = milestones_form(project, formdata=None)
    return saved, detail_context(project, milestones_form=form)


def milestones_form(project: Project, **form_args) -> MilestonesForm:
    """The milestones form, filled from the saved rows unless form_args give formdata."""
    rows = milestones.milestones_of(project.id)
    data = milestones.form_data(rows) | {"version": project.version}
    return MilestonesForm(data=data, **form_args)


def add_need_form(project: Project, **form_args) -> AddNeedForm:
    form = AddNeedForm(**form_args)
    form.need_id.choices = [("", "—"), *services.candidate_needs(project)]
    return form


def filter_options() -> dict:
    """The list filters' choices."""
    return {
        "industries": choices.industries()[1:],
        "officers": queries.officer_choices(),
        "milestones": [(m.value, m.label) for m in Milestone],
        "milestone_labels": {m.value: m.label for m in Milestone},
    }


def detail_context(project: Project, **forms) -> dict:
    """Everything a project's page shows; forms given replace the empty ones (re-rendered
    with the user's input and errors)."""
    today = local_today()
    steps = milestones.timeline(milestones.milestones_of(project.id), today)
    paid = instalments.instalments_of(project.id)
    return {
        "project": project,
        "steps": steps,
        "latest": milestones.latest_reached(steps),
        "instalments": paid,
        "capital": queries.capital(project, paid),
        "origins": project_origins(project.id),
        "agreements": agreements_of(project.id),
        "today": today,
        "major_threshold": MAJOR_PROJECT_CNY,
        "milestones_form": forms.get("milestones_form") or milestones_form(project, formdata=None),
        "instalment_form": forms.get("instalment_form") or InstalmentForm(formdata=None),
        "add_need_form": forms.get("add_need_form") or add_need_form(project, formdata=None),
    }
