"""Purging: only records deleted longer ago than the retention go, and only by the command."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from tracker.deleted.services import purge_deleted
from tracker.extensions import db
from tracker.models import (
    AuditEntry,
    Delegation,
    FollowUp,
    Match,
    Need,
    Organisation,
    Person,
    StageChange,
    Talk,
    utcnow,
)
from tracker.softdelete import mark_deleted, with_deleted

MODELS = (Delegation, Organisation, Person, Need, FollowUp, Match, Talk)


def _all(model) -> int:
    """Rows of model, deleted or not."""
    return db.session.scalar(with_deleted(select(func.count(model.id))))


def _deleted_days_ago(records, days: int, by=None) -> None:
    mark_deleted(records, getattr(by, "id", None), utcnow() - timedelta(days=days))
    db.session.commit()


@pytest.fixture
def world(make):
    """One record of every kind, the need with its parts; nothing deleted yet."""
    user = make.user()
    organisation = make.organisation(name="Purge AG")
    need = make.need(make.organisation())
    parts = [
        make.followup(user, need=need),
        make.match(need, make.local_partner()),
        make.talk(need, datetime(2027, 1, 10, 2)),
    ]
    db.session.add(StageChange(need=need, to_stage=need.stage))
    records = {
        "delegation": make.delegation(),
        "organisation": organisation,
        "person": make.person(),
        "need": need,
    }
    db.session.commit()
    return user, records, parts


def test_purge_respects_retention(app, world):
    user, records, parts = world
    _deleted_days_ago([records["need"], *parts], 31, user)
    _deleted_days_ago([records["person"], records["delegation"]], 29, user)
    result = purge_deleted(30)
    db.session.commit()
    assert result.purged == {"instalment": 0, "obligation": 0, "agreement": 0, "project": 0,
                             "followup": 1, "talk": 1, "match": 1, "need": 1, "meeting": 0,
                             "person": 0, "delegation": 0, "organisation": 0}  # fmt: skip
    assert (_all(Need), _all(FollowUp), _all(Match), _all(Talk)) == (0, 0, 0, 0)
    assert db.session.scalar(select(func.count(StageChange.id))) == 0  # its history goes too
    assert (_all(Person), _all(Delegation)) == (1, 1)  # deleted, but not long enough ago
    assert _all(Organisation) == 3  # never deleted
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "delete"))
    purged = {e.entity for e in entries if "purged" in e.changes}
    assert purged == {"need", "followup", "match", "talk"}


def test_dry_run_changes_nothing(app, world):
    user, records, parts = world
    _deleted_days_ago(list(records.values()) + parts, 40, user)
    result = purge_deleted(30, dry_run=True)
    db.session.rollback()
    assert result.total == 7
    assert [_all(m) for m in MODELS] == [1, 3, 1, 1, 1, 1, 1]


def test_record_still_referred_to_is_kept(app, make, world):
    user, records, _parts = world
    organisation = records["organisation"]
    person = make.person(organisation=organisation)
    db.session.commit()
    _deleted_days_ago([organisation], 40, user)  # as if deleted before the person joined
    result = purge_deleted(30)
    db.session.commit()
    assert result.kept == 1 and result.total == 0
    assert _all(Organisation) == 3 and person.organisation_id == organisation.id


def test_purged_user_reference_is_set_null(app, make):
    """Deleting the user who deleted something keeps the deleted record."""
    user = make.user()
    need = make.need()
    db.session.commit()
    _deleted_days_ago([need], 1, user)
    db.session.delete(user)
    db.session.commit()
    db.session.expire_all()
    assert need.deleted_by_id is None and need.deleted_at is not None


@pytest.mark.parametrize(("days", "args", "left"), [(40, [], 0), (40, ["--dry-run"], 1),
                                                     (10, [], 1)])  # fmt: skip
def test_command(app, runner, make, days, args, left):
    need = make.need()
    db.session.commit()
    _deleted_days_ago([need], days)
    result = runner.invoke(args=["purge-deleted", *args])
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert ("Would purge" if args else "Purged") in result.output
    db.session.expire_all()
    assert _all(Need) == left


def test_retention_comes_from_config(app, runner, make):
    app.config["DELETED_RETENTION_DAYS"] = 5
    need = make.need()
    db.session.commit()
    _deleted_days_ago([need], 6)
    assert "Purged 1 records" in runner.invoke(args=["purge-deleted"]).output
    assert _all(Need) == 0
