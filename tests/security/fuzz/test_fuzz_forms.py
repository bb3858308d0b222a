"""Hypothesis throws odd input at every form: never a server error, and a refused submit leaves
the database exactly as it was."""

import hashlib

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from tests.conftest import PASSWORD
from tests.security.forms_catalog import FORMS
from tests.security.fuzz.conftest import examples
from tests.security.htmlforms import read_form
from tests.security.world import build_world
from tracker.extensions import db

ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=["Cs"])
ODD_VALUES = st.one_of(
    st.text(ANY_CHARACTER, max_size=40),
    st.text(ANY_CHARACTER, min_size=1, max_size=5).map(lambda s: (s * 100_000)[:100_000]),
    st.text(ANY_CHARACTER, max_size=10).map(lambda s: f"{s}\x00{s}"),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["1e309", "-0", "NaN", "inf", "9" * 400, "0x10", "½", "٣", "²", "-1"]),
    st.sampled_from(
        [
            "2026-02-30",
            "0000-00-00",
            "9999-99-99",
            "-1-01-01",
            "99999-01-01",
            "2026-13-01",
            "25:99",
            "24:00",
            "2026-05-12T10:00",
            "1.5",
        ]
    ),
    st.sampled_from(["[]", "{}", "null", "true", "None", "on", "y", "'; DROP TABLE need; --"]),
    st.dates().map(str),
)


def _form_data(draw, pairs: list[tuple[str, str]], names: set[str]) -> list[tuple[str, str]]:
    """The form as the page offers it, each field kept, dropped, changed or sent twice."""
    data = []
    for name in sorted(names):
        original = [v for n, v in pairs if n == name] or [""]
        choice = draw(st.sampled_from(["keep", "drop", "odd", "twice"]))
        if choice == "keep":
            data += [(name, v) for v in original]
        elif choice == "odd":
            data.append((name, draw(ODD_VALUES)))
        elif choice == "twice":
            data += [(name, draw(ODD_VALUES)), (name, original[0])]
    extra = draw(st.lists(st.tuples(st.text(ANY_CHARACTER, max_size=8), ODD_VALUES), max_size=2))
    return data + extra


def _state() -> dict[str, str]:
    """Row count and a checksum of every table."""
    state = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
        state[table.name] = f"{len(rows)} rows {digest[:16]}"
    db.session.rollback()
    return state


@pytest.mark.parametrize("name", FORMS)
def test_no_input_breaks_a_form(app, name, tried):
    case = FORMS[name]
    world = build_world()
    client = app.test_client()
    client.post("/login", data={"email": world.users["admin"].email, "password": PASSWORD})
    url = case.url.format(**world.values)
    pairs, names = read_form(client.get(url).text)
    baseline = [_state()]

    @settings(
        max_examples=examples(), deadline=None, database=None,
        suppress_health_check=list(HealthCheck),
        # No shrinking: with 100k-character inputs it can take minutes; the message shows the input.
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )  # fmt: skip
    @given(st.data())
    def post_odd_input(data):
        sent = _form_data(data.draw, pairs, names)
        response = client.post(url, data=MultiDict(sent))
        tried[name] = tried.get(name, 0) + 1
        shown = repr(sent)[:3000]
        assert response.status_code < 500, f"{name} answered {response.status_code} to {shown}"
        after = _state()
        if response.status_code != 302:
            assert after == baseline[0], f"{name} refused {shown} but changed the database"
        baseline[0] = after  # an accepted submit is the next one's starting point

    post_odd_input()
