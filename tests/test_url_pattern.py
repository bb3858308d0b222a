"""url_pattern builds a route's URL once and fills in each record's id, as url_for would;
url_with_pattern the current URL with each page number, as url_with would."""

import pytest
from flask import request, url_for

from tracker.templating import UrlPattern, url_pattern, url_with


@pytest.mark.parametrize(
    ("endpoint", "key"), [("needs.detail", "need_id"), ("needs.move", "need_id")]
)
@pytest.mark.parametrize("record_id", [1, 42, 987654321, 10**12])
def test_a_filled_pattern_is_the_url_for_that_id(app, endpoint, key, record_id):
    with app.test_request_context():
        assert UrlPattern(endpoint, key).fill(record_id) == url_for(endpoint, **{key: record_id})


def test_only_whole_numbers_fill_a_pattern(app):
    with app.test_request_context():
        pattern = UrlPattern("needs.detail", "need_id")
        with pytest.raises(ValueError):
            pattern.fill("1/../../admin")


@pytest.mark.parametrize(
    "query",
    ["", "?sort=title", "?page=3&q=M%C3%BCller", "?q=page%3D987654321&page=2", "?q=987654321"],
)
@pytest.mark.parametrize("number", [1, 7, 10**6])
def test_a_page_link_pattern_is_url_with_that_page(app, query, number):
    with app.test_request_context(f"/needs/{query}"):
        assert request.endpoint == "needs.list"
        assert UrlPattern.with_arg("page").fill(number) == url_with(page=number)


def test_url_pattern_is_built_once_per_request(app):
    with app.test_request_context():
        first = url_pattern("needs.detail", "need_id")
        assert url_pattern("needs.detail", "need_id") is first
        assert url_pattern("needs.move", "need_id").fill(3) == url_for("needs.move", need_id=3)
    with app.app_context(), app.test_request_context():
        assert url_pattern("needs.detail", "need_id") is not first
