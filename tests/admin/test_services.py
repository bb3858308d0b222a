"""The user services, without HTTP: the create-user contract and the admin guards."""

from datetime import datetime

import pytest

from tracker.admin import services
from tracker.admin.services import UserError
from tracker.extensions import db
from tracker.models import Role


def _create(**kw):
    values = {"email": "li.wei@baoshan.gov.cn", "display_name": "Li Wei", "role": Role.STAFF,
              "password": "long enough"}  # fmt: skip
    values.update(kw)
    return services.create_user(**values)


def test_create_user_stores_lower_case_email_and_a_hash(app):
    user = _create(email="  Li.Wei@Baoshan.GOV.cn ", role=Role.MANAGER)
    assert user.id is not None
    assert user.email == "li.wei@baoshan.gov.cn"
    assert user.role is Role.MANAGER and user.active
    assert "long enough" not in user.password_hash
    assert user.check_password("long enough")


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"email": "not-an-address"}, "email", "valid e-mail"),
        ({"email": ""}, "email", "valid e-mail"),
        ({"email": "a@" + "b" * 260 + ".de"}, "email", "valid e-mail"),
        ({"display_name": "   "}, "display_name", "Enter a name"),
        ({"display_name": "x" * 121}, "display_name", "at most 120"),
        ({"password": "seven77"}, "password", "at least 8"),
        ({"password": "x" * 129}, "password", "at most 128"),
    ],
)
def test_create_user_refuses_bad_input(app, kw, field, message):
    with pytest.raises(UserError, match=message) as error:
        _create(**kw)
    assert error.value.field == field


def test_create_user_refuses_an_address_used_in_another_case(make):
    make.user(email="li.wei@baoshan.gov.cn")
    with pytest.raises(UserError, match="already used"):
        _create(email="LI.WEI@baoshan.gov.cn")


def test_password_limits_are_inclusive(app):
    assert _create(email="a@example.org", password="x" * 8)
    assert _create(email="b@example.org", password="x" * 128)


def test_generated_passwords_are_long_and_differ(app):
    first, second = services.generate_password(), services.generate_password()
    assert first != second and len(first) >= 20


def test_admin_cannot_demote_themselves(make):
    me = make.user(role="admin")
    make.user(role="admin")
    with pytest.raises(UserError, match="your own admin role") as error:
        services.update_role(me, Role.STAFF, acting_user=me)
    assert error.value.field == "role" and me.role is Role.ADMIN


def test_last_active_admin_cannot_be_demoted(make):
    acting = make.user(role="admin", active=False)  # an inactive admin does not count
    last = make.user(role="admin")
    with pytest.raises(UserError, match="last active admin"):
        services.update_role(last, Role.MANAGER, acting_user=acting)
    assert last.role is Role.ADMIN


def test_an_admin_can_be_demoted_while_another_remains(make):
    me, other = make.user(role="admin"), make.user(role="admin")
    services.update_role(other, Role.MANAGER, acting_user=me)
    assert other.role is Role.MANAGER


def test_promoting_is_always_allowed(make):
    me, staff = make.user(role="admin"), make.user(role="staff")
    services.update_role(staff, Role.ADMIN, acting_user=me)
    assert staff.role is Role.ADMIN


def test_update_user_saves_name_and_language(make):
    me, user = make.user(role="admin"), make.user()
    services.update_user(
        user, display_name=" 王芳 ", role=Role.STAFF, language="zh", acting_user=me
    )
    assert (user.display_name, user.language) == ("王芳", "zh")
    services.update_user(user, display_name="王芳", role=Role.STAFF, language="", acting_user=me)
    assert user.language is None


def test_nobody_deactivates_themselves(make):
    me = make.user(role="admin")
    make.user(role="admin")
    with pytest.raises(UserError, match="your own account"):
        services.set_active(me, False, acting_user=me)
    assert me.active


def test_last_active_admin_cannot_be_deactivated(make):
    acting = make.user(role="admin", active=False)
    last = make.user(role="admin")
    with pytest.raises(UserError, match="last active admin"):
        services.set_active(last, False, acting_user=acting)
    assert last.active


def test_deactivate_and_activate(make):
    me, user = make.user(role="admin"), make.user()
    services.set_active(user, False, acting_user=me)
    assert not user.active
    services.set_active(user, True, acting_user=me)
    assert user.active


def test_reset_password_replaces_the_hash(make):
    user = make.user(password="old password")
    new = services.reset_password(user)
    assert user.check_password(new) and not user.check_password("old password")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Anna", "Bernd", "Chen"]),
        ({"query": "chen"}, ["Chen"]),
        ({"query": "EXAMPLE.ORG"}, ["Anna", "Chen"]),
        ({"query": "%"}, []),
        ({"role": "manager"}, ["Bernd"]),
        ({"role": "nonsense"}, ["Anna", "Bernd", "Chen"]),
        ({"status": "inactive"}, ["Chen"]),
        ({"status": "active", "sort": "-name"}, ["Bernd", "Anna"]),
        ({"sort": "-created"}, ["Chen", "Bernd", "Anna"]),
        ({"sort": "drop table"}, ["Anna", "Bernd", "Chen"]),
    ],
)
def test_list_users_filters_and_sorts(make, filters, expected):
    make.user(display_name="Anna", email="anna@example.org", created_at=datetime(2026, 1, 1))
    make.user(display_name="Bernd", email="b@thueringen.de", role="manager",
              created_at=datetime(2026, 1, 2))  # fmt: skip
    make.user(display_name="Chen", email="chen@example.org", active=False,
              created_at=datetime(2026, 1, 3))  # fmt: skip
    names = db.session.scalars(services.list_users(**filters)).all()
    assert [u.display_name for u in names] == expected
