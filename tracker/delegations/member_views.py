"""Who took part: members (existing or new people) and organisations without named people.

Registered on the delegations blueprint in views.py, where the whole URL map is listed.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.delegations import services
from tracker.delegations.forms import MemberForm, OrganisationPickForm
from tracker.extensions import db
from tracker.models import Delegation, Organisation, Person
from tracker.organisations.services import find_duplicates
from tracker.security import get_visible_or_404, require


def _back(delegation: Delegation):
    return redirect(url_for("delegations.detail", delegation_id=delegation.id))


@require("record.edit")
def add_member(delegation_id: int):
    """Add a person; a new organisation name first passes the duplicate guard."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    form = MemberForm()
    response, duplicates = _add(form, delegation) if form.validate_on_submit() else (None, [])
    return response or render_template(
        "delegations/add_member.html", form=form, delegation=delegation, duplicates=duplicates
    )


def _add(form: MemberForm, delegation: Delegation):
    """Add the form's person: (redirect, or None to show the form again, duplicates)."""
    if form.new_organisation.data and not form.create_anyway.data:
        duplicates = find_duplicates(form.new_organisation.data)
        # Offered in the organisation picker, so they can be picked even without JavaScript.
        form.organisation_id.choices = [(o.id, o.name) for o in duplicates] or None
        if duplicates:
            return None, duplicates
    try:
        member = services.add_member(delegation, _person(form, delegation), form.role.data)
    except services.AlreadyMember:
        form.person_id.errors.append(_("This person is already a member."))
        return None, []
    db.session.commit()
    flash(_("%(name)s added.", name=member.person.full_name), "success")
    return _back(delegation), []


def _person(form: MemberForm, delegation: Delegation) -> Person:
    """The picked person, or a new one created from the form's details."""
    picked = form.person_id.data
    person = get_visible_or_404(Person, picked) if picked is not None else None
    new = services.NewPerson.from_member_form(form.data)
    return services.person_to_enrol(person, new, delegation.origin_country, current_user)


@require("record.edit")
def remove_member(delegation_id: int, member_id: int):
    """Take a person off the member list; the person stays in the tracker."""
    delegation = get_visible_or_404(Delegation, delegation_id)
    member = services.remove_member(delegation, member_id) or abort(404)
    name = member.person.full_name
    db.session.commit()
    flash(_("%(name)s removed from the delegation.", name=name), "success")
    return _back(delegation)


@require("record.edit")
def add_organisation(delegation_id: int):
    """Record an organisation that took part without named people."""
    delegation = services.load_delegation(delegation_id, Delegation.extra_organisations)
    delegation = delegation or abort(404)
    form = OrganisationPickForm()
    if not form.validate_on_submit():
        flash(_("Pick an organisation to add."), "danger")
        return _back(delegation)
    organisation = get_visible_or_404(Organisation, form.organisation_id.data)
    if services.add_extra_organisation(delegation, organisation):
        db.session.commit()
        flash(_("%(name)s added.", name=organisation.name), "success")
    else:
        flash(_("%(name)s is already listed.", name=organisation.name), "info")
    return _back(delegation)


@require("record.edit")
def remove_organisation(delegation_id: int, organisation_id: int):
    """Forget an organisation that took part without named people."""
    delegation = services.load_delegation(delegation_id, Delegation.extra_organisations)
    delegation = delegation or abort(404)
    if not services.remove_extra_organisation(delegation, organisation_id):
        abort(404)
    db.session.commit()
    flash(_("Organisation removed from the delegation."), "success")
    return _back(delegation)
