"""url_pattern builds a route's URL once and fills in each record's id, as url_for would."""

import pytest
from flask import url_for

from tracker.templating import UrlPattern


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
