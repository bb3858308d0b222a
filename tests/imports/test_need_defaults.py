"""The needs an import creates get an owner (the importing user unless another is chosen on the
preview) and a category chosen there, so they do not count as "No owner" (issue 20)."""

from flask import url_for
from sqlalchemy import select

from tests.imports.helpers import run
from tests.imports.test_views import draft_id, mapping_data, upload
from tracker.extensions import db
from tracker.imports.commit import NeedDefaults
from tracker.models import Need

ROWS = [
    ["Name", "Organisation", "Kooperationsbedarf"],
    ["Eva Lang", "Optik Lang GmbH", "Produktionsfläche 2.000 m²"],
    ["Jan Kurz", "Glaswerk Ilmenau AG", "Fachkräfte"],
]
FIELDS = ["full_name", "organisation", "needs"]


def _to_preview(client, delegation) -> int:
    from tests.imports.files import xlsx

    upload(client, delegation, xlsx(ROWS))
    record_id = draft_id()
    client.post(url_for("imports.mapping", record_id=record_id), data=mapping_data(FIELDS))
    return record_id


def _needs() -> list[Need]:
    return list(db.session.scalars(select(Need).order_by(Need.title)))


def test_the_services_give_the_needs_the_owner_and_category(make, delegation):
    owner, category = make.user(), make.category()
    run(ROWS, delegation, need_defaults=NeedDefaults(owner.id, category.id))
    assert [(n.owner_id, n.category_id) for n in _needs()] == [(owner.id, category.id)] * 2


def test_without_a_choice_the_importing_user_owns_the_needs(make, delegation):
    user = make.user()
    run(ROWS, delegation, user)
    assert {n.owner_id for n in _needs()} == {user.id}


def test_the_preview_asks_for_owner_and_category_owner_preset_to_me(client, login, delegation):
    user = login("staff")
    record_id = _to_preview(client, delegation)
    page = client.get(url_for("imports.preview", record_id=record_id)).text
    new_needs = page.split('id="new-needs"')[1]
    assert f'<option selected value="{user.id}">' in new_needs.split('id="need_category_id"')[0]
    assert 'id="need_category_id"' in new_needs


def test_confirming_gives_the_needs_the_chosen_owner_and_category(client, login, make,
                                                                  delegation):  # fmt: skip
    login("staff")
    colleague, category = make.user(display_name="Wang Fang"), make.category()
    db.session.commit()
    record_id = _to_preview(client, delegation)
    response = client.post(
        url_for("imports.preview", record_id=record_id),
        data={"need_owner_id": colleague.id, "need_category_id": category.id},
    )
    assert response.status_code == 302
    assert [(n.owner_id, n.category_id) for n in _needs()] == [(colleague.id, category.id)] * 2


def test_confirming_without_the_fields_leaves_the_needs_mine(client, login, delegation):
    user = login("staff")
    record_id = _to_preview(client, delegation)
    assert client.post(url_for("imports.preview", record_id=record_id)).status_code == 302
    assert [(n.owner_id, n.category_id) for n in _needs()] == [(user.id, None)] * 2


def test_an_unknown_owner_is_refused_and_nothing_imported(client, login, delegation):
    login("staff")
    record_id = _to_preview(client, delegation)
    response = client.post(
        url_for("imports.preview", record_id=record_id), data={"need_owner_id": "424242"}
    )
    assert response.status_code == 200
    assert "Not a valid choice" in response.text
    assert _needs() == []
