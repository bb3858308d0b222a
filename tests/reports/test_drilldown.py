"""Every figure links to the list of records behind it: the count shown is the rows listed."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import log_in_as
from tests.reports.conftest import noon_days_ago
from tests.reports.helpers import count_links, listed


@pytest.mark.parametrize(
    "query",
    [
        lambda p: {},
        lambda p: {
            "delegation_id": p.things["thuringia"].id,
            "key_industry_id": p.things["robotics"].id,
        },
        lambda p: {"date_from": noon_days_ago(70).date().isoformat(), "dates": "talks"},
        lambda p: {"date_from": noon_days_ago(90).date().isoformat(), "origin": "DE"},
    ],
    ids=["all", "thuringia-robotics", "reached-talks", "created-origin"],
)
def test_each_count_equals_the_rows_of_its_list(client, pipeline, query):
    log_in_as(client, pipeline.manager)
    filters = query(pipeline)
    page = client.get("/reports/pipeline", query_string=filters).text
    links = count_links(page)
    assert len(links) > 40
    checked = {}
    for url, shown in links:
        if url not in checked:
            checked[url] = listed(client, url)
        assert checked[url] == shown, url


def test_followup_links_keep_to_follow_ups_on_the_reports_needs(client, pipeline):
    log_in_as(client, pipeline.manager)
    page = client.get(
        "/reports/pipeline", query_string={"delegation_id": pipeline.things["thuringia"].id}
    ).text
    urls = [url for url, _n in count_links(page) if url.startswith("/followups")]
    assert urls
    args = parse_qs(urlsplit(urls[0]).query)
    assert args["on_needs"] == ["1"]
    assert args["need.delegation_id"] == [str(pipeline.things["thuringia"].id)]


def test_talks_bar_lists_the_needs_in_talks(client, pipeline):
    log_in_as(client, pipeline.manager)
    page = client.get("/reports/pipeline").text
    url = next(url for url, _n in count_links(page) if "stage=talks" in url)
    listing = client.get(url).text
    assert "Need n1" in listing and "Need n7" not in listing


@pytest.mark.parametrize("by_delegation", [False, True])
def test_talks_held_link_to_the_talks_list_of_their_month(client, pipeline, by_delegation):
    log_in_as(client, pipeline.manager)
    thuringia = pipeline.things["thuringia"].id
    query = {"delegation_id": thuringia} if by_delegation else {}
    page = client.get("/reports/pipeline", query_string=query).text
    urls = [url for url, _n in count_links(page) if url.startswith("/talks/?")]
    assert len(urls) == 12  # one per month in the table (the chart has the same links)
    args = parse_qs(urlsplit(urls[-1]).query)
    month = noon_days_ago(0).date().replace(day=1)
    assert args["held_from"] == [month.isoformat()]
    assert args["held_to"][0].startswith(month.strftime("%Y-%m-"))
    assert args["on_needs"] == ["1"] and args["status"] == ["held"]
    assert args.get("need.delegation_id") == ([str(thuringia)] if by_delegation else None)
    assert "Talks held" in page


def test_staff_counts_equal_the_rows_of_their_lists(client, pipeline):
    log_in_as(client, pipeline.staff_a)
    links = count_links(client.get("/reports/pipeline").text)
    assert any(url.startswith("/talks/?") for url, _n in links)
    for url, shown in dict(links).items():
        assert listed(client, url) == shown, url
