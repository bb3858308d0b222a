"""Optimistic locking: a save from a form loaded on an older version of the record is refused
with 409, the user's input and the current values; the counter is never set by the user."""

import re

import pytest
from sqlalchemy import update

from tests.conftest import PASSWORD
from tests.security.versioned_kinds import KINDS, Kind
from tracker.extensions import db

FIRST, SECOND = "First colleague's text", "Second colleague's text"


def _browser(app, role: str):
    """A test client logged in as a new user of role: one browser's session."""
    from tests import factories

    user = factories.user(role=role, password=PASSWORD)
    db.session.commit()
    browser = app.test_client()
    response = browser.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return browser


def _record(kind: Kind):
    record = kind.build()
    db.session.commit()
    return record


def _loaded_version(browser, kind: Kind, record) -> str:
    """Open the form as a browser does and read the version it carries."""
    page = browser.get(kind.page_url(record))
    assert page.status_code == 200
    text = page.text
    if kind.page is not None:  # one form among others: start at the form's action
        text = text[text.index(kind.url(record)) :]
    found = re.search(r'name="version"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="version"', text)
    assert found, "the form carries no version"
    return found.group(1) or found.group(2)


def _reloaded(kind: Kind, record):
    db.session.expire_all()
    return db.session.get(kind.model, record.id)


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_save_from_a_stale_form_is_refused_with_409(app, kind):
    """Two browsers load the form; the first saves, the second's save must not overwrite it."""
    record = _record(kind)
    first, second = _browser(app, kind.role), _browser(app, kind.role)
    first_version = _loaded_version(first, kind, record)
    second_version = _loaded_version(second, kind, record)
    assert first_version == second_version

    saved = first.post(
        kind.url(record), data={**kind.data(record, FIRST), "version": first_version}
    )
    assert saved.status_code == 302
    refused = second.post(
        kind.url(record), data={**kind.data(record, SECOND), "version": second_version}
    )

    assert refused.status_code == 409
    page = refused.text.replace("&#39;", "'")
    assert "Someone else saved this record" in page
    assert SECOND in page  # the second colleague's input is kept
    assert FIRST in page  # beside the current values
    assert kind.stored(_reloaded(kind, record)) == FIRST


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_saving_again_after_the_conflict_overwrites_knowingly(app, kind):
    record = _record(kind)
    browser = _browser(app, kind.role)
    version = _loaded_version(browser, kind, record)
    db.session.execute(update(kind.model).where(kind.model.id == record.id).values(version=7))
    db.session.commit()
    refused = browser.post(kind.url(record), data={**kind.data(record, SECOND), "version": version})
    assert refused.status_code == 409
    assert 'name="version" type="hidden" value="7"' in refused.text  # the current version now

    again = browser.post(kind.url(record), data={**kind.data(record, SECOND), "version": "7"})
    assert again.status_code == 302
    assert kind.stored(_reloaded(kind, record)) == SECOND


@pytest.mark.parametrize("version", [None, "", "abc", "-1", "1.0", "²", "9" * 30])
@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_a_missing_or_garbage_version_is_a_conflict_never_an_error(app, kind, version):
    record = _record(kind)
    browser = _browser(app, kind.role)
    before = kind.stored(record)
    data = kind.data(record, SECOND) | ({} if version is None else {"version": version})
    response = browser.post(kind.url(record), data=data)
    assert response.status_code == 409
    assert "did not say which version" in response.text or "Someone else saved" in response.text
    assert kind.stored(_reloaded(kind, record)) == before


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_posting_a_version_does_not_set_the_counter(app, kind):
    """Mass assignment: the counter only ever moves by one, on an accepted save."""
    record = _record(kind)
    browser = _browser(app, kind.role)
    version = int(_loaded_version(browser, kind, record))

    forged = browser.post(kind.url(record), data={**kind.data(record, SECOND), "version": "41"})
    assert forged.status_code == 409
    assert _reloaded(kind, record).version == version

    saved = browser.post(kind.url(record), data={**kind.data(record, FIRST), "version": version})
    assert saved.status_code == 302
    assert _reloaded(kind, record).version == version + 1


@pytest.mark.parametrize(
    ("url", "data", "model_name"),
    [
        ("/people/new", {"full_name": "New person"}, "Person"),
        ("/organisations/new", {"name": "New GmbH", "kind": "company"}, "Organisation"),
        ("/vocabularies/topics/new", {"name": "New topic", "position": "0"}, "Topic"),
        ("/matchmaking/synonyms/new", {"terms": "a ~ b"}, "SynonymGroup"),
    ],
)
def test_a_version_posted_to_a_create_form_is_ignored(app, url, data, model_name):
    import tracker.models

    model = getattr(tracker.models, model_name)
    browser = _browser(app, "manager")
    assert browser.post(url, data={**data, "version": "77"}).status_code == 302
    created = db.session.scalars(db.select(model).order_by(model.id.desc())).first()
    assert created.version == 1


@pytest.mark.parametrize(
    ("kind_name", "service"),
    [("person", "tracker.people.services.update_person"),
     ("delegation", "tracker.delegations.services.save_delegation"),
     ("talk", "tracker.talks.services.update_talk")],
)  # fmt: skip
def test_losing_the_race_between_check_and_write_is_a_409(app, monkeypatch, kind_name, service):
    """Another request commits between the version check and the UPDATE: StaleDataError."""
    kind = next(k for k in KINDS if k.name == kind_name)
    record = _record(kind)
    browser = _browser(app, kind.role)
    version = _loaded_version(browser, kind, record)
    module_name, function_name = service.rsplit(".", 1)
    original = getattr(__import__(module_name, fromlist=[function_name]), function_name)

    def racing(target, *args, **kwargs):
        table = kind.model.__table__
        db.session.execute(table.update().where(table.c.id == target.id).values(version=99))
        return original(target, *args, **kwargs)

    monkeypatch.setattr(service, racing)
    response = browser.post(
        kind.url(record), data={**kind.data(record, SECOND), "version": version}
    )
    assert response.status_code == 409
    assert "Someone else saved this record" in response.text.replace("&#39;", "'")


def test_the_conflict_table_shows_choices_by_their_labels(app, make):
    organisation = make.organisation(name="Saale Robotik GmbH")
    db.session.commit()
    first, second = _browser(app, "staff"), _browser(app, "staff")
    url, version = f"/organisations/{organisation.id}/edit", organisation.version
    base = {"name": "Saale Robotik GmbH", "country": "DE", "version": version}
    assert first.post(url, data={**base, "kind": "university"}).status_code == 302
    refused = second.post(url, data={**base, "kind": "bank"})
    assert refused.status_code == 409
    table = refused.text.split('id="edit-conflict"')[1].split("</table>")[0]
    assert "Kind" in table and "University" in table and "Bank" in table
    assert "Saale Robotik GmbH" not in table  # unchanged fields are not listed


def test_a_follow_up_edit_without_its_version_is_stale_not_current(app, make):
    """Follow-ups keep their own conflict page; a missing version must not pass for current."""
    browser = _browser(app, "staff")
    task = make.followup(make.user(), need=make.need(), title="Call Erfurt")
    db.session.commit()
    data = {"title": "Renamed", "kind": task.kind.value, "assignee_id": str(task.assignee_id),
            "due_date": task.due_date.isoformat()}  # fmt: skip
    assert browser.post(f"/followups/{task.id}/edit", data=data).status_code == 409
    db.session.expire_all()
    assert db.session.get(type(task), task.id).title == "Call Erfurt"
