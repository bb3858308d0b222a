"""Confidential needs: every page of a need, follow-up, match or talk answers 404 to an outsider
(and changes nothing), and lets the owner, the assignee, managers and admins through."""

import pytest
from flask import url_for

from tests.conftest import _test_config
from tests.security.confidential_world import INSIDERS, build_world, signed_in, snapshot
from tests.security.forms_catalog import NEXT_MONTH
from tracker import create_app
from tracker.extensions import db
from tracker.models import FollowUp
from tracker.security import get_visible_or_404

# URL variable -> the world's record whose id fills it.
ID_VARIABLES = {
    "need_id": "need",
    "followup_id": "followup",
    "match_id": "match",
    "talk_id": "talk",
    "note_id": "note",
}
# Routes that name their record in the query string instead of the path.
QUERY_ROUTES = [
    ("followups.create", "need_id"),
    ("talks.create", "need_id"),
    ("talks.create", "match_id"),
]
HISTORY_ENTITIES = ["need", "followup", "match", "talk"]


def _path_routes() -> list[tuple[str, str]]:
    """(endpoint, method) of every page rule with a need, follow-up, match or talk id in its
    path: a new route of that kind is covered without being listed here. The API's rules answer
    tokens, not sessions: tests/api/test_confidential.py covers them the same way."""
    app = create_app(_test_config("sqlite://"))
    found = []
    for rule in app.url_map.iter_rules():
        if rule.arguments & ID_VARIABLES.keys() and not rule.rule.startswith("/api/"):
            found += [(rule.endpoint, m) for m in sorted(rule.methods & {"GET", "POST"})]
    return sorted(found)


PATH_ROUTES = _path_routes()


def _valid_post(world, endpoint: str, who: str) -> dict:
    """A form that would succeed if the user could reach the record, so a missing check shows
    as a change; insiders keep the need's owner, confidentiality and assignee."""
    assignee = world.users["outsider" if who == "outsider" else "assignee"].id
    talk = {"title": "Changed", "day": "2026-05-20", "start": "10:00", "end": "11:00",
            "timezone": "Asia/Shanghai", "place": "Hall 9", "staff_ids": [assignee]}  # fmt: skip
    followup = {"title": "Changed", "kind": "call", "assignee_id": assignee,
                "due_date": NEXT_MONTH, "version": world.followup.version}  # fmt: skip
    need = {"organisation_id": world.organisation_id, "title": "Changed", "priority": "low",
            "owner_id": world.users["owner"].id, "confidential": "y",
            "version": world.need.version}  # fmt: skip
    forms = {
        "needs.edit": need,
        "needs.move": {"to_stage": "talks", "note": "changed"},
        "needs.reopen": {"to_stage": "new", "note": "changed"},
        "needs.add_note": {"body": "changed"},
        "followups.create": followup,
        "followups.edit": followup,
        "followups.complete": {"outcome": "changed", "version": world.followup.version},
        "matchmaking.accept": {"organisation_id": world.partner_id},
        "matchmaking.pick": {"organisation_id": world.partner_id},
        "matchmaking.change_status": {"to_status": "introduced"},
        "talks.create": talk,
        "talks.edit": talk,
        "talks.outcome": {"minutes": "changed", "outcome": "changed"},
    }
    return forms.get(endpoint, {})


def _url(app, world, endpoint: str, record_id: int | None = None) -> str:
    """The endpoint's URL for the world's records (or for record_id, e.g. a missing one)."""
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {
        v: record_id or getattr(world, ID_VARIABLES[v]).id
        for v in rule.arguments & ID_VARIABLES.keys()
    }
    if "fmt" in rule.arguments:
        values["fmt"] = "csv"
    with app.test_request_context():
        return url_for(endpoint, **values)


def _all_urls(app, world) -> list[tuple[str, str, str]]:
    """(label, method, url) for every route that reaches the confidential need's records."""
    urls = [(f"{e} {m}", m, _url(app, world, e)) for e, m in PATH_ROUTES]
    with app.test_request_context():
        for endpoint, variable in QUERY_ROUTES:
            url = url_for(endpoint, **{variable: getattr(world, ID_VARIABLES[variable]).id})
            urls += [(f"{endpoint}?{variable} {m}", m, url) for m in ("GET", "POST")]
        for entity in HISTORY_ENTITIES:
            url = url_for("audit.history", entity=entity, entity_id=getattr(world, entity).id)
            urls.append((f"history {entity}", "GET", url))
    return urls


# Managers' actions: staff get 403 whatever the id (see test_route_matrix), so it tells nothing.
STAFF_FORBIDDEN = [(e, m) for e, m in PATH_ROUTES if e in {"needs.delete", "talks.delete"}]
ROUTE_LABELS = (
    [f"{e} {m}" for e, m in PATH_ROUTES if (e, m) not in STAFF_FORBIDDEN]
    + [f"{e}?{v} {m}" for e, v in QUERY_ROUTES for m in ("GET", "POST")]
    + [f"history {entity}" for entity in HISTORY_ENTITIES]
)
# Deletes decided by a record rule (tracker.security): an insider who does not own the record
# gets 403, as on an open need (tests/security/test_record_rules.py); outsiders still get 404.
RECORD_RULE_ROUTES = [
    (e, m) for e, m in PATH_ROUTES if e in {"followups.delete", "needs.delete_note"}
]
# Pages of one kind of follow-up only (a matchmaking day's check-in): the world's follow-up is
# none, so everyone gets 404 there; tests/scheduling/test_aftermath.py covers them.
ONE_KIND_ROUTES = [(e, m) for e, m in PATH_ROUTES if e == "scheduling_after.check_in"]
INSIDER_LABELS = [label for label in ROUTE_LABELS
                  if not any(label == f"{e} {m}"
                             for e, m in RECORD_RULE_ROUTES + ONE_KIND_ROUTES)]  # fmt: skip


@pytest.fixture
def world(app):
    return build_world()


def _request(app, world, who: str, label: str):
    method, url = next((m, u) for lbl, m, u in _all_urls(app, world) if lbl == label)
    client = signed_in(app, world.users[who])
    if method == "GET":
        return client.get(url)
    return client.post(url, data=_valid_post(world, label.split(" ")[0].split("?")[0], who))


@pytest.mark.parametrize("label", ROUTE_LABELS)
def test_an_outsider_gets_404_and_changes_nothing(app, world, label):
    before = snapshot(world)
    response = _request(app, world, "outsider", label)
    assert response.status_code == 404, label
    db.session.rollback()
    assert snapshot(world) == before


@pytest.mark.parametrize(("endpoint", "method"), STAFF_FORBIDDEN)
def test_actions_staff_may_never_take_answer_as_for_a_missing_record(app, world, endpoint, method):
    """Staff get 403 on deleting any need or talk: the answer says nothing about the record."""
    client = signed_in(app, world.users["outsider"])
    send = client.get if method == "GET" else client.post
    assert send(_url(app, world, endpoint)).status_code == 403
    assert send(_url(app, world, endpoint, record_id=999999)).status_code == 403


@pytest.mark.parametrize("label", INSIDER_LABELS)
def test_insiders_get_through(app, world, label):
    """Owner, assignee, manager and admin in turn: a page, a redirect, or a 409 for a stale
    version (an earlier insider saved first); never "not found" or an error."""
    for who in INSIDERS:
        response = _request(app, world, who, label)
        assert response.status_code in (200, 302, 409), (who, label, response.status_code)


# The deletes staff may not make, and those the record rules decide: managers and admins make
# them all.
@pytest.mark.parametrize(("endpoint", "method"), STAFF_FORBIDDEN + RECORD_RULE_ROUTES)
@pytest.mark.parametrize("who", ["manager", "admin"])
def test_managers_and_admins_may_delete(app, world, who, endpoint, method):
    client = signed_in(app, world.users[who])
    send = client.get if method == "GET" else client.post
    assert send(_url(app, world, endpoint)).status_code in (200, 302)


def test_the_matrix_covers_every_kind_of_page():
    endpoints = {e for e, _m in PATH_ROUTES}
    expected = {"needs.detail", "needs.edit", "needs.move", "needs.reopen", "needs.add_note",
                "needs.delete", "followups.detail", "followups.edit", "followups.complete",
                "followups.cancel", "matchmaking.accept", "matchmaking.pick",
                "matchmaking.change_status", "talks.detail", "talks.edit", "talks.outcome",
                "talks.delete"}  # fmt: skip
    assert expected <= endpoints


def test_the_session_cache_does_not_bypass_the_rule(app, world):
    """The follow-up is in the session's identity map (the test built it), yet still 404."""
    client = signed_in(app, world.users["outsider"])
    assert db.session.get(FollowUp, world.followup.id) is not None
    assert client.get(f"/followups/{world.followup.id}").status_code == 404
    assert get_visible_or_404(FollowUp, world.followup.id) is world.followup  # no request: all


def test_a_need_handed_to_a_colleague_leaves_the_former_owner_out(app, world):
    client = signed_in(app, world.users["owner"])
    world.need.owner_id = world.users["manager"].id
    db.session.commit()
    assert client.get(f"/needs/{world.need.id}").status_code == 404


def test_an_open_need_is_seen_by_everyone(app, world):
    client = signed_in(app, world.users["outsider"])
    assert client.get(f"/needs/{world.open_need.id}").status_code == 200
