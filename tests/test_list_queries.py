"""List pages run a few queries, the same number for a little data and for more (issue 10)."""

from datetime import date, datetime

import pytest

from tests.queries import queries_on_page
from tracker.extensions import db
from tracker.models import Need, Stage
from tracker.needs.board import board_cards, stage_totals
from tracker.needs.loading import parse_filters
from tracker.needs.services import list_needs

# The logged-in user, the rows, the page count, filter choices, the data versions (of the nav
# badge, and of filter choices kept until their data changes: tracker.datacache).
MAX_LIST_QUERIES = 5
LIST_PAGES = [
    "/delegations/",
    "/needs/",
    "/needs/?page=2",
    "/needs/?sort=title&page=2",
    "/organisations/",
    "/organisations/?page=2",
    "/people/",
    "/followups/mine",
    "/followups/",
    "/needs/board",
]


def _add_rows(make, user, rows: int) -> None:
    """rows visits, each with an organisation, a member, a need and a follow-up of user's."""
    category, industry = make.category(), make.industry()
    for _ in range(rows):
        delegation = make.delegation(host_officer=user)
        organisation = make.organisation(key_industry=industry)
        make.member(delegation, make.person(organisation=organisation))
        need = make.need(organisation, delegation=delegation, owner=user, category=category)
        make.followup(user, need=need)
    db.session.commit()
    db.session.expire_all()


@pytest.mark.parametrize("role", ["manager", "staff"])
@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_page_queries_stay_few_and_constant(client, login, make, count_queries, app, role,
                                                 path):  # fmt: skip
    """No query per row: 6 and 36 rows cost the same handful of queries, both in the first
    view after the rows were added (the kept figures are computed again) and in the next."""
    user = login(role)
    app.config["PER_PAGE"] = 5

    def add_and_count(rows: int) -> tuple[int, int]:
        _add_rows(make, user, rows)
        counts = []
        for _view in ("after the change", "again"):
            with count_queries() as statements:
                response = client.get(path)
            assert response.status_code == 200
            counts.append(len(statements))
            db.session.expire_all()
        return counts[0], counts[1]

    few, more = add_and_count(6), add_and_count(30)
    assert few == more
    if path != "/needs/board":  # the board is no list: its totals per stage come on top
        assert more[1] <= MAX_LIST_QUERIES


def _organisations_with_people(make, rows: int) -> None:
    industry = make.industry()
    for _ in range(rows):
        make.person(organisation=make.organisation(key_industry=industry))


def _people_with_organisations(make, rows: int) -> None:
    for _ in range(rows):
        make.person(organisation=make.organisation(), email="x@example.org")


def _terms_in_use(make, rows: int) -> None:
    for _ in range(rows):
        make.delegation(topics=[make.topic()])
        make.organisation(key_industry=make.industry())


def _users(make, rows: int) -> None:
    for _ in range(rows):
        make.user()


@pytest.mark.parametrize(
    ("role", "path", "add_rows"),
    [
        ("staff", "/organisations/", _organisations_with_people),
        ("staff", "/people/", _people_with_organisations),
        ("manager", "/vocabularies/", _terms_in_use),
        ("admin", "/admin/users", _users),
    ],
    ids=["organisations", "people", "vocabularies", "users"],
)
def test_a_later_view_of_one_page_runs_the_same_queries_for_3_or_30_rows(
    client, login, make, app, role, path, add_rows
):
    """The rows on one page (PER_PAGE 50) cost no query each."""
    login(role)
    app.config["PER_PAGE"] = 50
    add_rows(make, 3)
    db.session.commit()
    few = queries_on_page(client, path)
    add_rows(make, 27)
    db.session.commit()
    assert queries_on_page(client, path) == few


def _titles_on_page(client, path: str, titles: list[str]) -> list[str]:
    """The titles among titles that the page shows, in the page's order."""
    text = client.get(path).get_data(as_text=True)
    found = [(text.find(f">{title}<"), title) for title in titles if f">{title}<" in text]
    return [title for _position, title in sorted(found)]


@pytest.mark.parametrize("sort", ["-created", "created", "title", "-title", "stage"])
def test_needs_pages_hold_every_need_once_in_sort_order(client, login, make, app, sort):
    """Deep pages (ids first, then the rows) show the needs in the order of the sorted list."""
    login("manager")
    app.config["PER_PAGE"] = 4
    organisation = make.organisation()
    titles = [f"Seek need {i:02d}" for i in range(11)]
    for i, title in enumerate(titles):
        # Equal creation times on purpose: ties must still page by id, without repeats.
        make.need(organisation, title=title, created_at=datetime(2026, 1, 1 + i // 3))
    db.session.commit()
    filters = parse_filters({}, date(2026, 11, 25))
    expected = [need.title for need in db.session.scalars(list_needs(filters, sort))]
    seen = []
    for page in (1, 2, 3):
        seen += _titles_on_page(client, f"/needs/?sort={sort}&page={page}", titles)
    assert seen == expected
    assert _titles_on_page(client, f"/needs/?sort={sort}&page=4", titles) == []


def test_deleted_needs_stay_off_every_page(client, login, make, app):
    """The page's ids come from the same filtered query: a deleted need is on no page."""
    login("manager")
    app.config["PER_PAGE"] = 2
    organisation = make.organisation()
    needs = [make.need(organisation, title=f"Kept need {i}") for i in range(4)]
    needs[1].deleted_at = datetime(2026, 11, 1)
    db.session.commit()
    text = "".join(client.get(f"/needs/?page={p}").get_data(as_text=True) for p in (1, 2))
    assert "Kept need 1<" not in text
    assert all(f"Kept need {i}<" in text for i in (0, 2, 3))
    assert db.session.get(Need, needs[1].id).deleted_at is not None


def test_board_shows_each_stage_newest_moves_first_up_to_its_limit(app, make):
    """Each column: its most recently moved needs, at most per_column; totals count them all."""
    organisation = make.organisation()
    for day in range(1, 6):
        make.need(organisation, title=f"New {day}", stage_changed_at=datetime(2026, 3, day))
    for day in range(1, 4):
        make.need(organisation, title=f"Won {day}", stage=Stage.WON,
                  stage_changed_at=datetime(2026, 1, day))  # fmt: skip
    make.need(organisation, title="Gone", deleted_at=datetime(2026, 4, 1),
              stage_changed_at=datetime(2026, 4, 1))  # fmt: skip
    db.session.commit()
    f = parse_filters({}, date(2026, 11, 25))
    columns, totals = board_cards(f, per_column=3, per_inactive_column=2), stage_totals(f)
    assert [n.title for n in columns[Stage.NEW]] == ["New 5", "New 4", "New 3"]
    assert [n.title for n in columns[Stage.WON]] == ["Won 3", "Won 2"]  # not active: fewer
    assert totals[Stage.NEW] == 5 and totals[Stage.WON] == 3
    assert all(not columns[s] and not totals[s] for s in Stage if s not in (Stage.NEW, Stage.WON))
