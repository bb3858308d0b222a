"""Every needs page renders for a logged-in user."""

from tracker.extensions import db


def test_pages_render(client, login, make):
    user = login()
    org = make.organisation(name="Saale Robotik GmbH")
    need = make.need(organisation=org, owner=user, title="3,000 m² production space")
    make.followup(user, need=need, organisation=org, assigned_by=user)
    db.session.commit()
    for url in [
        "/needs/",
        "/needs/board",
        "/needs/new",
        f"/needs/{need.id}",
        f"/needs/{need.id}/edit",
        f"/needs/{need.id}/stage?to=lost",
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.text[-3000:])
