"""The organisation page and deleting organisations."""

from datetime import date

from tracker.extensions import db


def test_detail_shows_fields_people_and_delegations(client, login, make):
    login()
    industry = make.industry(name="Photonics")
    organisation = make.organisation(
        name="Jenaer Optronik AG",
        name_zh="耶拿光电",
        city="Jena",
        website="https://jena-optronik.de",
        key_industry=industry,
        description="Space sensors.\nStar trackers.",
    )
    person = make.person(full_name="Anna Müller", organisation=organisation, position="CEO")
    old = make.delegation(title="Thuringia 2024", start_date=date(2024, 5, 1))
    new = make.delegation(title="Thuringia 2026", start_date=date(2026, 5, 1))
    make.delegation(
        title="Photonics fair 2025", start_date=date(2025, 5, 1), extra_organisations=[organisation]
    )  # named without members
    make.member(old, person)
    make.member(new, person)
    make.member(new, make.person(organisation=organisation))  # twice in one: listed once
    make.delegation(title="Unrelated")
    db.session.commit()
    html = client.get(f"/organisations/{organisation.id}").text
    assert "耶拿光电" in html and "Photonics" in html and "Jena, Germany" in html
    assert 'href="https://jena-optronik.de"' in html
    assert "Space sensors.<br>Star trackers." in html
    assert f'href="/people/{person.id}">Anna Müller</a>' in html
    assert "CEO" in html
    titles = [t for t in ("Thuringia 2026", "Photonics fair 2025", "Thuringia 2024") if t in html]
    assert titles == ["Thuringia 2026", "Photonics fair 2025", "Thuringia 2024"]
    assert html.index("Thuringia 2026") < html.index("Photonics fair") < html.index("2024")
    assert html.count(f'href="/delegations/{new.id}"') == 1
    assert "Unrelated" not in html
    assert f"/people/new?organisation_id={organisation.id}" in html


def test_detail_membership_snapshot_counts_after_person_moved(client, login, make):
    login()
    before = make.organisation(name="Old Employer GmbH")
    after = make.organisation(name="New Employer GmbH")
    person = make.person(organisation=before)
    delegation = make.delegation(title="Visit 2024")
    make.member(delegation, person)
    person.organisation = after
    db.session.commit()
    assert "Visit 2024" in client.get(f"/organisations/{before.id}").text
    assert "Visit 2024" not in client.get(f"/organisations/{after.id}").text


def test_detail_escapes_script(client, login, make):
    login()
    organisation = make.organisation(
        name="<script>alert(1)</script>", description="<img src=x onerror=alert(1)>"
    )
    make.person(full_name="<script>p</script>", organisation=organisation)
    db.session.commit()
    html = client.get(f"/organisations/{organisation.id}").text
    assert "<script>alert(1)" not in html and "<script>p" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_delete_confirmation_page_refused_too(client, login, make):
    login("manager")
    organisation = make.organisation()
    make.person(organisation=organisation)
    db.session.commit()
    response = client.get(f"/organisations/{organisation.id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/organisations/{organisation.id}")


def test_delete_unknown_is_404(client, login):
    login("manager")
    assert client.post("/organisations/999/delete").status_code == 404
