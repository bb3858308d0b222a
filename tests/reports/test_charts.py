"""The charts: inline SVG with a title, a link per bar, and the same numbers as a table."""

import re

from tests.conftest import PASSWORD
from tracker.extensions import db
from tracker.models import Stage


def _page(client, pipeline, **query) -> str:
    client.post("/login", data={"email": pipeline.manager.email, "password": PASSWORD})
    return client.get("/reports/pipeline", query_string=query).text


def _svg(page: str, chart_id: str) -> str:
    match = re.search(rf'<svg[^>]*aria-labelledby="{chart_id}-title".*?</svg>', page, re.S)
    assert match, chart_id
    return match.group(0)


def test_funnel_has_a_linked_bar_per_stage_and_a_title(client, pipeline):
    svg = _svg(_page(client, pipeline), "funnel")
    assert 'role="group"' in svg
    assert '<title id="funnel-title">Needs by current stage</title>' in svg
    assert len(re.findall(r"<a href=", svg)) == len(Stage)
    assert "<title>Talks: 1</title>" in svg
    assert 'href="/needs/?stage=talks"' in svg


def test_every_chart_is_followed_by_its_table(client, pipeline):
    page = _page(client, pipeline)
    for chart in ("funnel", "industry", "category", "delegation", "region", "owner", "lost",
                  "done", "trend"):  # fmt: skip
        svg = _svg(page, chart)
        after = page[page.index(svg) + len(svg) :]
        assert after.lstrip().startswith('<div class="table-responsive">'), chart


def test_bar_links_match_the_table_links(client, pipeline):
    page = _page(client, pipeline)
    svg = _svg(page, "region")
    links = re.findall(r'<a href="([^"]+)"', svg)
    table = page[page.index(svg) + len(svg) :].split("</table>")[0]
    assert links == re.findall(r'<a href="([^"]+)"', table)


def test_trend_shows_twelve_months_with_four_series(client, pipeline):
    svg = _svg(_page(client, pipeline), "trend")
    assert len(re.findall(r"<a href=", svg)) == 48
    assert "New needs" in svg and "Won" in svg and "Lost" in svg and "Talks held" in svg
    assert len(re.findall(r'<a href="/talks/\?[^"]*held_from=', svg)) == 12


def test_print_stylesheet_keeps_charts_and_drops_filters(client, pipeline):
    page = _page(client, pipeline)
    assert "@media print" in page
    assert re.search(r'<form class="[^"]*d-print-none[^"]*" method="get"', page)


def test_names_are_escaped_in_charts_and_tables(client, pipeline):
    pipeline.things["thuringia"].origin_region = "<script>alert(1)</script>"
    db.session.commit()
    page = _page(client, pipeline)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_empty_report_renders(client, login):
    login("manager")
    page = client.get("/reports/pipeline").text
    assert "No stage history yet." in page
    assert "No needs match these filters." in page
