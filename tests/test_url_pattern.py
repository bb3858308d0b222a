"""url_pattern builds a route's URL once and fills in each record's id, as url_for would;
url_with_pattern the current URL with each page number, as url_with would."""

import pytest
from flask import request, url_for

from tracker.templating import UrlPattern, url_pattern, url_with, url_with_pattern

MARK = UrlPattern.MARK  # what stands in for the number: a filter may hold it too


@pytest.mark.parametrize(
    ("endpoint", "key"), [("needs.detail", "need_id"), ("needs.move", "need_id")]
)
@pytest.mark.parametrize("record_id", [1, 42, 987654321, 10**12, MARK])
def test_a_filled_pattern_is_the_url_for_that_id(app, endpoint, key, record_id):
    with app.test_request_context():
        assert url_pattern(endpoint, key).fill(record_id) == url_for(endpoint, **{key: record_id})


def test_only_whole_numbers_fill_a_pattern(app):
    with app.test_request_context():
        pattern = url_pattern("needs.detail", "need_id")
        with pytest.raises(ValueError):
            pattern.fill("1/../../admin")


@pytest.mark.parametrize(
    "query",
    ["", "?sort=title", "?page=3&q=M%C3%BCller", f"?q=page%3D{MARK}&page=2", f"?q={MARK}"],
)
@pytest.mark.parametrize("number", [1, 7, 10**6])
def test_a_page_link_pattern_is_url_with_that_page(app, query, number):
    with app.test_request_context(f"/needs/{query}"):
        assert request.endpoint == "needs.list"
        assert url_with_pattern("page").fill(number) == url_with(page=number)


def test_url_pattern_is_built_once_per_request(app):
    with app.test_request_context():
        first = url_pattern("needs.detail", "need_id")
        assert url_pattern("needs.detail", "need_id") is first
        assert url_pattern("needs.move", "need_id").fill(3) == url_for("needs.move", need_id=3)
    with app.app_context(), app.test_request_context():
        assert url_pattern("needs.detail", "need_id") is not first


@pytest.mark.parametrize("member_id", [1, 30, 987654321])
def test_a_pattern_keeps_its_other_arguments(app, member_id):
    with app.test_request_context():
        pattern = url_pattern("delegations.remove_member", "member_id", delegation_id=987654321)
        other = url_pattern("delegations.remove_member", "member_id", delegation_id=7)
        expected = url_for(
            "delegations.remove_member", delegation_id=987654321, member_id=member_id
        )
        assert pattern.fill(member_id) == expected
        assert other.fill(member_id).startswith("/delegations/7/")
