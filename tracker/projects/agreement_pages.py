"""What the agreements register's views share: their forms filled and set up, the saves from a
validated form, the conflict page's current values, and the document's download."""

from collections.abc import Mapping

from flask import abort, current_app, send_file, url_for
from flask_login import current_user

from tracker.i18n import local_today
from tracker.models import Agreement, Obligation, Project
from tracker.projects import agreements, documents, obligations
from tracker.projects.agreement_forms import AgreementForm, ObligationFilterForm, ObligationForm
from tracker.security import get_visible_or_404

PROJECT_PAGE = "projects.detail"  # the project's page (tracker.projects.views)
# A stored document is a download; should a browser show it anyway, it runs nothing.
DOCUMENT_POLICY = {"default-src": "'none'", "sandbox": ""}


def project_url(project_id: int) -> str:
    """The project's page (templates link back to it)."""
    return url_for(PROJECT_PAGE, project_id=project_id)


def agreement_form(agreement: Agreement | None, **form_args) -> AgreementForm:
    """The agreement's form with today and the document limit set."""
    form = AgreementForm(obj=agreement, **form_args)
    form.today = local_today()
    form.document_limit = current_app.config["AGREEMENT_DOCUMENT_MAX_BYTES"]
    return form


def save(form: AgreementForm, agreement: Agreement | None, project: Project) -> Agreement:
    """Save the validated form (its upload read by the form's check)."""
    return agreements.save_agreement(
        agreement, project, form.data_for_service(), current_user._get_current_object(),
        today=form.today, upload=form.upload, remove_document=form.remove_document.data,
        document_limit=form.document_limit,
    )  # fmt: skip


def current_agreement(agreement_id: int) -> tuple[AgreementForm, dict]:
    """The agreement as it is now, for the conflict page."""
    agreement = get_visible_or_404(Agreement, agreement_id)
    project = obligations.project_of(agreement)
    return agreement_form(agreement, formdata=None), {"agreement": agreement, "project": project}


def send_document(agreement: Agreement):
    """The stored document as a download of its own type, never run as a page."""
    path = documents.path_of(agreement.document_sha256)
    if not path.is_file():
        abort(404)
    response = send_file(
        path, mimetype=agreement.document_type, as_attachment=True,
        download_name=agreement.document_name or "document", max_age=0,
    )  # fmt: skip
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def obligation_form(
    obligation: Obligation | None, agreement: Agreement, **form_args
) -> ObligationForm:
    """The obligation's form: active colleagues (and the stored owner) to choose from; a new
    one's owner the project's."""
    form = ObligationForm(obj=obligation, **form_args)
    choices = obligations.owner_choices()
    stored = obligation.owner if obligation is not None else None
    if stored is not None and stored.id not in {value for value, _label in choices}:
        choices.append((stored.id, stored.display_name))
    form.owner_id.choices = [("", "—"), *choices]
    if obligation is None and not form.is_submitted():
        form.owner_id.data = obligations.project_of(agreement).owner_id
    return form


def save_obligation(
    form: ObligationForm, obligation: Obligation | None, agreement: Agreement
) -> Obligation:
    """Save the validated form."""
    return obligations.save_obligation(
        obligation, agreement, form.data_for_service(), current_user._get_current_object(),
        local_today(),
    )  # fmt: skip


def current_obligation(obligation_id: int) -> tuple[ObligationForm, dict]:
    """The obligation as it is now, for the conflict page."""
    obligation = get_visible_or_404(Obligation, obligation_id)
    agreement = get_visible_or_404(Agreement, obligation.agreement_id)
    form = obligation_form(obligation, agreement, formdata=None)
    return form, {"agreement": agreement, "obligation": obligation}


def filter_form(args: Mapping[str, str]) -> ObligationFilterForm:
    """The list's filters as the query string set them."""
    form = ObligationFilterForm(formdata=args)
    form.owner.choices = [("", "—"), *obligations.owner_choices()]
    return form
