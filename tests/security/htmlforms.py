"""Read a page's POST form the way a browser would submit it untouched."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collects the fields of the first form whose method is POST and that is not a button."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[list[tuple[str, str]]] = []
        self.names: list[set[str]] = []
        self._form: list | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = []
            self.forms.append(self._form)
            self.names.append(set())
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            self.names[-1].add(name)
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form.append((name, a.get("value") or "on"))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._form.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self.names[-1].add(name)
            self._select, self._options = name, []
            self._multiple = "multiple" in a
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name:
            self.names[-1].add(name)
            self._textarea, self._text = name, ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select and self._form is not None:
            chosen = [v for v, selected in self._options if selected]
            if not chosen and self._options and not self._multiple:
                chosen = [self._options[0][0]]
            self._form.extend((self._select, v) for v in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea and self._form is not None:
            self._form.append((self._textarea, self._text))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text += data


def read_form(html: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(the submitted pairs, every field name) of the page's largest POST form."""
    reader = _FormReader()
    reader.feed(html)
    if not reader.forms:
        raise AssertionError("no POST form on the page")
    index = max(range(len(reader.forms)), key=lambda i: len(reader.names[i]))
    return reader.forms[index], reader.names[index]
