"""The conventions every operation keeps: ETag and If-Match, cursor pages, problem details with
the forms' own messages, rate limits per token, CORS only when configured, the document."""

import pytest
from openapi_spec_validator import validate

from tracker.delegations.choices import delegation_form
from tracker.extensions import db
from tracker.models import Delegation

PROBLEM = "application/problem+json"


@pytest.fixture
def visit(make):
    found = make.delegation(title="Thuringia May 2026", origin_country="DE")
    db.session.commit()
    return found


def test_an_update_without_if_match_is_a_428_problem(api, visit):
    response = api().patch(f"/api/v1/delegations/{visit.id}", json={"title": "New"})
    assert response.status_code == 428
    assert response.mimetype == PROBLEM
    assert db.session.get(Delegation, visit.id).title == "Thuringia May 2026"


def test_an_update_with_the_current_etag_saves_and_answers_a_new_etag(api, visit):
    client = api()
    etag = client.get(f"/api/v1/delegations/{visit.id}").headers["ETag"]
    response = client.patch(
        f"/api/v1/delegations/{visit.id}", json={"title": "Thuringia June"},
        headers={"If-Match": etag},
    )  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.json["title"] == "Thuringia June"
    assert response.json["origin_country"] == "DE"  # fields not sent keep their values
    assert response.headers["ETag"] != etag


def test_a_stale_if_match_is_a_412_with_the_current_record_and_nothing_saved(api, visit):
    client = api()
    etag = client.get(f"/api/v1/delegations/{visit.id}").headers["ETag"]
    url = f"/api/v1/delegations/{visit.id}"
    assert client.patch(url, json={"title": "First"}, headers={"If-Match": etag}).status_code == 200
    response = client.patch(url, json={"title": "Second"}, headers={"If-Match": etag})
    assert response.status_code == 412
    assert response.mimetype == PROBLEM
    assert response.json["current"]["title"] == "First"
    db.session.expire_all()
    assert db.session.get(Delegation, visit.id).title == "First"


def test_field_errors_are_the_forms_own_messages(api, app):
    body = {"title": "", "start_date": "2026-06-03", "end_date": "2026-06-01", "colour": "red"}
    response = api().post("/api/v1/delegations", json=body)
    assert response.status_code == 422
    assert response.mimetype == PROBLEM
    problem = response.json
    assert {"type", "title", "status", "detail", "errors"} <= problem.keys()
    with app.test_request_context(
        method="POST", data={k: v for k, v in body.items() if k != "colour"}
    ):
        form = delegation_form(None, meta={"csrf": False})  # as the page posts it
        form.validate()
        expected = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
    assert expected["title"] == ["This field is required."]
    assert problem["errors"]["title"] == expected["title"]
    assert problem["errors"]["end_date"] == ["The end date cannot be before the start date."]
    assert problem["errors"]["colour"] == ["Unknown field."]


def test_a_body_that_is_not_json_is_a_415(api):
    response = api().post("/api/v1/delegations", data="title=x")
    assert response.status_code == 415
    assert response.mimetype == PROBLEM


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/api/v1/nothing", 404), ("DELETE", "/api/v1/delegations", 405),
     ("GET", "/api/v1/delegations/999999", 404), ("GET", "/api/v1/delegations?limit=0", 422)],
)  # fmt: skip
def test_every_error_is_a_problem(api, method, path, status):
    response = api("staff", "read").open(path, method)
    assert response.status_code == status
    assert response.mimetype == PROBLEM
    assert response.json["status"] == status


def test_the_next_links_walk_the_whole_list_without_repeats(api, make):
    for n in range(7):
        make.delegation(title=f"Visit {n % 3}")
    db.session.commit()
    client = api("staff", "read")
    seen, url, pages = [], "/api/v1/delegations?limit=3&sort=title", 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        seen += [row["id"] for row in response.json["items"]]
        url = response.json["next"]
        if url:
            assert response.headers["Link"] == f'<{url}>; rel="next"'
        pages += 1
    assert pages == 3
    assert sorted(seen) == sorted(d.id for d in db.session.query(Delegation))
    assert len(seen) == len(set(seen))


def test_a_cursor_of_another_sort_is_refused(api, make):
    for n in range(3):
        make.delegation(title=f"Visit {n}")
    db.session.commit()
    client = api("staff", "read")
    next_url = client.get("/api/v1/delegations?limit=1&sort=title").json["next"]
    cursor = next_url.split("cursor=")[1]
    response = client.get(f"/api/v1/delegations?sort=-title&cursor={cursor}")
    assert response.status_code == 422
    assert "cursor" in response.json["errors"]


def test_the_openapi_document_is_valid_3_1(api):
    response = api("staff", "read").get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json["openapi"] == "3.1.0"
    validate(response.json)


def test_cors_is_off_by_default(api):
    response = api("staff", "read").get(
        "/api/v1/delegations", headers={"Origin": "https://elsewhere.example"}
    )
    assert "Access-Control-Allow-Origin" not in response.headers


class TestConfigured:
    @pytest.fixture
    def app_config(self):
        return {"API_CORS_ORIGINS": ["https://bi.example.org"], "RATELIMIT_ENABLED": True,
                "API_RATE_LIMIT": "3 per minute"}  # fmt: skip

    def test_a_configured_origin_gets_cors_headers(self, api, client):
        reader = api("staff", "read")
        response = reader.get("/api/v1/delegations", headers={"Origin": "https://bi.example.org"})
        assert response.headers["Access-Control-Allow-Origin"] == "https://bi.example.org"
        preflight = client.options(
            "/api/v1/delegations",
            headers={"Origin": "https://bi.example.org", "Access-Control-Request-Method": "GET"},
        )
        assert preflight.status_code == 200
        assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]

    def test_the_rate_limit_counts_per_token(self, api):
        first, second = api("staff", "read"), api("staff", "read")
        statuses = [first.get("/api/v1/delegations").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = first.get("/api/v1/delegations")
        assert response.mimetype == PROBLEM
        assert second.get("/api/v1/delegations").status_code == 200
