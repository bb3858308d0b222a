"""Reading the report page in tests: its count links, and the totals of the lists behind them."""

import html
import re

COUNT_LINK = re.compile(r'<a\b[^>]*?href="([^"]+)"[^>]*>\s*(\d+)\s*</a>')
NEEDS_TOTAL = re.compile(r'<div class="text-body-secondary">(\d+) needs?</div>')
FOLLOWUPS_TOTAL = re.compile(r'<div class="text-body-secondary">(\d+) follow-ups</div>')


def count_links(page: str) -> list[tuple[str, int]]:
    """(url, shown count) of every link whose text is a number."""
    return [(html.unescape(url), int(n)) for url, n in COUNT_LINK.findall(page)]


def listed(client, url: str) -> int:
    """How many records the needs or follow-ups list at url says it lists."""
    page = client.get(url).text
    match = NEEDS_TOTAL.search(page) or FOLLOWUPS_TOTAL.search(page)
    assert match, url
    return int(match.group(1))
