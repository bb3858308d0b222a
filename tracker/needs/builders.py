"""The need and stage forms with their choices set: the pages and the JSON API build them here."""

from tracker import choices
from tracker.models import Need
from tracker.needs.forms import NeedForm, StageForm
from tracker.needs.pipeline import allowed_moves, next_stage
from tracker.numbers import parse_id


def need_form(need: Need | None = None, **form_args) -> NeedForm:
    """The need form, filled from need unless form_args give formdata or data, with the choices
    of its small selects (the meetings of the chosen delegation)."""
    form = NeedForm(obj=need, **form_args)
    form.meeting_id.choices = choices.meetings(parse_id(form.delegation_id.data))
    form.category_id.choices = choices.categories(need.category_id if need else None)
    form.key_industry_id.choices = choices.industries(need.key_industry_id if need else None)
    form.owner_id.choices = choices.active_users(need.owner_id if need else None)
    return form


def stage_form(need: Need, **form_args) -> StageForm:
    """The stage form of need: the moves its stage allows, the usual next one chosen."""
    form = StageForm(**form_args)
    form.to_stage.choices = [(s.value, s.label) for s in allowed_moves(need.stage)]
    if form.to_stage.data is None and (forward := next_stage(need.stage)) is not None:
        form.to_stage.data = forward.value
    form.lost_reason_id.choices = choices.lost_reasons()
    return form
