"""Managing the vocabularies: topics, key industries, need categories, lost reasons and origin
regions."""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from tracker.deletion import DeletePage, confirm_delete
from tracker.extensions import db
from tracker.security import require
from tracker.versioning import saving
from tracker.vocabularies import services
from tracker.vocabularies.forms import TermForm, form_class

bp = Blueprint("vocabularies", __name__, url_prefix="/vocabularies")

# Page titles per vocabulary, as whole sentences so translators can inflect them.
NEW_TITLES = {
    "topics": _l("New topic"),
    "industries": _l("New key industry"),
    "categories": _l("New need category"),
    "lost-reasons": _l("New lost reason"),
    "regions": _l("New origin region"),
}
EDIT_TITLES = {
    "topics": _l("Edit topic"),
    "industries": _l("Edit key industry"),
    "categories": _l("Edit need category"),
    "lost-reasons": _l("Edit lost reason"),
    "regions": _l("Edit origin region"),
}


def _model_or_404(kind: str) -> type[services.Term]:
    model = services.vocabulary_model(kind)
    if model is None:
        abort(404)
    return model


def _form_values(form: TermForm) -> dict:
    values = {
        "name": form.name.data,
        "name_de": form.name_de.data,
        "name_zh": form.name_zh.data,
        "position": form.position.data or 0,
        "active": form.active.data,
    }
    for extra in ("needs_text", "country"):  # a lost reason's, a region's
        if extra in form:
            values[extra] = form[extra].data
    return values


@bp.route("/")
@require("vocabulary.manage")
def index():
    """Every vocabulary, each term with how many records use it."""
    rows = {kind: services.list_terms(model) for kind, model in services.VOCABULARIES.items()}
    return render_template("vocabularies/index.html", rows=rows)


@bp.route("/<kind>/new", methods=["GET", "POST"])
@require("vocabulary.manage")
def create(kind: str):
    """Add a term."""
    model = _model_or_404(kind)
    form = form_class(model)(model=model)
    if form.validate_on_submit():
        term = services.create_term(model, **_form_values(form))
        db.session.commit()
        flash(_("Added “%(name)s”.", name=term.name), "success")
        return redirect(url_for("vocabularies.index", _anchor=kind))
    return render_template(
        "vocabularies/form.html", form=form, kind=kind, term=None, title=NEW_TITLES[kind]
    )


@bp.route("/<kind>/<int:term_id>/edit", methods=["GET", "POST"])
@require("vocabulary.manage")
def edit(kind: str, term_id: int):
    """Rename, translate, reorder or deactivate a term."""
    term = db.get_or_404(_model_or_404(kind), term_id)
    form = form_class(type(term))(obj=term, model=type(term), term_id=term.id)
    if form.validate_on_submit():
        with saving(term, form, "vocabularies/form.html", partial(_current, kind, term_id)):
            services.update_term(term, **_form_values(form))
        flash(_("Saved “%(name)s”.", name=term.name), "success")
        return redirect(url_for("vocabularies.index", _anchor=kind))
    return render_template(
        "vocabularies/form.html", form=form, kind=kind, term=term, title=EDIT_TITLES[kind]
    )


def _current(kind: str, term_id: int) -> tuple[TermForm, dict]:
    """The term as it is now, for the conflict page."""
    current = db.get_or_404(_model_or_404(kind), term_id)
    saved = form_class(type(current))(
        formdata=None, obj=current, model=type(current), term_id=current.id
    )
    return saved, {"kind": kind, "term": current, "title": EDIT_TITLES[kind]}


@bp.route("/<kind>/<int:term_id>/delete", methods=["GET", "POST"])
@require("vocabulary.manage")
def delete(kind: str, term_id: int):
    """Confirm, then delete an unused term; a used one can only be deactivated."""
    term = db.get_or_404(_model_or_404(kind), term_id)
    page = DeletePage(
        title=_("Delete “%(name)s”?", name=term.name),
        message=_("No record uses it. Deleting it cannot be undone."),
        confirm_label=_("Delete"),
        cancel_url=url_for("vocabularies.edit", kind=kind, term_id=term.id),
        done=_("Deleted “%(name)s”.", name=term.name),
        done_url=url_for("vocabularies.index", _anchor=kind),
    )
    return confirm_delete(page, partial(services.delete_term, term), _refusal(term))


def _refusal(term) -> str | None:
    """Why a used term stays (deactivating it is the way out), or None when it is unused."""
    if not (used := services.usage_count(term)):
        return None
    return ngettext(
        "“%(name)s” is used by %(num)d record and cannot be deleted. Deactivate it "
        "instead: existing records keep it, forms no longer offer it.",
        "“%(name)s” is used by %(num)d records and cannot be deleted. Deactivate it "
        "instead: existing records keep it, forms no longer offer it.",
        used,
        name=term.name,
    )
