"""A drill-down into the follow-ups or needs list stays visible and survives refining the list."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import log_in_as
from tests.reports.conftest import noon_days_ago
from tests.reports.helpers import count_links


def _hidden(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))


def _chips(page: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", html.unescape(c)).split())
        for c in re.findall(r'<span class="badge[^"]*filter-chip">(.*?)</span></li>', page, re.S)
    ]


def _links(page: str) -> list[str]:
    return [html.unescape(u) for u in re.findall(r'href="(/followups/\?[^"]*)"', page)]


def _drill_url(client, pipeline) -> str:
    """The report's "follow-ups done" link for the month of n2's completed follow-up."""
    thuringia = pipeline.things["thuringia"].id
    page = client.get("/reports/pipeline", query_string={"delegation_id": thuringia}).text
    month = noon_days_ago(25).strftime("%Y-%m")
    return next(u for u, n in count_links(page) if f"completed_from={month}" in u and n)


def test_report_drill_shows_chips_and_keeps_them_as_hidden_inputs(client, pipeline):
    log_in_as(client, pipeline.manager)
    url = _drill_url(client, pipeline)
    page = client.get(url).text
    assert re.search(r"\b1 follow-up\b(?!s)", page)
    chips = _chips(page)
    assert "Follow-ups on needs only" in chips
    assert "Delegation: Thuringia visit" in chips
    assert any(c.startswith("Completed ") for c in chips)
    hidden = _hidden(page)
    args = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    for key in ("on_needs", "need.delegation_id", "completed_from", "completed_to"):
        assert hidden[key] == args[key]
    assert "status" not in hidden  # the form has a select for it


def test_refining_the_list_keeps_the_drill(client, pipeline):
    """Submitting the form (its hidden inputs plus a new status) lists the same follow-up."""
    log_in_as(client, pipeline.manager)
    page = client.get(_drill_url(client, pipeline)).text
    refined = client.get("/followups/", query_string={**_hidden(page), "status": "done"}).text
    assert re.search(r"\b1 follow-up\b(?!s)", refined)
    assert "Delegation: Thuringia visit" in _chips(refined)
    assert (
        "0 follow-ups"
        in client.get("/followups/", query_string={**_hidden(page), "status": "open"}).text
    )


def test_removing_a_chip_drops_only_its_filter(client, pipeline):
    log_in_as(client, pipeline.manager)
    thuringia = pipeline.things["thuringia"].id
    page = client.get(f"/followups/?on_needs=1&need.delegation_id={thuringia}&status=done").text
    assert re.search(r"\b1 follow-up\b(?!s)", page)
    removes = {
        label: html.unescape(href)
        for label, href in re.findall(
            r'filter-chip">([^<]+?)\s*<a class="ms-1 link-secondary" href="([^"]+)"', page
        )
    }
    drop_delegation = removes["Delegation: Thuringia visit"]
    assert parse_qs(urlsplit(drop_delegation).query) == {"on_needs": ["1"], "status": ["done"]}
    assert "2 follow-ups" in client.get(drop_delegation).text  # done ones on any need
    drop_on_needs = parse_qs(urlsplit(removes["Follow-ups on needs only"]).query)
    assert drop_on_needs == {"status": ["done"]}  # the needs filters go with it


def test_sort_and_pagination_links_keep_the_drill(app, client, pipeline):
    log_in_as(client, pipeline.manager)
    app.config["PER_PAGE"] = 1
    thuringia = pipeline.things["thuringia"].id
    page = client.get(f"/followups/?on_needs=1&need.delegation_id={thuringia}").text
    links = _links(page)
    sorts = [u for u in links if "sort=" in u]
    pages = [u for u in links if "page=2" in u]
    assert sorts and pages
    for url in sorts + pages:
        args = parse_qs(urlsplit(url).query)
        assert args["on_needs"] == ["1"] and args["need.delegation_id"] == [str(thuringia)]
    assert "Delegation: Thuringia visit" in _chips(client.get(pages[0]).text)


@pytest.mark.parametrize(
    ("query", "chip"),
    [
        ("on_needs=1&need.stage=talks", "Need stage: Talks"),
        ("on_needs=1&need.owner_id={a}", "Need owner: Staff An"),
        ("on_needs=1&need.category_id=none", "Category: none"),
        ("on_needs=1&need.key_industry_id={robotics}", "Key industry: Robotics"),
        ("on_needs=1&need.origin=AT", "Origin country: Austria"),
        ("on_needs=1&need.region=Saxony", "Origin region: Saxony"),
        ("on_needs=1&need.no_open_followup=1", "Needs without an open follow-up"),
        ("need_id={n1}", "Need: Need n1"),
        ("completed_from=2026-05-01", "Completed from 1 May 2026"),
    ],
)
def test_each_drill_filter_has_a_chip(client, pipeline, query, chip):
    log_in_as(client, pipeline.manager)
    values = {"a": pipeline.staff_a.id, "robotics": pipeline.things["robotics"].id,
              "n1": pipeline.needs["n1"].id}  # fmt: skip
    page = client.get("/followups/?" + query.format(**values))
    assert page.status_code == 200
    assert chip in _chips(page.text)


@pytest.mark.parametrize(
    "query",
    ["on_needs=1&need.stage=bogus", "on_needs=2&need.owner_id=1", "need.delegation_id=x",
     "completed_from=2026-13-40", "need_id=%C2%B2", "on_needs=1&need.delegation_id=99999"],
)  # fmt: skip
def test_bad_drill_values_never_fail(client, pipeline, query):
    log_in_as(client, pipeline.manager)
    assert client.get("/followups/?" + query).status_code == 200


def test_plain_list_has_no_chips(client, pipeline):
    log_in_as(client, pipeline.manager)
    page = client.get("/followups/").text
    assert not _chips(page)
    assert "Other filters" not in page


def test_needs_list_keeps_moved_filters_in_form_sort_and_pages(app, client, pipeline):
    log_in_as(client, pipeline.manager)
    app.config["PER_PAGE"] = 1
    moved_from, moved_to = noon_days_ago(20).date(), noon_days_ago(5).date()
    query = f"moved_from={moved_from}&moved_to={moved_to}"
    page = client.get(f"/needs/?{query}").text
    assert "3 needs" in page
    assert "Current stage since" in page
    hidden = _hidden(page)
    assert hidden["moved_from"] == moved_from.isoformat()
    assert hidden["moved_to"] == moved_to.isoformat()
    links = [html.unescape(u) for u in re.findall(r'href="(/needs/\?[^"]*)"', page)]
    kept = [u for u in links if "sort=" in u or "page=2" in u]
    assert kept
    for url in kept:
        assert f"moved_from={moved_from}" in url and f"moved_to={moved_to}" in url


def test_talks_drill_shows_its_needs_filters_as_chips_and_hidden_inputs(client, pipeline):
    log_in_as(client, pipeline.manager)
    thuringia = pipeline.things["thuringia"].id
    page = client.get("/reports/pipeline", query_string={"delegation_id": thuringia}).text
    url = next(u for u, n in count_links(page) if u.startswith("/talks/?") and n)
    listing = client.get(url).text
    assert "Talks on needs only" in _chips(listing)
    assert "Delegation: Thuringia visit" in _chips(listing)
    hidden = _hidden(listing)
    assert hidden["on_needs"] == "1"
    assert hidden["need.delegation_id"] == str(thuringia)
