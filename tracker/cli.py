"""Flask commands: create-user, create-token, seed-demo and the upkeep ones."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from tracker.admin.services import UserError
from tracker.admin.services import create_user as create
from tracker.backup import BackupError, backup, restore
from tracker.deleted.services import purge_deleted
from tracker.demo import create_demo_admin, seed
from tracker.extensions import db
from tracker.followups.reminders import send_reminders
from tracker.imports.cli import import_members_command
from tracker.matchmaking.glossary import seed_glossary
from tracker.models import Role, TokenScope, User
from tracker.projects.reminders import remind_obligations_command
from tracker.tokens import issue_token
from tracker.webhooks.cli import deliver_webhooks_command


@click.command("create-user")
@click.option("--email", required=True, help="Login e-mail address.")
@click.option("--name", "display_name", required=True, help="Name shown in the app.")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.STAFF.value,
    show_default=True,
)
@with_appcontext
def create_user(email: str, display_name: str, role: str) -> None:
    """Create a user; the password is prompted for twice, or read from standard input in scripts."""

    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = create(email=email, display_name=display_name, role=Role(role), password=password)
    except UserError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.role.value} {user.email} (id {user.id}).")


@click.command("create-token")
@click.option("--email", required=True, help="The user the token acts as.")
@click.option("--name", required=True, help="What the token is for (shown in the history).")
@click.option("--scope", type=click.Choice([s.value for s in TokenScope]), default="read",
              show_default=True)  # fmt: skip
@with_appcontext
def create_token(email: str, name: str, scope: str) -> None:
    """Create an API token for a user and print it, this once (for scripts and set-up)."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None or not user.active:
        raise click.ClickException(f"No active user with the e-mail address {email}.")
    if not name.strip() or len(name.strip()) > 100:
        raise click.ClickException("Give the token a name of 1 to 100 characters.")
    token, secret = issue_token(user, name, TokenScope(scope))
    db.session.commit()
    click.echo(secret)
    click.echo(f"Created {scope} token “{token.name}” for {user.email}; it is not shown again.",
               err=True)  # fmt: skip


@click.command("seed-demo")
@click.option(
    "--first-run",
    is_flag=True,
    help="Only when the database has no users yet: seed, and create a demo admin.",
)
@click.option(
    "--url",
    default="http://127.0.0.1:5000",
    show_default=True,
    help="Where the app will be served, for the login message (make run passes its port).",
)
@with_appcontext
def seed_demo(first_run: bool, url: str) -> None:
    """Load the demo: a commission's year of delegations, needs and talks; reruns add nothing."""
    if first_run and db.session.scalar(select(User.id).limit(1)) is not None:
        click.echo("Existing data kept. Log in with your account (see README to add users).")
        return
    credentials = create_demo_admin() if first_run else None
    summary = seed()
    db.session.commit()
    click.echo(f"Demo data: {summary}.")
    if credentials:
        email, password = credentials
        click.secho(f"\nA demo admin was created. Log in at {url} with", bold=True)
        click.secho(f"    e-mail:   {email}\n    password: {password}", bold=True, fg="green")
        click.echo("This password is shown only now; change it or create your own users.")
        click.echo(
            "Admins and managers use two-step login: after the password, scan the QR code with\n"
            "an authenticator app (or type its key) and enter the code it shows.\n"
        )


@click.command("seed-glossary")
@with_appcontext
def seed_glossary_command() -> None:
    """Add the shipped glossary's concepts the synonym list lacks; edited groups are kept."""
    added = seed_glossary()
    db.session.commit()
    click.echo(f"Glossary: {added} concept groups added to the synonym list.")


@contextmanager
def _backup_errors() -> Iterator[None]:
    """A failed backup or restore ends the command with its reason, not a traceback."""
    try:
        yield
    except BackupError as error:
        raise click.ClickException(str(error)) from error


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """Write a consistent backup of the database to PATH (the app may keep running)."""
    with _backup_errors():
        backup(path)
    click.echo(f"Backed up the database to {path} ({path.stat().st_size:,} bytes).")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(path: Path, yes: bool) -> None:
    """Replace ALL data in the database with the backup at PATH."""
    if not yes:
        click.confirm("This replaces every record in the database. Continue?", abort=True)
    with _backup_errors():
        restore(path)
    click.echo(f"Restored the database from {path}.")


@click.command("purge-deleted")
@click.option("--dry-run", is_flag=True, help="Only count what would be purged.")
@with_appcontext
def purge_deleted_command(dry_run: bool) -> None:
    """Remove for good the records deleted more than DELETED_RETENTION_DAYS ago."""

    days = current_app.config["DELETED_RETENTION_DAYS"]
    result = purge_deleted(days, dry_run=dry_run)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    details = ", ".join(f"{n} {key}" for key, n in result.purged.items() if n) or "nothing"
    verb = "Would purge" if dry_run else "Purged"
    kept = f"; kept {result.kept} still referred to" if result.kept else ""
    click.echo(f"{verb} {result.total} records deleted over {days} days ago ({details}){kept}.")


commands = [
    create_user,
    create_token,
    seed_demo,
    seed_glossary_command,
    send_reminders,
    remind_obligations_command,
    import_members_command,
    backup_command,
    restore_command,
    purge_deleted_command,
    deliver_webhooks_command,
]
