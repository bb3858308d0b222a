"""Temporary smoke check while the features are built."""


def test_login_page(client):
    assert client.get("/login").status_code == 200


def test_dashboard_needs_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_dashboard_after_login(client, login):
    login("staff")
    response = client.get("/")
    assert response.status_code == 200, response.text
