"""flask import-members."""

import json

import pytest

from tests.imports.files import german_list, xlsx
from tests.imports.helpers import totals
from tracker.extensions import db

KEYS = {
    "people_created", "people_matched", "organisations_created", "organisations_matched",
    "needs_created", "rows_skipped", "rows_failed",
}  # fmt: skip


@pytest.fixture
def listing(tmp_path):
    path = tmp_path / "Teilnehmer.xlsx"
    path.write_bytes(xlsx(german_list().rows))
    return path


def test_json_summary(runner, listing, delegation):
    result = runner.invoke(
        args=["import-members", str(listing), "--delegation", str(delegation.id), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary.keys() >= KEYS
    assert summary["people_created"] == 27
    assert summary["organisations_created"] == 10
    assert summary["rows_skipped"] == 2
    assert summary["rows_failed"] == [{"row": german_list().no_name_row, "reason": "No name."}]
    assert totals()["Person"] == 27
    assert totals()["ImportRecord"] == 1


def test_dry_run_writes_nothing(runner, listing, delegation):
    before = totals()
    args = [
        "import-members",
        str(listing),
        "--delegation",
        str(delegation.id),
        "--dry-run",
        "--json",
    ]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["people_created"] == 27
    db.session.rollback()
    assert totals() == before


def test_second_run_creates_nothing(runner, listing, delegation):
    args = ["import-members", str(listing), "--delegation", str(delegation.id)]
    runner.invoke(args=args)
    result = runner.invoke(args=[*args, "--json"])
    summary = json.loads(result.output)
    assert (summary["people_created"], summary["people_matched"]) == (0, 27)
    assert summary["organisations_created"] == 0


def test_plain_output_is_one_line_plus_failures(runner, listing, delegation):
    result = runner.invoke(
        args=["import-members", str(listing), "--delegation", str(delegation.id)]
    )
    assert "Imported Teilnehmer.xlsx: 27 people created" in result.output


def test_chosen_sheet(runner, tmp_path, delegation):
    path = tmp_path / "l.xlsx"
    path.write_bytes(xlsx([["Titel"]], extra_sheets={"Gäste": [["Name"], ["Jan"]]}))
    result = runner.invoke(
        args=[
            "import-members",
            str(path),
            "--delegation",
            str(delegation.id),
            "--sheet",
            "Gäste",
            "--json",
        ]
    )
    assert json.loads(result.output)["people_created"] == 1


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary" * 100, b"PK\x03\x04cut"])
def test_unreadable_file_exits_non_zero(runner, tmp_path, delegation, content):
    path = tmp_path / "l.xlsx"
    path.write_bytes(content)
    result = runner.invoke(args=["import-members", str(path), "--delegation", str(delegation.id)])
    assert result.exit_code != 0
    assert totals()["ImportRecord"] == 0


def test_missing_file_and_unknown_delegation_exit_non_zero(runner, listing, tmp_path):
    assert (
        runner.invoke(
            args=["import-members", str(tmp_path / "nope.csv"), "--delegation", "1"]
        ).exit_code
        != 0
    )
    result = runner.invoke(args=["import-members", str(listing), "--delegation", "999"])
    assert result.exit_code != 0
    assert "No delegation with id 999" in result.output
