"""The shapes of the pipeline's resources: needs and their moves, follow-ups, suggestions and
matches, local offers, talks and the pipeline report (marshmallow, for responses and the
OpenAPI document; request bodies are validated by the pages' forms)."""

from marshmallow import INCLUDE, Schema, fields, validate

from tracker.api.schemas import IdArg, ListArgs, Moment, page_of, sort_arg
from tracker.models import Currency, FollowUpKind, FollowUpStatus, Priority, Stage, WonOutcome

ID_OR_NONE = "An id, or NONE for those without one."


class NeedArgs(ListArgs):
    """The needs list's filters, as the needs page reads them (others it reads are accepted)."""

    class Meta:
        unknown = INCLUDE

    q = fields.String(metadata={"description": "Words in the title or the organisation's name."})
    stage = fields.Enum(Stage, by_value=True)
    state = fields.String(validate=validate.OneOf(["open", "closed"]))
    owner_id = fields.String(metadata={"description": ID_OR_NONE})
    category_id = fields.String(metadata={"description": ID_OR_NONE})
    key_industry_id = fields.String(metadata={"description": ID_OR_NONE})
    delegation_id = fields.String(metadata={"description": ID_OR_NONE})
    organisation_id = IdArg()
    origin = fields.String(metadata={"description": "The organisation's country, ISO alpha-2."})
    overdue = fields.String(validate=validate.OneOf(["1"]))
    no_open_followup = fields.String(validate=validate.OneOf(["1"]))
    sort = sort_arg(["created", "title", "updated"], "-created")


class NeedInput(Schema):
    """A need's fields as sent (the need form's fields)."""

    organisation_id = fields.Integer(required=True)
    delegation_id = fields.Integer(allow_none=True)
    meeting_id = fields.Integer(allow_none=True)
    title = fields.String(required=True)
    description = fields.String(allow_none=True)
    category_id = fields.Integer(allow_none=True)
    key_industry_id = fields.Integer(allow_none=True)
    priority = fields.Enum(Priority, by_value=True)
    estimated_investment = fields.Decimal(places=2, as_string=True, allow_none=True)
    currency = fields.Enum(Currency, by_value=True, allow_none=True)
    expected_jobs = fields.Integer(allow_none=True)
    area_m2_asked = fields.Integer(allow_none=True)
    headcount_asked = fields.Integer(allow_none=True)
    owner_id = fields.Integer(allow_none=True)
    next_step = fields.String(allow_none=True)
    next_step_date = fields.Date(allow_none=True)
    confidential = fields.Boolean()


class NeedSchema(NeedInput):
    """A need with its stage and what closing it recorded."""

    id = fields.Integer()
    version = fields.Integer()
    stage = fields.Enum(Stage, by_value=True)
    stage_changed_at = Moment()
    lost_reason_id = fields.Integer(allow_none=True)
    lost_reason_text = fields.String(allow_none=True)
    won_on = fields.Date(allow_none=True)
    won_outcome = fields.Enum(WonOutcome, by_value=True, allow_none=True)
    created_at = Moment()
    updated_at = Moment()


NeedPage = page_of(NeedSchema, "NeedPage")


class MoveInput(Schema):
    """A stage move (the stage form's fields), or with reopen: true a won or lost need reopened
    into an active stage, the note saying why."""

    to_stage = fields.Enum(Stage, by_value=True, required=True)
    note = fields.String(allow_none=True)
    lost_reason_id = fields.Integer(allow_none=True)
    lost_reason_text = fields.String(allow_none=True)
    won_on = fields.Date(allow_none=True)
    won_outcome = fields.Enum(WonOutcome, by_value=True, allow_none=True)
    reopen = fields.Boolean(metadata={"description": "Reopen a won or lost need."})


class FollowUpArgs(ListArgs):
    """The follow-ups list's filters, as the follow-ups page reads them."""

    class Meta:
        unknown = INCLUDE

    assignee_id = IdArg()
    status = fields.Enum(FollowUpStatus, by_value=True)
    overdue = fields.String(validate=validate.OneOf(["1"]))
    need_id = IdArg()
    organisation_id = IdArg()
    delegation_id = IdArg()
    due_from = fields.Date()
    due_to = fields.Date()
    sort = sort_arg(["due", "created", "title"], "due")


class FollowUpInput(Schema):
    """A follow-up's fields as sent (the follow-up form's fields); a new one names one of
    need_id, organisation_id or delegation_id."""

    title = fields.String(required=True)
    kind = fields.Enum(FollowUpKind, by_value=True)
    assignee_id = fields.Integer(required=True)
    due_date = fields.Date(required=True)


class FollowUpCreate(FollowUpInput):
    need_id = fields.Integer()
    organisation_id = fields.Integer()
    delegation_id = fields.Integer()


class FollowUpSchema(FollowUpCreate):
    id = fields.Integer()
    # A follow-up is on one of the three: the other two are null.
    need_id = fields.Integer(allow_none=True)
    organisation_id = fields.Integer(allow_none=True)
    delegation_id = fields.Integer(allow_none=True)
    version = fields.Integer()
    status = fields.Enum(FollowUpStatus, by_value=True)
    assigned_by_id = fields.Integer(allow_none=True)
    outcome = fields.String(allow_none=True)
    completed_at = Moment(allow_none=True)
    completed_by_id = fields.Integer(allow_none=True)
    created_at = Moment()
    updated_at = Moment()


FollowUpPage = page_of(FollowUpSchema, "FollowUpPage")


class AssignInput(Schema):
    assignee_id = fields.Integer(required=True)


class CompleteInput(Schema):
    outcome = fields.String(required=True)


class SuggestionArgs(Schema):
    show_declined = fields.Boolean(
        load_default=False, metadata={"description": "Include the partners declined for it."}
    )


class OfferRef(Schema):
    id = fields.Integer()
    title = fields.String()
    kind = fields.Function(lambda o: o.kind.value)


class SuggestionSchema(Schema):
    """A suggested local partner, with its best offer, its score and why."""

    organisation_id = fields.Function(lambda s: s.partner.id)
    organisation_name = fields.Function(lambda s: s.partner.shown_name)
    offer = fields.Nested(OfferRef, allow_none=True)
    score = fields.Integer()
    reasons = fields.List(fields.String())
    declined = fields.Boolean()


class MatchSchema(Schema):
    """A need matched with a local partner, and where the match stands."""

    id = fields.Integer()
    version = fields.Integer()
    need_id = fields.Integer()
    organisation_id = fields.Integer()
    organisation_name = fields.Function(lambda m: m.organisation.name)
    offer_id = fields.Integer(allow_none=True)
    status = fields.Function(lambda m: m.status.value)
    score = fields.Integer(allow_none=True)
    reasons = fields.Function(lambda m: (m.reasons or "").splitlines())
    decline_reason = fields.String(allow_none=True)
    created_at = Moment()
    updated_at = Moment()


class AcceptInput(Schema):
    organisation_id = fields.Integer(required=True)


class PickInput(Schema):
    """A partner matched by hand (the pick form's fields)."""

    organisation_id = fields.Integer(required=True)
    offer_id = fields.Integer(allow_none=True)
    note = fields.String(allow_none=True)


class StatusInput(Schema):
    """A match's new status (the status form's fields); declining asks for a reason."""

    to_status = fields.String(required=True)
    note = fields.String(allow_none=True)
    decline_reason = fields.String(allow_none=True)


class TalkArgs(ListArgs):
    """The talks list's filters, as the talks page reads them."""

    class Meta:
        unknown = INCLUDE

    q = fields.String(metadata={"description": "Words in the place, need or organisation."})
    status = fields.String(validate=validate.OneOf(["upcoming", "held", "no_outcome"]))
    delegation_id = IdArg()
    held_from = fields.Date(metadata={"description": "Local day of the start, from."})
    held_to = fields.Date(metadata={"description": "Local day of the start, to."})
    sort = sort_arg(["starts", "title"], "-starts")


class TalkInput(Schema):
    """A talk's fields as sent (the talk form's fields): its day, start and end in its time
    zone; a new one names need_id or match_id."""

    title = fields.String()
    day = fields.Date(required=True)
    start = fields.String(required=True, metadata={"description": "HH:MM"})
    end = fields.String(required=True, metadata={"description": "HH:MM"})
    timezone = fields.String(metadata={"description": "An IANA time zone name."})
    place = fields.String(allow_none=True)
    video_link = fields.String(allow_none=True)
    agenda = fields.String(allow_none=True)
    organisation_ids = fields.List(fields.Integer())
    visitor_ids = fields.List(fields.Integer())
    local_person_ids = fields.List(fields.Integer())
    staff_ids = fields.List(fields.Integer())
    schedule_anyway = fields.Boolean(
        load_only=True, metadata={"description": "Save although other talks overlap (409)."}
    )


class TalkCreate(TalkInput):
    need_id = fields.Integer()
    match_id = fields.Integer()


class TalkRow(Schema):
    """A talk as the list shows it (times in UTC)."""

    id = fields.Integer()
    version = fields.Integer()
    need_id = fields.Integer()
    match_id = fields.Integer(allow_none=True)
    title = fields.String()
    starts_at = Moment()
    ends_at = Moment()
    timezone = fields.String()
    place = fields.String(allow_none=True)
    video_link = fields.String(allow_none=True)
    organisation_ids = fields.Function(lambda t: [o.id for o in t.organisations])
    staff_ids = fields.Function(lambda t: [u.id for u in t.staff])
    outcome = fields.String(allow_none=True)
    created_at = Moment()
    updated_at = Moment()


class TalkSchema(TalkRow):
    """A talk with its agenda, minutes and everyone taking part."""

    agenda = fields.String(allow_none=True)
    minutes = fields.String(allow_none=True)
    person_ids = fields.Function(lambda t: [p.id for p in t.people])


TalkPage = page_of(TalkRow, "TalkPage")


class ReportArgs(Schema):
    """The pipeline report's filters, as the report page reads them."""

    class Meta:
        unknown = INCLUDE

    date_from = fields.Date()
    date_to = fields.Date()
    dates = fields.String(
        metadata={"description": "created, or the stage whose reaching the dates bound."}
    )
    delegation_id = IdArg()
    origin = fields.String(metadata={"description": "ISO alpha-2."})
    key_industry_id = IdArg()
    category_id = IdArg()
    owner_id = IdArg(metadata={"description": "Managers only; staff see their own."})


class OfferArgs(ListArgs):
    organisation_id = IdArg(metadata={"description": "A local partner's id."})
    active = fields.Boolean()
    sort = sort_arg(["title", "created"], "title")


class OfferInput(Schema):
    """An offer's fields as sent (the offer form's fields); a new one names its local partner
    in organisation_id."""

    kind = fields.String(required=True)
    title = fields.String(required=True)
    description = fields.String(allow_none=True)
    area_m2 = fields.Integer(allow_none=True)
    headcount = fields.Integer(allow_none=True)
    industry_ids = fields.List(fields.Integer())
    keywords = fields.String(allow_none=True)
    contact_person_id = fields.Integer(allow_none=True)
    active = fields.Boolean()


class OfferCreate(OfferInput):
    organisation_id = fields.Integer(required=True)


class OfferSchema(OfferCreate):
    id = fields.Integer()
    version = fields.Integer()
    kind = fields.Function(lambda o: o.kind.value)
    industry_ids = fields.Function(lambda o: sorted(i.id for i in o.industries))
    organisation_name = fields.Function(lambda o: o.organisation.name)
    created_at = Moment()
    updated_at = Moment()


OfferPage = page_of(OfferSchema, "OfferPage")
