"""The offer form with its choices set, and its values as the service's: the pages and the JSON
API build them here."""

from tracker import choices
from tracker.matchmaking import services
from tracker.matchmaking.forms import OfferForm, PickForm
from tracker.models import LocalOffer


def offer_form(organisation_id: int, offer: LocalOffer | None = None, **form_args) -> OfferForm:
    """The offer form of a partner's offer (None: a new one), filled from it unless form_args
    give formdata, with the contact and industry choices (retired industries it has kept)."""
    form = OfferForm(obj=offer, **form_args)
    form.contact_person_id.choices = [("", "—"), *services.contact_choices(organisation_id)]
    industries = [(i, label) for i, label in choices.industries() if i != ""]
    known = {i for i, _label in industries}
    form.industry_ids.choices = industries + [
        (i.id, i.label) for i in (offer.industries if offer else []) if i.id not in known
    ]
    if offer is not None and not form.is_submitted():
        form.industry_ids.data = sorted(i.id for i in offer.industries)
    return form


def offer_data(form: OfferForm) -> services.OfferData:
    """The form's values as the service's."""
    data = services.OfferData(
        **{name: form[name].data for name in (
            "kind", "title", "description", "area_m2", "headcount", "keywords",
            "contact_person_id", "industry_ids", "active")}
    )  # fmt: skip
    data.industry_ids = data.industry_ids or []  # None when a POST carries no form data at all
    return data


def pick_form(**form_args) -> PickForm:
    """The form matching a need with a partner picked by hand, with the active offers."""
    form = PickForm(**form_args)
    form.offer_id.choices = [("", "—"), *services.offer_choices()]
    return form
