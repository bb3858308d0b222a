"""Webhook pages for managers: the list, a hook with its delivery log, the forms and buttons."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.extensions import db
from tracker.forms import EmptyForm, show_error
from tracker.models import Webhook, WebhookAttempt
from tracker.pagination import paginate, paginate_rows
from tracker.security import require
from tracker.webhooks import services
from tracker.webhooks.forms import WebhookCreateForm, WebhookForm

bp = Blueprint("webhooks", __name__, url_prefix="/admin/webhooks")


def _secret_message(hook: Webhook, secret: str) -> str:
    return _(
        "Secret of %(name)s: %(secret)s — it is shown only now; give it to the receiving system.",
        name=hook.name, secret=secret,
    )  # fmt: skip


@bp.route("/")
@require("webhook.manage")
def index():
    """Every hook, with its events and status."""
    return render_template("webhooks/index.html", page=paginate(services.list_webhooks()))


@bp.route("/new", methods=["GET", "POST"])
@require("webhook.manage")
def create():
    """Add a hook; a generated secret is shown once."""
    form = WebhookCreateForm()
    if form.validate_on_submit():
        try:
            hook, secret = services.create_webhook(**_values(form), secret=form.secret.data,
                                                   by=current_user)  # fmt: skip
        except services.WebhookError as error:
            show_error(form, error)
        else:
            db.session.commit()
            _say_created(hook, None if form.secret.data else secret)
            return redirect(url_for("webhooks.detail", webhook_id=hook.id))
    return render_template("webhooks/form.html", form=form, hook=None)


def _say_created(hook: Webhook, generated: str | None) -> None:
    """A generated secret is shown once; one the manager chose is not repeated."""
    if generated:
        flash(_secret_message(hook, generated), "warning")
    else:
        flash(_("Created the webhook %(name)s.", name=hook.name), "success")


def _values(form: WebhookForm) -> dict:
    """The form's values as the service's arguments."""
    return {"name": form.name.data, "url": form.url.data, "events": form.events.data,
            "active": form.active.data}  # fmt: skip


@bp.route("/<int:webhook_id>")
@require("webhook.manage")
def detail(webhook_id: int):
    """A hook, its buttons and its delivery log."""
    hook = db.get_or_404(Webhook, webhook_id)
    log = paginate_rows(services.attempts_of(hook))
    return render_template(
        "webhooks/detail.html", hook=hook, log=log, pending=services.pending_count(hook)
    )


@bp.route("/<int:webhook_id>/edit", methods=["GET", "POST"])
@require("webhook.manage")
def edit(webhook_id: int):
    """Change a hook's name, address, events and status."""
    hook = db.get_or_404(Webhook, webhook_id)
    form = WebhookForm(obj=hook, events=hook.event_list)
    if form.validate_on_submit():
        try:
            services.update_webhook(hook, **_values(form))
        except services.WebhookError as error:
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Saved the webhook %(name)s.", name=hook.name), "success")
            return redirect(url_for("webhooks.detail", webhook_id=hook.id))
    return render_template("webhooks/form.html", form=form, hook=hook)


@bp.route("/<int:webhook_id>/test", methods=["POST"])
@require("webhook.manage")
def send_test(webhook_id: int):
    """Send a ping to the hook now and say how it went."""
    hook = db.get_or_404(Webhook, webhook_id)
    if EmptyForm().validate_on_submit():
        tried = services.send_test_event(hook, current_user)
        if tried is not None and tried.ok:
            flash(_("The test event was delivered (HTTP %(code)s).", code=tried.status_code),
                  "success")  # fmt: skip
        else:
            flash(_("The test event was not delivered: %(error)s. It will be retried.",
                    error=_attempt_error(tried)), "danger")  # fmt: skip
    return redirect(url_for("webhooks.detail", webhook_id=hook.id))


def _attempt_error(tried: WebhookAttempt | None) -> str:
    return tried.error if tried is not None and tried.error else _("another worker is sending it")


@bp.route("/<int:webhook_id>/secret", methods=["POST"])
@require("webhook.manage")
def new_secret(webhook_id: int):
    """Replace the hook's secret with a generated one, shown once."""
    hook = db.get_or_404(Webhook, webhook_id)
    if EmptyForm().validate_on_submit():
        secret = services.replace_secret(hook)
        db.session.commit()
        flash(_secret_message(hook, secret), "warning")
    return redirect(url_for("webhooks.detail", webhook_id=hook.id))


@bp.route("/<int:webhook_id>/delete", methods=["POST"])
@require("webhook.manage")
def delete(webhook_id: int):
    """Delete a hook with its queue and log."""
    hook = db.get_or_404(Webhook, webhook_id)
    if not EmptyForm().validate_on_submit():
        return redirect(url_for("webhooks.detail", webhook_id=hook.id))
    services.delete_webhook(hook)
    db.session.commit()
    flash(_("Deleted the webhook %(name)s.", name=hook.name), "success")
    return redirect(url_for("webhooks.index"))
