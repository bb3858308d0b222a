"""`flask deliver-webhooks`: send the queued deliveries, once or in a loop."""

import time

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.extensions import db
from tracker.webhooks.delivery import deliver_due


@click.command("deliver-webhooks")
@click.option("--loop", is_flag=True, help="Keep polling the queue until stopped (Ctrl+C).")
@click.option(
    "--interval", type=click.IntRange(1, 3600), default=None,
    help="Seconds between passes with --loop (default: WEBHOOK_POLL_SECONDS).",
)  # fmt: skip
@with_appcontext
def deliver_webhooks_command(loop: bool, interval: int | None) -> None:
    """Send the webhook deliveries that are due; with --loop, keep doing so until stopped."""
    pause = interval or current_app.config["WEBHOOK_POLL_SECONDS"]
    while True:
        done = deliver_due()
        db.session.remove()
        if not loop or done.delivered or done.retrying or done.failed:
            click.echo(
                f"Delivered {done.delivered}, to retry {done.retrying}, failed {done.failed}."
            )
        if not loop:
            return
        time.sleep(pause)
