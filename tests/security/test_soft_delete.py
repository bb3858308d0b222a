"""Soft delete: a deleted record vanishes from lists, search, pages and counts until restored."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.main.services import dashboard_counts
from tracker.models import AuditEntry, FollowUp, Need
from tracker.needs.services import NeedFilters
from tracker.reports.figures import funnel
from tracker.softdelete import soft_delete, with_deleted

MARK = "Zephyrwerk"


def _delegation(make, user):
    record = make.delegation(title=f"{MARK} visit")
    return record, "/delegations/", f"/delegations/{record.id}"


def _organisation(make, user):
    record = make.organisation(name=f"{MARK} GmbH")
    return record, "/organisations/", f"/organisations/{record.id}"


def _person(make, user):
    record = make.person(full_name=f"Zelda {MARK}")
    return record, "/people/", f"/people/{record.id}"


def _meeting(make, user):
    delegation = make.delegation()
    record = make.meeting(delegation, title=f"{MARK} lunch", minutes="Agreed.")
    page = f"/delegations/{delegation.id}"
    return record, page, f"{page}/meetings/{record.id}/edit"


def _need(make, user):
    record = make.need(title=f"{MARK} hall")
    return record, "/needs/", f"/needs/{record.id}"


def _followup(make, user):
    record = make.followup(user, title=f"Call {MARK}", organisation=make.organisation())
    return record, "/followups/", f"/followups/{record.id}"


def _match(make, user):
    need = make.need(title="Plain need")
    partner = make.local_partner(name=f"{MARK} park")
    record = make.match(need, partner, reasons=f"{MARK} keyword")
    return record, "/matchmaking/matches/export.csv", None


def _talk(make, user):
    record = make.talk(make.need(), datetime(2027, 1, 10, 2), title=f"{MARK} talk")
    return record, "/talks/?when=all", f"/talks/{record.id}"


BUILDERS = {
    "delegation": _delegation,
    "organisation": _organisation,
    "person": _person,
    "meeting": _meeting,
    "need": _need,
    "followup": _followup,
    "match": _match,
    "talk": _talk,
}
SEARCHED = ("delegation", "organisation", "person")


@pytest.fixture
def manager(login):
    return login("manager")


@pytest.mark.parametrize("kind", BUILDERS)
def test_deleted_record_vanishes_and_restore_brings_it_back(client, make, manager, kind):
    record, list_url, detail_url = BUILDERS[kind](make, manager)
    db.session.commit()
    before = {c: getattr(record, c.key) for c in type(record).__table__.columns}
    assert MARK in client.get(list_url).text
    if detail_url:
        assert client.get(detail_url).status_code == 200
    if kind in SEARCHED:
        assert MARK in client.get("/search?q=zephyrwer").text

    soft_delete(record, manager.id)
    db.session.commit()
    assert MARK not in client.get(list_url).text
    if detail_url:
        assert client.get(detail_url).status_code == 404
    if kind in SEARCHED:
        assert MARK not in client.get("/search?q=zephyrwer").text
    page = client.get("/deleted/")
    assert MARK in page.text and manager.display_name in page.text

    url = f"/deleted/{kind}/{record.id}/restore"
    assert "Restore" in client.get(url).text
    response = client.post(url, follow_redirects=True)
    assert "restored." in response.text
    assert MARK in client.get(list_url).text
    if detail_url:
        assert client.get(detail_url).status_code == 200
    db.session.expire_all()
    after = {c: getattr(record, c.key) for c in type(record).__table__.columns}
    changed = {c.key for c in before if before[c] != after[c]} - {"updated_at", "version"}
    assert changed == set()


@pytest.mark.parametrize("kind", BUILDERS)
def test_delete_and_restore_are_audited(client, make, manager, kind):
    record, _list, _detail = BUILDERS[kind](make, manager)
    db.session.commit()
    soft_delete(record, manager.id)
    db.session.commit()
    client.post(f"/deleted/{kind}/{record.id}/restore")
    actions = db.session.scalars(
        select(AuditEntry.action)
        .where(AuditEntry.entity == type(record).__tablename__, AuditEntry.entity_id == record.id)
        .order_by(AuditEntry.id)
    ).all()
    assert actions[-2:] == ["delete", "restore"]


def test_counts_boards_and_reports_leave_deleted_records_out(client, make, manager):
    organisation = make.organisation(name=f"{MARK} GmbH")
    need = make.need(organisation, title=f"{MARK} hall")
    db.session.commit()
    assert dashboard_counts()["visiting"] == 1
    assert sum(bar.value for bar in funnel(NeedFilters())) == 1
    assert MARK in client.get("/needs/board").text
    assert MARK in client.get("/needs/export.csv").text
    soft_delete(need, manager.id)
    soft_delete(organisation, manager.id)
    db.session.commit()
    assert dashboard_counts()["visiting"] == 0
    assert sum(bar.value for bar in funnel(NeedFilters())) == 0
    assert MARK not in client.get("/needs/board").text
    assert MARK not in client.get("/needs/export.csv").text
    assert MARK not in client.get("/organisations/export.csv").text
    assert client.get("/reports/pipeline").status_code == 200
    assert db.session.scalar(select(func.count(Need.id))) == 0
    assert db.session.scalar(with_deleted(select(func.count(Need.id)))) == 1


def test_relationship_loads_leave_deleted_followups_out(make, manager):
    need = make.need()
    make.followup(manager, need=need, title="kept", due_date=date(2026, 12, 1))
    gone = make.followup(manager, need=need, title="gone", due_date=date(2026, 1, 1))
    db.session.commit()
    soft_delete(gone, manager.id)
    db.session.commit()
    db.session.expunge_all()
    loaded = db.session.scalars(select(Need)).one()
    assert [f.title for f in db.session.scalars(select(FollowUp))] == ["kept"]
    assert loaded.next_followup_due == date(2026, 12, 1)  # the deleted one's date is earlier
    db.session.expunge_all()
    loaded = db.session.scalars(select(Need).options(selectinload(Need.followups))).one()
    assert [f.title for f in loaded.followups] == ["kept"]


def test_deleting_a_need_takes_its_parts_and_restoring_brings_them_back(client, make, manager):
    need = make.need(title=f"{MARK} hall")
    followup = make.followup(manager, need=need)
    earlier = make.followup(manager, need=need, title="Deleted before")
    match = make.match(need, make.local_partner())
    talk = make.talk(need, datetime(2027, 1, 10, 2))
    db.session.commit()
    soft_delete(earlier, manager.id)
    db.session.commit()
    assert client.post(f"/needs/{need.id}/delete").status_code == 302
    db.session.expire_all()
    assert all(r.deleted_at == need.deleted_at for r in (followup, match, talk))
    assert client.get(f"/followups/{followup.id}").status_code == 404
    client.post(f"/deleted/need/{need.id}/restore")
    db.session.expire_all()
    assert [r.deleted_at for r in (need, followup, match, talk)] == [None] * 4
    assert earlier.deleted_at is not None  # deleted on its own, so it stays deleted


def test_restore_waits_for_what_it_belongs_to(client, make, manager):
    organisation = make.organisation(name="Parent AG")
    person = make.person(full_name=f"Zelda {MARK}", organisation=organisation)
    db.session.commit()
    assert client.post(f"/people/{person.id}/delete").status_code == 302
    assert client.post(f"/organisations/{organisation.id}/delete").status_code == 302
    response = client.post(f"/deleted/person/{person.id}/restore", follow_redirects=True)
    assert "cannot be restored" in response.text and "Parent AG" in response.text
    db.session.expire_all()
    assert person.deleted_at is not None


def test_organisation_with_live_people_still_cannot_be_deleted(client, make, manager):
    organisation = make.organisation(name="Busy AG")
    make.person(organisation=organisation)
    db.session.commit()
    response = client.post(f"/organisations/{organisation.id}/delete", follow_redirects=True)
    assert "cannot be deleted" in response.text
    db.session.expire_all()
    assert organisation.deleted_at is None


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", "/deleted/"), ("get", "/deleted/need/{id}/restore"),
     ("post", "/deleted/need/{id}/restore")],
)  # fmt: skip
def test_staff_cannot_see_or_restore(client, login, make, method, url):
    staff = login("staff")
    need = make.need()
    db.session.commit()
    soft_delete(need, staff.id)
    db.session.commit()
    assert getattr(client, method)(url.format(id=need.id)).status_code == 403
    db.session.expire_all()
    assert need.deleted_at is not None
    assert "/deleted/" not in client.get("/").text


@pytest.mark.parametrize("url", ["/deleted/need/999/restore", "/deleted/nonsense/1/restore"])
def test_restoring_what_is_not_deleted_is_404(client, make, manager, url):
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_restoring_a_live_record_is_404(client, make, manager):
    need = make.need()
    db.session.commit()
    assert client.post(f"/deleted/need/{need.id}/restore").status_code == 404


def test_empty_deleted_page(client, manager):
    assert "Nothing has been deleted." in client.get("/deleted/").text


def test_deleted_records_leave_the_choices(client, make, manager):
    organisation = make.organisation(name=f"{MARK} GmbH")
    delegation = make.delegation(title=f"{MARK} visit")
    db.session.commit()
    assert MARK in client.get("/people/new").text
    assert MARK in client.get("/needs/new").text
    soft_delete(organisation, manager.id)
    soft_delete(delegation, manager.id)
    db.session.commit()
    assert MARK not in client.get("/people/new").text
    assert MARK not in client.get("/needs/new").text


def test_managers_find_deleted_items_in_the_menu(client, manager):
    assert 'href="/deleted/"' in client.get("/").text


def test_restore_without_csrf_token_is_refused(app, client, make, manager):
    need = make.need()
    db.session.commit()
    soft_delete(need, manager.id)
    db.session.commit()
    app.config["WTF_CSRF_ENABLED"] = True  # after the login fixture, which posts without one
    assert client.post(f"/deleted/need/{need.id}/restore").status_code == 400
    db.session.expire_all()
    assert need.deleted_at is not None
    assert 'name="csrf_token"' in client.get(f"/deleted/need/{need.id}/restore").text
