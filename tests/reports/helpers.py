"""Reading the report page in tests: its count links, and the totals of the lists behind them."""

import html
import re

COUNT_LINK = re.compile(r'<a\b[^>]*?href="([^"]+)"[^>]*>\s*(\d+)\s*</a>')
NEEDS_TOTAL = re.compile(r'<div class="text-body-secondary">(\d+) needs?</div>')
FOLLOWUPS_TOTAL = re.compile(r'<div class="text-body-secondary">(\d+) follow-ups?</div>')
# The talks list shows no count when it is empty.
TALKS_TOTAL = re.compile(r'<div class="text-body-secondary">(\d+) talks?</div>')


def count_links(page: str) -> list[tuple[str, int]]:
    """(url, shown count) of every link whose text is a number."""
    return [(html.unescape(url), int(n)) for url, n in COUNT_LINK.findall(page)]


def listed(client, url: str) -> int:
    """How many records the needs, follow-ups or talks list at url says it lists."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.text
    if url.startswith("/talks"):
        match = TALKS_TOTAL.search(page)
        return int(match.group(1)) if match else 0
    match = NEEDS_TOTAL.search(page) or FOLLOWUPS_TOTAL.search(page)
    assert match, url
    return int(match.group(1))
