"""The organisation form with its choices set (the pages and the JSON API build it here)."""

from tracker.i18n import country_choices
from tracker.models import Organisation
from tracker.organisations import services
from tracker.organisations.forms import OrganisationForm


def organisation_form(organisation: Organisation | None = None, **form_args) -> OrganisationForm:
    """The form, filled from organisation unless form_args give formdata, with the country
    and key industry choices that depend on the database and the interface language."""
    form = OrganisationForm(obj=organisation, **form_args)
    form.country.choices = [("", "—"), *country_choices()]
    current = organisation.key_industry_id if organisation else None
    industries = services.industry_choices(include_id=current)
    form.key_industry_id.choices = [("", "—"), *[(i.id, i.label) for i in industries]]
    return form
