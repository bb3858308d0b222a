"""The charts: inline SVG with a title, a link per bar, and the same numbers as a table."""

import re

from tests.conftest import PASSWORD
from tests.reports.conftest import noon_days_ago
from tracker.extensions import db
from tracker.models import OriginRegion, Stage


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


def _table_after(page: str, svg: str) -> str:
    return page[page.index(svg) + len(svg) :].split("</table>")[0]


def test_trend_draws_a_linked_bar_per_value_and_the_table_every_month(client, pipeline):
    page = _page(client, pipeline)
    svg = _svg(page, "trend")
    table = _table_after(page, svg)
    values = [int(n) for n in re.findall(r">(\d+)</a>", table)]
    assert len(values) == 48  # twelve months of four series
    # A zero draws no bar (and no link): the bars are the table's non-zero links.
    assert len(re.findall(r"<a href=", svg)) == sum(1 for v in values if v)
    bar_links = re.findall(r'<a href="([^"]+)"', svg)
    assert set(bar_links) <= set(re.findall(r'<a href="([^"]+)"', table))
    for label in ("New needs", "Won", "Lost", "Talks held"):
        assert f"</span> {label}</li>" in page  # the legend
    assert len(re.findall(r'<a href="/talks/\?[^"]*held_from=', table)) == 12


def test_trend_charts_are_compact_and_leave_out_the_empty_months_before_any(client, pipeline):
    """The follow-ups done fall 25 and 60 days ago: the chart starts at the month of the
    earlier, is drawn at its own size (width in pixels) and stays low."""
    page = _page(client, pipeline)
    svg = _svg(page, "done")
    width, height = map(float, re.search(r'viewBox="0 0 (\S+) (\S+)"', svg).groups())
    assert f'width="{width:.0f}"' in svg
    assert height <= 170
    first = noon_days_ago(60).date().replace(day=1)
    months = (noon_days_ago(0).date().year - first.year) * 12 + noon_days_ago(0).month - first.month
    assert len(re.findall(r'font-size="11" fill="#212529"', svg)) == months + 1
    assert len(re.findall(r"<a href=", svg)) == 2


def test_stages_are_drawn_on_a_brand_scale_with_red_for_lost_only(client, pipeline):
    svg = _svg(_page(client, pipeline), "funnel")
    fills = dict(re.findall(r"<title>([^:<]+): \d+</title>\s*<text[^>]*>[^<]*</text>\s*"
                            r'<rect[^>]*fill="([^"]+)"', svg))  # fmt: skip
    assert set(fills) == {s.label for s in Stage}
    danger = "#dc3545"
    assert [label for label, fill in fills.items() if fill == danger] == ["Lost"]
    assert fills["Matching"] != danger and fills["Won"] == "#198754"


def test_print_stylesheet_keeps_charts_and_drops_filters(client, pipeline):
    page = _page(client, pipeline)
    assert "@media print" in page
    assert re.search(r'<form class="[^"]*d-print-none[^"]*" method="get"', page)


def test_names_are_escaped_in_charts_and_tables(client, pipeline):
    region = db.session.get(OriginRegion, pipeline.things["thuringia"].origin_region_id)
    region.name = "<script>alert(1)</script>"
    db.session.commit()
    page = _page(client, pipeline)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
