"""Ids and page numbers beyond what a database holds (issue 19, finding 6): every list, export and
URL treats them as absent or unknown, never as a 500 or an export cut after its first bytes."""

import pytest
from sqlalchemy import Integer, literal, select
from werkzeug.routing import AnyConverter, IntegerConverter

from tests.conftest import PASSWORD
from tests.security.world import build_world
from tracker.extensions import db
from tracker.models import Organisation
from tracker.numbers import ID_MAX, PAGE_MAX, parse_id, parse_page

TWENTY_DIGITS = "1" + "0" * 19
NEGATIVE_64_BIT = str(-(2**63))
BAD_VALUES = [TWENTY_DIGITS, NEGATIVE_64_BIT, "0", "junk", str(ID_MAX + 1), "-1", "²", "1e3"]

# Every paginated list and the id filters it reads from the query string.
LISTS = {
    "/needs/": ("page", "organisation_id", "owner_id", "delegation_id", "lost_reason_id"),
    "/organisations/": ("page", "industry"),
    "/people/": ("page", "organisation"),
    "/followups/": ("page", "assignee_id", "need_id", "delegation_id", "organisation_id"),
    "/talks/": ("page", "delegation_id", "need.organisation_id"),
    "/delegations/": ("page",),
    "/matchmaking/matches": ("page", "delegation_id", "partner_id"),
    "/matchmaking/synonyms": ("page",),
    "/admin/users": ("page",),
    "/admin/audit": ("page", "user_id"),
}
EXPORTS = {
    "/needs/export.csv": ("organisation_id", "owner_id", "category_id", "key_industry_id"),
    "/organisations/export.csv": ("industry",),
    "/people/export.csv": ("organisation",),
    "/followups/export.csv": ("assignee_id", "need_id", "need.owner_id"),
    "/talks/export.csv": ("delegation_id", "need.delegation_id"),
    "/delegations/export.csv": ("page",),
    "/matchmaking/matches/export.csv": ("delegation_id", "partner_id"),
}
# The parameters the finding names, tried on every list and export whether it reads them or not.
NAMED = ("page", "industry", "organisation", "assignee_id", "need_id")


def _cases(routes: dict) -> list:
    return [
        pytest.param(path, key, id=f"{path}?{key}")
        for path, keys in routes.items()
        for key in dict.fromkeys(keys + NAMED)
    ]


def _query(key: str, value: str) -> dict:
    # need.* filters count only on a list restricted to records on needs.
    return {key: value, "on_needs": "1"} if key.startswith("need.") else {key: value}


@pytest.fixture
def app_config():
    """Errors answer as in production (an error page, a cut stream), not as exceptions."""
    return {"PROPAGATE_EXCEPTIONS": False}


@pytest.fixture
def admin_client(app):
    """A client logged in as an admin, with one record of every kind to list and export."""
    world = build_world()
    client = app.test_client()
    client.post("/login", data={"email": world.users["admin"].email, "password": PASSWORD})
    return client


@pytest.mark.parametrize(
    "value", ["1", "7", "0000000042", str(ID_MAX)], ids=lambda v: f"id={v[:12]}"
)
def test_ids_in_range_are_read(value):
    assert parse_id(value) == int(value)


@pytest.mark.parametrize(
    "value",
    [None, "", *BAD_VALUES, " 7", "+7", "7_0", "٣", "0x10", "1.0", "00000000042", "9" * 5000, 7.0],
    ids=lambda v: repr(v)[:20],
)
def test_anything_else_is_no_id(value):
    assert parse_id(value) is None


def test_pages_run_from_one_to_the_maximum():
    assert [parse_page(v) for v in ("2", str(PAGE_MAX), None, "")] == [2, PAGE_MAX, 1, 1]
    assert {parse_page(v) for v in [*BAD_VALUES, str(PAGE_MAX + 1)]} == {1}


@pytest.mark.parametrize(("path", "key"), _cases(LISTS))
def test_lists_treat_out_of_range_numbers_as_absent(admin_client, path, key):
    plain = admin_client.get(path)
    assert plain.status_code == 200
    for value in BAD_VALUES:
        response = admin_client.get(path, query_string=_query(key, value))
        assert response.status_code == 200, f"{path}?{key}={value}: {response.status_code}"


def _rows(body: bytes) -> list[bytes]:
    assert body.startswith("\ufeff".encode()), body[:20]
    assert body.endswith(b"\r\n"), body[-20:]  # the last row was written whole
    return body.split(b"\r\n")


@pytest.mark.parametrize(("path", "key"), _cases(EXPORTS))
def test_exports_treat_out_of_range_numbers_as_absent_and_finish(admin_client, path, key):
    unfiltered = _rows(admin_client.get(path).get_data())
    assert len(unfiltered) > 2, "the world gives every export a row"
    for value in BAD_VALUES:
        response = admin_client.get(path, query_string=_query(key, value))
        assert response.status_code == 200, f"{path}?{key}={value}: {response.status_code}"
        assert _rows(response.get_data()) == unfiltered, f"{path}?{key}={value}"


def _id_rules(app):
    return [
        rule
        for rule in app.url_map.iter_rules()
        if any(isinstance(c, IntegerConverter) for c in rule._converters.values())
    ]


def test_some_routes_take_ids(app):
    assert len(_id_rules(app)) > 40


@pytest.mark.parametrize("number", [10**20, 2**63, ID_MAX + 1, 0], ids=str)
def test_a_url_id_no_table_holds_is_404_on_every_route(app, admin_client, number):
    world_values = {"fmt": "csv", "kind": "topics", "entity": "organisation", "table": "stage"}
    answers = {}
    for rule in _id_rules(app):
        values = {k: world_values.get(k, number) for k in rule.arguments}
        for name, converter in rule._converters.items():  # <any(a,b):name>: one of its words
            if isinstance(converter, AnyConverter) and values[name] not in converter.items:
                values[name] = sorted(converter.items)[0]
        path = rule.build(values, append_unknown=False)[1]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            answers[f"{method} {path}"] = admin_client.open(path, method=method).status_code
    assert {url: code for url, code in answers.items() if code != 404} == {}


def test_the_largest_id_is_a_plain_unknown_record(admin_client):
    assert admin_client.get(f"/needs/{ID_MAX}").status_code == 404
    assert admin_client.get(f"/followups/?need_id={ID_MAX}&page={PAGE_MAX}").status_code == 200


def test_an_export_whose_query_fails_is_an_error_page_not_a_cut_download(admin_client, monkeypatch):
    from tracker.organisations import views

    # The failure finding 6 caused: a number no INTEGER holds, bound into the export's query.
    overflow = select(Organisation).where(Organisation.id == literal(10**20, Integer))
    monkeypatch.setattr(views, "_list_query", lambda: ("name", overflow))
    response = admin_client.get("/organisations/export.csv")
    assert response.status_code == 500
    assert b"Nothing was saved" in response.get_data()
    db.session.rollback()


def test_no_view_reads_a_number_around_the_parser():
    """db.paginate and args.get(type=int) take any int(): new lists must use tracker.pagination
    and tracker.numbers (the CLI's click options are not requests)."""
    from pathlib import Path

    import tracker

    package = Path(tracker.__file__).parent
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in package.rglob("*.py")
        if "migrations" not in path.parts and path.name != "cli.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "db.paginate(" in line or "type=int" in line
    ]
    assert found == []
