"""built_once: a statement is built once per app and set of arguments, and serves each call."""

from sqlalchemy import select

from tests.conftest import _test_config
from tracker import create_app
from tracker.models import Need
from tracker.statements import built_once

built = []


@built_once
def _titles_of(owner_id: int):
    built.append(owner_id)
    return select(Need.title).where(Need.owner_id == owner_id)


def test_the_same_arguments_get_the_same_statement_built_once(app):
    built.clear()
    first = _titles_of(1)
    assert _titles_of(1) is first and built == [1]
    assert _titles_of(2) is not first and built == [1, 2]


def test_each_app_builds_its_own(app, app_config, database_url):
    built.clear()
    mine = _titles_of(1)
    other = create_app(_test_config(database_url, **app_config))
    with other.app_context():
        theirs = _titles_of(1)
    assert theirs is not mine and built == [1, 1]
