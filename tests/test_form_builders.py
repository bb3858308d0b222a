"""The shared form field builders: text, area, headcount and enum selects."""

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict

from tracker.forms import area_field, enum_select, headcount_field, text_field
from tracker.models import OrganisationKind


class _Form(FlaskForm):
    name = text_field("Name", required=True)
    city = text_field("City", 10, description="Where")
    area = area_field("Area")
    jobs = headcount_field("Jobs", minimum=0)
    kind = enum_select("Kind", OrganisationKind, OrganisationKind.COMPANY)


def _form(app, **data) -> _Form:
    with app.test_request_context(method="POST"):
        form = _Form(formdata=MultiDict(data))
        form.validate()
        return form


def test_text_fields_are_required_or_optional_and_bounded(app):
    form = _form(app, name="", city="x" * 11)
    assert form.name.errors and form.city.errors
    assert form.city.description == "Where"
    assert not _form(app, name="Jenoptik", city="").errors


def test_number_fields_refuse_what_is_out_of_range(app):
    assert _form(app, name="a", area="0").area.errors
    assert not _form(app, name="a", area="10000000").errors
    assert not _form(app, name="a", jobs="0").errors
    assert _form(app, name="a", jobs="1000001").jobs.errors


def test_an_enum_select_offers_every_member_with_its_default(app):
    with app.test_request_context():
        form = _Form()
        assert [value for value, _label in form.kind.choices] == [k.value for k in OrganisationKind]
        assert form.kind.data == "company"
    assert _form(app, name="a", kind="nonsense").kind.errors
