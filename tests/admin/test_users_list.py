"""The user list and the role matrix over every admin endpoint."""

import pytest

from tracker.extensions import db


def _get_pages(user_id: int) -> list[str]:
    return [
        "/admin/users",
        "/admin/users/new",
        f"/admin/users/{user_id}/edit",
        f"/admin/users/{user_id}/reset-password",
    ]


def _post_actions(user_id: int) -> list[str]:
    return [
        "/admin/users/new",
        f"/admin/users/{user_id}/edit",
        f"/admin/users/{user_id}/deactivate",
        f"/admin/users/{user_id}/activate",
        f"/admin/users/{user_id}/reset-password",
    ]


def test_anonymous_is_sent_to_login(client, make):
    target = make.user()
    db.session.commit()
    for url in _get_pages(target.id):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url
    for url in _post_actions(target.id):
        response = client.post(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


@pytest.mark.parametrize("role", ["staff", "manager"])
def test_non_admins_are_forbidden(client, make, login, role):
    login(role)
    target = make.user(password="unchanged pw")
    db.session.commit()
    for url in _get_pages(target.id):
        assert client.get(url).status_code == 403, url
    for url in _post_actions(target.id):
        assert client.post(url, data={"display_name": "x", "role": "admin"}).status_code == 403
    db.session.refresh(target)
    assert target.active and target.role.value == "staff" and target.check_password("unchanged pw")


def test_admin_reaches_every_page(client, make, login):
    login("admin")
    target = make.user()
    db.session.commit()
    for url in _get_pages(target.id):
        assert client.get(url).status_code == 200, url


def test_post_only_actions_refuse_get(client, make, login):
    login("admin")
    target = make.user()
    db.session.commit()
    assert client.get(f"/admin/users/{target.id}/deactivate").status_code == 405


def test_missing_user_is_404(client, login):
    login("admin")
    assert client.get("/admin/users/999/edit").status_code == 404
    assert client.post("/admin/users/999/deactivate").status_code == 404


def test_list_shows_name_email_role_status_and_created(client, make, login):
    login("admin", display_name="Admin One")
    make.user(display_name="Müller, Jens", email="jens@leg-thueringen.de", role="manager",
              active=False)  # fmt: skip
    db.session.commit()
    page = client.get("/admin/users").text
    assert "Müller, Jens" in page and "jens@leg-thueringen.de" in page
    assert "Manager" in page and "Deactivated" in page
    assert "Admin One" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?q=jens", "Jens", "Wang Fang"),
        ("?q=BAOSHAN", "Wang Fang", "Jens"),
        ("?role=manager", "Jens", "Wang Fang"),
        ("?status=inactive", "Wang Fang", "Jens"),
        ("?status=active&role=manager", "Jens", "Wang Fang"),
    ],
)
def test_list_filters(client, make, login, query, shown, hidden):
    login("admin")
    make.user(display_name="Jens", email="jens@example.org", role="manager")
    make.user(display_name="Wang Fang", email="wang@baoshan.gov.cn", active=False)
    db.session.commit()
    page = client.get("/admin/users" + query).text
    assert shown in page and hidden not in page


def test_unknown_filter_values_are_ignored(client, make, login):
    login("admin")
    make.user(display_name="Jens")
    db.session.commit()
    response = client.get("/admin/users?role=emperor&status=zombie&sort=nonsense&page=abc")
    assert response.status_code == 200 and "Jens" in response.text


def test_list_is_paginated(client, make, login, app):
    app.config["PER_PAGE"] = 5
    admin = login("admin", display_name="AAA admin")
    for n in range(7):
        make.user(display_name=f"User {n:02d}")
    db.session.commit()
    first = client.get("/admin/users").text
    second = client.get("/admin/users?page=2").text
    assert "User 03" in first and "User 04" not in first
    assert "User 04" in second and "User 06" in second
    assert (
        f"/admin/users/{admin.id}/edit" in first and f"/admin/users/{admin.id}/edit" not in second
    )
    assert "1\u20135 of 8" in first


def test_sort_by_email_descending(client, make, login):
    login("admin", email="m-admin@example.org")
    make.user(email="a@example.org")
    make.user(email="z@example.org")
    db.session.commit()
    page = client.get("/admin/users?sort=-email").text.split("<tbody>")[1]
    assert (
        page.index("z@example.org")
        < page.index("m-admin@example.org")
        < page.index("a@example.org")
    )


def test_names_are_escaped(client, make, login):
    login("admin")
    target = make.user(display_name="<script>alert(1)</script>")
    db.session.commit()
    for url in ("/admin/users", f"/admin/users/{target.id}/edit"):
        page = client.get(url).text
        assert "<script>alert(1)</script>" not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
