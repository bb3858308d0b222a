"""The filters report links add to the needs and follow-ups lists."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from tests.queries import warm_up
from tests.reports.conftest import noon_days_ago
from tracker.extensions import db
from tracker.models import Need, Stage
from tracker.needs.loading import parse_filters
from tracker.needs.services import NONE, NeedFilters, filtered


def _titles(f: NeedFilters) -> set[str]:
    return {n.title.removeprefix("Need ") for n in db.session.scalars(filtered(select(Need), f))}


@pytest.mark.parametrize(
    ("changes", "names"),
    [
        (lambda p: {"ever_reached": Stage.MATCHING}, {"n1", "n2", "n3", "n5", "n7", "n8"}),
        (lambda p: {"entered": Stage.ON_HOLD}, {"n5"}),
        (lambda p: {"reached": Stage.WON, "reached_from": noon_days_ago(50).date()}, {"n2"}),
        (lambda p: {"reached": Stage.LOST}, {"n3", "n6"}),
        (lambda p: {"created_to": noon_days_ago(200).date()}, {"n1", "n5", "n8"}),
        (
            lambda p: {"moved_from": noon_days_ago(20).date(), "moved_to": noon_days_ago(5).date()},
            {"n3", "n6", "n7"},
        ),
        (lambda p: {"lost_reason_id": p.things["price"].id}, {"n3"}),
        (lambda p: {"region_id": p.things["saxony"].origin_region_id}, {"n3", "n5"}),
        (lambda p: {"region_id": NONE}, {"n4", "n6"}),
        (lambda p: {"currency": "EUR"}, {"n1", "n2", "n7"}),
        (lambda p: {"currency": NONE}, {"n5", "n6"}),
        (lambda p: {"category_id": NONE}, {"n4", "n8"}),
        (lambda p: {"key_industry_id": NONE}, {"n4"}),
        (lambda p: {"owner_id": NONE}, {"n5"}),
        (lambda p: {"delegation_id": NONE}, {"n4"}),
    ],
)
def test_extra_need_filters(pipeline, changes, names):
    assert _titles(NeedFilters(**changes(pipeline))) == names


def test_filters_survive_the_query_string(pipeline):
    thuringia = pipeline.things["thuringia"].origin_region_id
    f = NeedFilters(
        stage=Stage.LOST,
        category_id=NONE,
        created_from=date(2026, 1, 1),
        reached=Stage.TALKS,
        reached_to=date(2026, 3, 1),
        ever_reached=Stage.QUALIFIED,
        entered=Stage.MATCHING,
        moved_from=date(2026, 2, 1),
        lost_reason_id=NONE,
        region_id=thuringia,
        region_name="Thuringia",
        currency="USD",
        no_open_followup=True,
        today=date(2026, 5, 1),
    )
    assert parse_filters(MultiDict(f.to_args()), date(2026, 5, 1)) == f


@pytest.mark.parametrize(
    "args",
    [{"created_from": "2026-13-01"}, {"reached": "bogus"}, {"currency": "XXX"},
     {"lost_reason_id": "99999"}, {"category_id": "nonesuch"}, {"region": ""}],
)  # fmt: skip
def test_bad_values_are_ignored(app, args):
    assert not parse_filters(MultiDict(args), date(2026, 5, 1)).is_set()


def test_needs_list_shows_extra_filters_as_removable_chips(client, login, pipeline):
    login("manager")
    price = pipeline.things["price"].id
    page = client.get(f"/needs/?stage=lost&lost_reason_id={price}&region=Saxony").text
    assert "1 need</div>" in page
    assert "Lost: Price" in page and "Origin region: Saxony" in page
    assert f'<input type="hidden" name="lost_reason_id" value="{price}">' in page
    assert 'href="/needs/?stage=lost&amp;region=Saxony"' in page  # removing the reason


def test_none_option_in_the_needs_list_selects(client, login, pipeline):
    login("manager")
    page = client.get("/needs/?category_id=none").text
    assert '<option value="none" selected>' in page
    assert "2 needs</div>" in page


def test_followups_done_within_local_days(client, login, pipeline):
    login("manager")
    day = noon_days_ago(25).date().isoformat()
    page = client.get(f"/followups/?completed_from={day}&completed_to={day}").text
    assert re.search(r"\b1 follow-up\b(?!s)", page)


def test_followups_on_needs_keep_out_other_follow_ups(client, login, pipeline):
    login("manager")
    assert "7 follow-ups" in client.get("/followups/").text
    assert "6 follow-ups" in client.get("/followups/?on_needs=1").text
    thuringia = pipeline.things["thuringia"].id
    page = client.get(f"/followups/?on_needs=1&need.delegation_id={thuringia}").text
    assert "4 follow-ups" in page


def test_needs_list_query_count_is_unchanged_by_the_chips(client, login, make, count_queries):
    login("manager")
    reason = make.lost_reason()
    for _ in range(3):
        make.need(stage=Stage.LOST, lost_reason=reason)
    db.session.commit()
    url = f"/needs/?lost_reason_id={reason.id}&region=none"
    warm_up(client, url)
    with count_queries() as few:
        client.get(url)
    for _ in range(19):  # still one page: a second page adds its count query
        make.need(stage=Stage.LOST, lost_reason=reason)
    db.session.commit()
    warm_up(client, url)
    with count_queries() as many:
        assert "22 needs" in client.get(url).text
    assert len(few) == len(many)
    assert db.session.scalar(select(func.count(Need.id))) == 22
