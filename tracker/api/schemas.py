"""The shapes the API answers with (marshmallow, for responses and the OpenAPI document).

Request bodies are validated by the pages' WTForms forms (tracker.api.conventions); the input
schemas here only describe them in the document."""

from datetime import UTC, datetime

from marshmallow import INCLUDE, Schema, fields, validate

from tracker.models import DelegationStatus, MemberRole, OrganisationKind
from tracker.numbers import ID_MAX

SORT_HELP = "A field to sort by; prefix it with - for descending order."


class Moment(fields.DateTime):
    """A moment as RFC 3339 requires, with its offset: the database keeps UTC without one
    (tracker.models.utcnow), which a client could not tell from local time."""

    def _serialize(self, value: datetime | None, attr, obj, **kwargs):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


class ProblemSchema(Schema):
    """RFC 9457 problem details, the body of every error (tracker.problems); a problem may carry
    members of its own kind (RFC 9457 3.2), such as a likely duplicate's candidates."""

    class Meta:
        unknown = INCLUDE

    type = fields.String(metadata={"description": "about:blank, or urn:tracker:problem:<kind>."})
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.Dict(
        keys=fields.String(), values=fields.List(fields.String()),
        metadata={"description": "The refused fields' messages, as the web forms word them."},
    )  # fmt: skip
    current = fields.Dict(metadata={"description": "412: the record as it is now."})
    duplicates = fields.List(
        fields.Dict(), metadata={"description": "409: the records like the one sent."}
    )


class IdArg(fields.Integer):
    """A record's id in a query argument: a number the database can hold (1..ID_MAX), else a
    422 naming the argument, never an overflow in the query."""

    def __init__(self, **kwargs):
        super().__init__(validate=validate.Range(min=1, max=ID_MAX), **kwargs)


class ListArgs(Schema):
    """The query arguments every list takes."""

    cursor = fields.String(metadata={"description": "The next link's cursor."})
    limit = fields.Integer(
        validate=validate.Range(min=1, max=200), metadata={"description": "Rows per page."}
    )


def sort_arg(keys: list[str], default: str) -> fields.String:
    """The sort argument of a list, one of keys, or -key."""
    allowed = [*keys, *(f"-{key}" for key in keys)]
    return fields.String(
        load_default=default, validate=validate.OneOf(allowed), metadata={"description": SORT_HELP}
    )


class PageSchema(Schema):
    """A page of a list: its items and the link to the next page (null on the last)."""

    next = fields.String(allow_none=True, metadata={"description": "The next page, or null."})


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The page schema of a list of item."""
    return type(name, (PageSchema,), {"items": fields.List(fields.Nested(item))})


class TermSchema(Schema):
    """A vocabulary term: its id and name in the reader's language."""

    id = fields.Integer()
    name = fields.String(attribute="label")


class DelegationArgs(ListArgs):
    q = fields.String(metadata={"description": "Words in the title, host or origin."})
    status = fields.Enum(DelegationStatus, by_value=True)
    year = fields.Integer(validate=validate.Range(min=1900, max=2199))
    country = fields.String(validate=validate.Regexp(r"^[A-Za-z]{2}$"))
    sort = sort_arg(["start_date", "title", "status"], "-start_date")


class DelegationRow(Schema):
    """A delegation as the list shows it."""

    id = fields.Integer()
    title = fields.String()
    origin_country = fields.String(allow_none=True)
    origin_region_id = fields.Integer(allow_none=True)
    start_date = fields.Date()
    end_date = fields.Date()
    status = fields.Enum(DelegationStatus, by_value=True)
    host = fields.String()
    announced_size = fields.Integer(allow_none=True)
    host_officer_name = fields.String(allow_none=True)
    member_count = fields.Integer()


class MemberSchema(Schema):
    """A person in a delegation, with the organisation they represented on that visit."""

    id = fields.Integer()
    person_id = fields.Integer()
    full_name = fields.Function(lambda m: m.person.full_name)
    organisation_id = fields.Integer(allow_none=True)
    organisation_name = fields.Function(
        lambda m: m.organisation.name if m.organisation else None, allow_none=True
    )
    role = fields.Enum(MemberRole, by_value=True)


class MemberInput(Schema):
    """A member as sent (the member form's fields): an existing person, or a new one."""

    role = fields.Enum(MemberRole, by_value=True)
    person_id = fields.Integer(metadata={"description": "An existing person; or the fields below."})
    full_name = fields.String()
    position = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    organisation_id = fields.Integer(allow_none=True, metadata={"description": "A recorded one."})
    new_organisation = fields.String(allow_none=True, metadata={"description": "A new one's name."})
    new_organisation_kind = fields.Enum(OrganisationKind, by_value=True)
    create_anyway = fields.Boolean(
        metadata={"description": "Create the new organisation although similar ones exist (409)."}
    )


class OrganisationRef(Schema):
    id = fields.Integer()
    name = fields.String()


class DelegationInput(Schema):
    """A delegation's fields as sent (the delegation form's fields)."""

    title = fields.String(required=True)
    origin_country = fields.String(allow_none=True, metadata={"description": "ISO alpha-2."})
    origin_region_id = fields.Integer(allow_none=True)
    start_date = fields.Date(required=True)
    end_date = fields.Date(required=True)
    host = fields.String()
    host_officer_id = fields.Integer(allow_none=True)
    status = fields.Enum(DelegationStatus, by_value=True)
    announced_size = fields.Integer(allow_none=True)
    summary = fields.String(allow_none=True)
    source_url = fields.String(allow_none=True)
    topic_ids = fields.List(fields.Integer())


class DelegationSchema(DelegationInput):
    """A delegation with its topics, members and the organisations named without people."""

    id = fields.Integer()
    version = fields.Integer()
    topic_ids = fields.Function(lambda d: [t.id for t in d.topics])
    topics = fields.List(fields.Nested(TermSchema))
    members = fields.List(fields.Nested(MemberSchema))
    organisations = fields.List(fields.Nested(OrganisationRef), attribute="extra_organisations")
    created_at = Moment()
    updated_at = Moment()


class OrganisationArgs(ListArgs):
    q = fields.String(metadata={"description": "Words in any of its names."})
    kind = fields.Enum(OrganisationKind, by_value=True)
    side = fields.String(
        validate=validate.OneOf(["local", "visiting"]),
        metadata={"description": "Local partners or visitors only."},
    )
    country = fields.String(validate=validate.Regexp(r"^[A-Za-z]{2}$"))
    industry = IdArg(metadata={"description": "A key industry's id."})
    sort = sort_arg(["name", "created"], "name")


class OrganisationInput(Schema):
    """An organisation's fields as sent (the organisation form's fields)."""

    name = fields.String(required=True)
    name_de = fields.String(allow_none=True)
    name_en = fields.String(allow_none=True)
    name_zh = fields.String(allow_none=True)
    kind = fields.Enum(OrganisationKind, by_value=True)
    is_local = fields.Boolean()
    country = fields.String(allow_none=True, metadata={"description": "ISO alpha-2."})
    city = fields.String(allow_none=True)
    website = fields.String(allow_none=True)
    key_industry_id = fields.Integer(allow_none=True)
    description = fields.String(allow_none=True)
    confirm_duplicate = fields.Boolean(
        load_only=True, metadata={"description": "Create it although similar names exist."}
    )


class OrganisationSchema(OrganisationInput):
    id = fields.Integer()
    version = fields.Integer()
    created_at = Moment()
    updated_at = Moment()


class PersonArgs(ListArgs):
    q = fields.String(metadata={"description": "Words in the name, position or e-mail."})
    organisation = IdArg(metadata={"description": "An organisation's id."})
    side = fields.String(
        validate=validate.OneOf(["local", "visiting"]),
        metadata={"description": "People of local partners or of visitors only."},
    )
    sort = sort_arg(["name", "created"], "name")


class PersonInput(Schema):
    """A person's fields as sent (the person form's fields)."""

    full_name = fields.String(required=True)
    name_other_script = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    organisation_id = fields.Integer(allow_none=True)
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    languages = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    confirm_email = fields.Boolean(
        load_only=True, metadata={"description": "Save although others have this e-mail."}
    )


class PersonSchema(PersonInput):
    id = fields.Integer()
    version = fields.Integer()
    organisation_name = fields.Function(
        lambda p: p.organisation.name if p.organisation else None, allow_none=True
    )
    created_at = Moment()
    updated_at = Moment()


class VocabularyTermSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    name_de = fields.String(allow_none=True)
    name_zh = fields.String(allow_none=True)
    active = fields.Boolean()
    position = fields.Integer()
