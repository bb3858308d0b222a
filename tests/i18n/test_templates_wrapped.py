"""Every piece of text a user reads in a template goes through _() so that it can be translated."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

# Attributes whose values are read out or shown to the user.
READ_ATTRIBUTES = frozenset({"title", "placeholder", "aria-label", "alt", "aria-placeholder"})
# Text that is the same in every language: units, symbols and names.
ALLOWED = frozenset({"m²", "CNY", "EUR", "USD", "ICS", "CSV", "XLSX", "QR"})

DYNAMIC_TAG = re.compile(r"(</?)\{\{.*?\}\}")  # <{{ tag }}> stays a tag
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)


class _TextFinder(HTMLParser):
    """Collects text nodes and read-out attribute values that still contain letters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag, attrs) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self._check(f'{name}="{value}"', value)

    def handle_endtag(self, tag) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data) -> None:
        if not self._skip:
            self._check(data.strip(), data)

    def _check(self, shown: str, text: str) -> None:
        words = [w for w in re.split(r"[\s·,;:()\[\]/|*\u2013\u2014-]+", text) if w]
        if any(any(c.isalpha() for c in w) and w not in ALLOWED for w in words):
            self.found.append(shown)


# Macro arguments that become visible text: label='Save' inside {{ }} / {% %} must be _('Save').
SHOWN_ARGUMENT = re.compile(
    r"\b(title|label|text|confirm|placeholder|aria_label|message|heading|caption|help)"
    r"\s*=\s*(['\"])(?P<value>[^'\"]*)\2"
)
ALLOWED_ARGUMENTS = frozenset({"https://"})


def literal_arguments(source: str) -> list[str]:
    """Literal strings with letters passed as a shown argument inside Jinja expressions."""
    return [
        found.group(0)
        for expression in JINJA.findall(source)
        for found in SHOWN_ARGUMENT.finditer(expression)
        if any(c.isalpha() for c in found["value"]) and found["value"] not in ALLOWED_ARGUMENTS
    ]


def untranslated_text(source: str) -> list[str]:
    """Text with letters left once the Jinja expressions, tags and comments are taken out."""
    finder = _TextFinder()
    finder.feed(JINJA.sub(" ", DYNAMIC_TAG.sub(r"\1span", source)))
    finder.close()
    return finder.found


def test_template_text_is_wrapped():
    """No literal words outside _(): text, title/placeholder/aria-label/alt, macro arguments."""
    found = {}
    for path in sorted(TEMPLATES.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        if problems := untranslated_text(source) + literal_arguments(source):
            found[str(path.relative_to(TEMPLATES))] = problems
    assert found == {}


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("<p>{{ _('Hello') }}</p>", []),
        ("<p>Hello</p>", ["Hello"]),
        ('<input placeholder="Search">', ['placeholder="Search"']),
        (
            '<a title="{{ _(\'Edit\') }}" aria-label="Edit {{ x }}">{{ x }}</a>',
            ['aria-label="Edit  "'],
        ),
        ("<script>const a = 'b';</script><i>{% if x %}{{ y }}{% endif %} · —</i>", []),
        ("{# a comment #}<span>{{ n }} m²</span>", []),
        ("<td>2026 年</td>", ["2026 年"]),
        ('<{{ tag }} id="h-{{ id }}">{{ title }}</{{ tag }}>', []),
    ],
)
def test_scanner_finds_literal_text(source, found):
    """The scanner itself: wrapped text passes, literal words in text and attributes do not."""
    assert untranslated_text(source) == found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("{{ post_button(url, _('Delete'), confirm=_('Sure?'), style='danger') }}", []),
        ("{{ post_button(url, _('Delete'), confirm='Sure?') }}", ["confirm='Sure?'"]),
        ('{% call page_header(title="People") %}{% endcall %}', ['title="People"']),
        ("{{ render_field(form.site, placeholder='https://') }}", []),
    ],
)
def test_scanner_finds_literal_macro_arguments(source, found):
    """Shown macro arguments must be wrapped too; styles, icons and URLs are not text."""
    assert literal_arguments(source) == found
