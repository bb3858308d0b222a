"""Fields a form does not offer (role, owner, version, id, deletion ...) change nothing when
they are posted anyway, on every create and edit form."""

import pytest
from sqlalchemy import func, inspect, select

from tests.conftest import PASSWORD
from tests.security.forms_catalog import FORMS, fill, record_of
from tests.security.htmlforms import read_form
from tests.security.world import build_world
from tracker.extensions import db

# Bookkeeping that a legitimate save changes anyway.
MOVING = {"updated_at", "version", "search_key", "name_key", "stage_changed_at", "sequence"}


def _extras(other_id: int) -> dict[str, str]:
    """Protected fields, with values that would be obvious in the database."""
    return {
        "id": "987654", "version": "987654", "role": "admin", "active": "", "owner_id": other_id,
        "created_by_id": other_id, "assigned_by_id": other_id, "deleted_at": "2001-01-01",
        "deleted_by_id": other_id, "is_local": "y", "password_hash": "x", "totp_secret": "x",
        "totp_enabled": "y", "calendar_token": "stolen", "session_epoch": "99",
        "must_change_password": "y", "stage": "won", "confidential": "y", "search_key": "x",
        "created_at": "2001-01-01", "delegation_id": "987654",
    }  # fmt: skip


def _columns(obj) -> dict:
    return {a.key: getattr(obj, a.key) for a in inspect(obj).mapper.column_attrs}


def _post(client, url: str, pairs: list[tuple[str, str]], overrides: dict):
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    data.update({k: [str(v)] for k, v in overrides.items()})
    return client.post(url, data=data)


@pytest.mark.parametrize("name", FORMS)
def test_fields_a_form_does_not_offer_are_ignored(app, name):
    case = FORMS[name]
    world = build_world()
    client = app.test_client()
    admin = world.users["admin"]
    client.post("/login", data={"email": admin.email, "password": PASSWORD})
    url = case.url.format(**world.values)
    pairs, offered = read_form(client.get(url).text)
    extras = {k: v for k, v in _extras(world.values["user_id"]).items() if k not in offered}
    before = record_of(case, world.values)
    snapshot = _columns(before) if before is not None else None
    last_id = db.session.scalar(select(func.max(case.model.id)))
    response = _post(client, url, pairs, fill(case, world.values) | extras)
    assert response.status_code == 302, f"{name}: the valid form was refused: {response.text}"
    if snapshot is not None:
        after = _columns(record_of(case, world.values))
        kept = {k for k in snapshot if k not in offered and k not in MOVING}
        assert {k: after[k] for k in kept} == {k: snapshot[k] for k in kept}
        assert after.get("version", 0) != 987654
    else:
        new = db.session.scalar(select(case.model).where(case.model.id > (last_id or 0)))
        assert new is not None, f"{name}: nothing was created"
        columns = _columns(new)
        written = {k: columns[k] for k in extras if k in columns}
        smuggled = {k: v for k, v in written.items() if str(v) == str(extras[k]) and v}
        assert not smuggled, f"{name} took fields it does not offer: {smuggled}"
        assert new.id != 987654
