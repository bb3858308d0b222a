"""Offers of local partners and the synonym list (registered on the matchmaking blueprint)."""

from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.deletion import DeletePage, confirm_delete
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.matchmaking import builders, services
from tracker.matchmaking.forms import OfferForm, SynonymForm
from tracker.models import Organisation, SynonymGroup
from tracker.pagination import paginate
from tracker.security import get_visible_or_404, require
from tracker.versioning import saving


def _partner_url(organisation_id: int) -> str:
    return url_for("organisations.detail", organisation_id=organisation_id, _anchor="offers")


@require("record.edit")
def create_offer(organisation_id: int):
    """Add an offer to a local partner."""
    organisation = get_visible_or_404(Organisation, organisation_id)
    if not organisation.is_local:
        flash(
            _("Offers belong to local partners; mark the organisation as local first."), "warning"
        )
        return redirect(url_for("organisations.detail", organisation_id=organisation.id))
    form = builders.offer_form(organisation.id)
    return _save_offer(form, organisation, None) or render_template(
        "matchmaking/offer_form.html", form=form, organisation=organisation, offer=None
    )


def _save_offer(form: OfferForm, organisation: Organisation, offer):
    """Validate and save a new or changed offer: the redirect, or None to show the form."""
    if not form.validate_on_submit():
        return None
    current = partial(_current_offer, offer.id) if offer else None
    with saving(offer, form, "matchmaking/offer_form.html", current):
        saved = services.save_offer(offer, organisation, builders.offer_data(form), current_user)
    if offer is None:
        flash(_("Offer “%(title)s” added.", title=saved.title), "success")
    else:
        flash(_("Offer “%(title)s” saved.", title=saved.title), "success")
    return redirect(_partner_url(organisation.id))


@require("record.edit")
def edit_offer(offer_id: int):
    """Change an offer."""
    offer = services.offer_for_edit(offer_id) or abort(404)
    form = builders.offer_form(offer.organisation_id, offer)
    return _save_offer(form, offer.organisation, offer) or render_template(
        "matchmaking/offer_form.html", form=form, organisation=offer.organisation, offer=offer
    )


def _current_offer(offer_id: int) -> tuple[OfferForm, dict]:
    """The offer as it is now, for the conflict page."""
    current = services.offer_for_edit(offer_id) or abort(404)
    saved = OfferForm(formdata=None, obj=current)
    saved.industry_ids.data = sorted(i.id for i in current.industries)
    return saved, {"organisation": current.organisation, "offer": current}


@require("record.delete")
def delete_offer(offer_id: int):
    """Delete an offer after confirmation."""
    offer = services.offer_for_edit(offer_id) or abort(404)
    page = DeletePage(
        title=_("Delete this offer?"),
        message=_(
            "“%(title)s” will no longer be suggested; matches made with it are kept.",
            title=offer.title,
        ),
        confirm_label=_("Delete offer"),
        cancel_url=_partner_url(offer.organisation_id),
        done=_("Offer deleted."),
        done_url=_partner_url(offer.organisation_id),
    )
    return confirm_delete(page, partial(services.delete_offer, offer))


@require("vocabulary.manage")
def synonyms():
    """The synonym list used to match keywords across languages."""
    query = request.args.get("q", "").strip()
    page = paginate(services.list_synonym_groups(query))
    return render_template("matchmaking/synonyms.html", page=page, query=query)


@require("vocabulary.manage")
def create_synonym():
    """Add a synonym group."""
    form = SynonymForm()
    return _save_synonyms(form, None) or render_template(
        "matchmaking/synonym_form.html", form=form, group=None
    )


def _save_synonyms(form: SynonymForm, group: SynonymGroup | None):
    """Validate and save a new or changed group: the redirect, or None to show the form."""
    if not form.validate_on_submit():
        return None
    with saving(group, form, "matchmaking/synonym_form.html", group=group):
        saved = services.save_synonym_group(
            group, services.parse_terms(form.terms.data), form.active.data
        )
    if group is None:
        flash(_("Added “%(terms)s”.", terms=saved.terms), "success")
    else:
        flash(_("Saved “%(terms)s”.", terms=saved.terms), "success")
    return redirect(url_for("matchmaking.synonyms"))


@require("vocabulary.manage")
def edit_synonym(group_id: int):
    """Change a synonym group."""
    group = db.get_or_404(SynonymGroup, group_id)
    form = SynonymForm(obj=group)
    return _save_synonyms(form, group) or render_template(
        "matchmaking/synonym_form.html", form=form, group=group
    )


@require("vocabulary.manage")
def delete_synonym(group_id: int):
    """Delete a synonym group after confirmation."""
    group = db.get_or_404(SynonymGroup, group_id)
    if request.method == "POST" and EmptyForm().validate_on_submit():
        deleted = services.delete_synonym_group(group)
        db.session.commit()
        if deleted:
            flash(_("Synonym group deleted."), "success")
        else:
            flash(_("This group comes with the glossary: it is switched off instead."), "info")
        return redirect(url_for("matchmaking.synonyms"))
    return render_template(
        "_confirm.html", title=_("Delete this synonym group?"),
        message=_("“%(terms)s” will no longer link keywords across languages.", terms=group.terms),
        action_url=url_for("matchmaking.delete_synonym", group_id=group.id),
        confirm_label=_("Delete"), cancel_url=url_for("matchmaking.synonyms"),
    )  # fmt: skip
