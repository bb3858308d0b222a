"""flask import-members: the member-list import from the shell, through the same services."""

import json
import logging
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from tracker.extensions import db
from tracker.imports.commit import import_members
from tracker.imports.fields import guess_mapping
from tracker.imports.lookups import DelegationGone
from tracker.imports.parsing import ImportFileError, read_table
from tracker.imports.planning import build_plan
from tracker.security import log_security_event


@click.command("import-members")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--delegation", "delegation_id", type=int, required=True, help="Delegation id.")
@click.option("--sheet", default=None, help="Excel: the sheet to read (default: the first).")
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@with_appcontext
def import_members_command(
    path: Path, delegation_id: int, sheet: str | None, dry_run: bool, as_json: bool
) -> None:
    """Import a delegation's member list (CSV or XLSX) with the guessed column mapping."""
    config = current_app.config
    data = path.read_bytes()
    try:
        if len(data) > config["IMPORT_MAX_BYTES"]:
            raise ImportFileError(f"The file is larger than {config['IMPORT_MAX_BYTES']} bytes.")
        table = read_table(data, path.name, sheet, max_rows=config["IMPORT_MAX_ROWS"])
    except ImportFileError as error:
        raise click.ClickException(f"{path.name}: {error}") from error
    fields = guess_mapping(table.headers)
    try:
        if dry_run:
            summary = build_plan(table, fields, delegation_id).summary()
            db.session.rollback()
        else:
            record = import_members(table, fields, delegation_id, None, file_name=path.name)
            record.mapping = {"headers": table.headers, "fields": fields}
            summary = dict(record.counts)
            db.session.commit()
            log_security_event(
                "member list imported", logging.INFO, file=path.name, delegation=str(delegation_id)
            )
    except DelegationGone as error:
        raise click.ClickException(f"No delegation with id {delegation_id}.") from error
    summary["dry_run"] = dry_run
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    verb = "Would import" if dry_run else "Imported"
    click.echo(
        f"{verb} {path.name}: {summary['people_created']} people created, "
        f"{summary['people_matched']} matched, {summary['organisations_created']} organisations "
        f"created, {summary['organisations_matched']} matched, {summary['needs_created']} needs, "
        f"{summary['rows_skipped']} rows skipped, {len(summary['rows_failed'])} failed."
    )
    for failed in summary["rows_failed"]:
        click.echo(f"  row {failed['row']}: {failed['reason']}", err=True)
