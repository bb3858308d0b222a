"""Backup and restore: a restored backup holds every record it was taken with."""

from sqlalchemy import func, select

from tracker import datacache
from tracker.extensions import db
from tracker.models import AuditEntry, Organisation, Person


def _snapshot() -> dict:
    counts = {
        t.name: db.session.scalar(select(func.count()).select_from(t))
        for t in db.metadata.sorted_tables
    }
    return {
        "counts": counts,
        "people": sorted(db.session.execute(select(Person.email, Person.full_name)).all()),
        "organisations": sorted(db.session.scalars(select(Organisation.name))),
    }


def test_backup_then_restore_gives_back_every_record(runner, tmp_path):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    before = _snapshot()
    assert before["counts"]["person"] > 20
    target = tmp_path / "tracker.backup"
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    # Damage data after the backup: overwrite names, delete the audit trail.
    db.session.execute(Person.__table__.update().values(full_name="overwritten"))
    db.session.execute(AuditEntry.__table__.delete())
    db.session.commit()
    assert _snapshot() != before
    damaged = datacache.versions()
    result = runner.invoke(args=["restore", str(target), "--yes"])
    assert result.exit_code == 0, result.output
    db.session.remove()
    assert _snapshot() == before
    # The backup's counters are older: figures cached since then must not match them again.
    restored = datacache.versions()
    assert all(restored[scope] > damaged[scope] for scope in datacache.SCOPES)


def test_restore_asks_first_and_refuses_a_missing_file(runner, tmp_path):
    result = runner.invoke(args=["restore", str(tmp_path / "nothing")], input="n\n")
    assert result.exit_code != 0
    (tmp_path / "file").write_bytes(b"x")
    result = runner.invoke(args=["restore", str(tmp_path / "file")], input="n\n")
    assert result.exit_code != 0
    assert "Aborted" in result.output
