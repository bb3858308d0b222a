"""Templates' _(): translated in the request's language, with Jinja's newstyle rules (markup
where templates autoescape, variables escaped and filled in, "%%" read as "%")."""

import pytest
from flask import render_template_string
from flask_babel import force_locale


def _render(app, source: str, **context) -> str:
    with app.test_request_context():
        return render_template_string(source, **context)


@pytest.mark.parametrize(
    ("language", "expected"), [("zh", "需求"), ("de", "Bedarf"), ("en", "Need")]
)
def test_a_label_is_translated(app, language, expected):
    with app.test_request_context(), force_locale(language):
        assert render_template_string("{{ _('Need') }}") == expected


def test_variables_are_escaped_and_filled_in(app):
    with app.test_request_context(), force_locale("de"):
        text = render_template_string(
            "{{ _('Edit “%(title)s”', title=title) }}", title="<b>R&D</b>"
        )
    assert text == "„&lt;b&gt;R&amp;D&lt;/b&gt;“ bearbeiten"


def test_a_percent_sign_is_written_as_in_jinja(app):
    assert _render(app, "{{ _('100%% sure') }}|{{ _('%(n)s%%', n=5) }}") == "100% sure|5%"


def test_a_label_is_markup_where_templates_autoescape(app):
    with app.test_request_context():
        escaped = app.jinja_env.from_string("{{ _('Need') ~ '<' }}").render()
        plain = app.jinja_env.overlay(autoescape=False).from_string("{{ _('A & B') }}").render()
    assert escaped == "Need&lt;" and plain == "A & B"
