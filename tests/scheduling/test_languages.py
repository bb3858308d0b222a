"""Languages read from free text, and interpreters' pairs."""

import pytest

from tracker.scheduling.languages import format_pairs, parse_languages, parse_pairs


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("German, English", {"de", "en"}),
        ("de/en", {"de", "en"}),
        ("德语", {"de"}),
        ("Deutsch", {"de"}),
        ("德语、英语", {"de", "en"}),
        ("中文\uff0c英语", {"zh", "en"}),
        ("德语英语", {"de", "en"}),
        ("Englisch und Deutsch (fließend)", {"de", "en"}),
        ("Mandarin; English (basic)", {"zh", "en"}),
        ("German English", {"de", "en"}),
        ("Italian", {"it"}),
        ("Swahili", {"swahili"}),
        ("", set()),
        (None, set()),
    ],
)
def test_languages_are_read_from_what_people_write(text, codes):
    assert parse_languages(text) == codes


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("de-zh, en-zh", "de-zh en-zh"),
        ("German-Chinese", "de-zh"),
        ("德语-中文", "de-zh"),
        ("de - zh en/zh", "de-zh en-zh"),
        ("zh-de de-zh", "de-zh"),
        ("de", ""),
        ("de-de", ""),
    ],
)
def test_interpreter_pairs_are_read_unordered(text, written):
    assert format_pairs(parse_pairs(text)) == written
