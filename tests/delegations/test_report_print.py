"""The printed delegation report: the commission's letterhead (COMMISSION_NAME, COMMISSION_LOGO),
page numbers and the commission's name in the page margins, and the print stylesheet's rules."""

import re

import pytest

from tracker.extensions import db
from tracker.letterhead import css_string

LOGO = '<img class="letterhead-logo" src="/letterhead/logo" alt="">'


@pytest.fixture
def app_config(request) -> dict:
    """The settings a test names with @pytest.mark.parametrize("app_config", ..., indirect=True)."""
    return getattr(request, "param", {})


def _report(client, login, make) -> str:
    login()
    delegation = make.delegation(source_url="https://example.org/visit?id=7&lang=de")
    db.session.commit()
    response = client.get(f"/delegations/{delegation.id}/report")
    assert response.status_code == 200
    return response.text


def test_letterhead_names_a_generic_commission_and_shows_no_logo_by_default(client, login, make):
    page = _report(client, login, make)
    assert '<span class="letterhead-name">District Commerce Commission</span>' in page
    assert "letterhead-logo" not in page
    assert client.get("/letterhead/logo").status_code == 404


@pytest.mark.parametrize(
    "app_config",
    [{"COMMISSION_NAME": "Baoshan District Commerce Commission 宝山区商务委员会"}],
    indirect=True,
)
def test_letterhead_shows_the_configured_name(client, login, make):
    page = _report(client, login, make)
    name = "Baoshan District Commerce Commission 宝山区商务委员会"
    assert f'<span class="letterhead-name">{name}</span>' in page
    assert f'@bottom-left {{ content: "{name}"; }}' in page


@pytest.mark.parametrize("app_config", [{"COMMISSION_LOGO": "static/img/favicon.svg"}],
                         indirect=True)  # fmt: skip
def test_a_logo_under_static_is_shown_and_served(client, login, make):
    page = _report(client, login, make)
    assert LOGO in page
    logo = client.get("/letterhead/logo")
    assert logo.status_code == 200 and logo.mimetype == "image/svg+xml"


@pytest.mark.parametrize("app_config", [{"COMMISSION_LOGO": "instance/brand/logo.png"}],
                         indirect=True)  # fmt: skip
def test_a_logo_under_instance_is_served_from_the_instance_folder(app, client, login, make,
                                                                 tmp_path):  # fmt: skip
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    app.instance_path = str(tmp_path)
    assert LOGO in _report(client, login, make)
    logo = client.get("/letterhead/logo")
    assert logo.status_code == 200 and logo.data.startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "setting",
    ["https://example.org/logo.png", "//example.org/logo.png", "/etc/logo.png",
     "static/../instance/secret_key", "instance/secret_key", "static/img/missing.png",
     "img/favicon.svg", "static"],
)  # fmt: skip
def test_a_remote_or_unsafe_logo_is_never_shown(app, client, login, make, setting):
    app.config["COMMISSION_LOGO"] = setting
    assert "letterhead-logo" not in _report(client, login, make)
    assert client.get("/letterhead/logo").status_code == 404


def test_pages_carry_their_number_and_the_commissions_name(client, login, make):
    page = _report(client, login, make)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    assert "@media print" in style
    assert '@bottom-left { content: "District Commerce Commission"; }' in style
    assert '@bottom-right { content: "Page " counter(page) " of " counter(pages); }' in style


def test_css_strings_cannot_leave_their_quotes_or_the_style_element():
    assert css_string('A "B" \\ C') == '"A \\22 B\\22  \\5c  C"'
    assert css_string("</style><script>") == '"\\3c /style\\3e \\3c script\\3e "'
    assert css_string("宝山 Ü") == '"宝山 Ü"'


def test_the_source_address_prints_once(client, login, make):
    page = _report(client, login, make)
    link = re.search(r'<a class="external[^"]*" href="([^"]+)"[^>]*>([^<]+)</a>', page)
    assert link.group(1) == link.group(2) == "https://example.org/visit?id=7&amp;lang=de"
    assert "data-shows-url" in link.group(0)  # so print.css adds no copy of it after
    css = _print_css(client)
    assert ':not([data-shows-url])::after { content: " (" attr(href) ")"' in " ".join(css.split())


def _print_css(client) -> str:
    response = client.get("/static/css/print.css")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_print_css_keeps_headings_with_their_content_and_paper_white(client, login):
    login()
    css = " ".join(_print_css(client).split())
    assert "h1, h2, h3, .letterhead { break-after: avoid; }" in css
    assert "h2 + *, h2 + p + table { break-before: avoid; }" in css
    assert "html, body, body.bg-body-tertiary, main { background: #fff !important; }" in css
    assert "box-shadow: none !important" in css
    assert "@bottom-right {" in css and "@page {" in css
