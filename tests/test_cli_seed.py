"""seed-demo: the Thuringia delegation, idempotent, and the first-run demo admin."""

from sqlalchemy import func, select

from tests.checks import snapshot
from tests.conftest import PASSWORD
from tracker.demo import DEMO_ADMIN_EMAIL, THURINGIA_TITLE
from tracker.extensions import db
from tracker.models import Delegation, DelegationMember, Organisation, OriginRegion, Person, User


def test_seed_demo_twice_gives_the_same_data(runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    before = snapshot()
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert "nothing to add" in second.output
    assert snapshot() == before


def test_seed_demo_loads_the_thuringia_delegation(runner):
    runner.invoke(args=["seed-demo"])
    delegation = db.session.scalar(select(Delegation).where(Delegation.title == THURINGIA_TITLE))
    assert delegation.origin_country == "DE"
    region = db.session.get(OriginRegion, delegation.origin_region_id)
    assert (region.name, region.name_de, region.name_zh) == ("Thuringia", "Thüringen", "图林根州")
    members = db.session.scalar(
        select(func.count()).where(DelegationMember.delegation_id == delegation.id)
    )
    assert 25 <= members <= 32
    park = db.session.scalar(select(Organisation).where(Organisation.is_local.is_(True)))
    assert park is not None
    emails = db.session.scalars(select(Person.email)).all()
    assert all(e.endswith(("@example.de", "@example.cn")) for e in emails)


def test_first_run_creates_a_demo_admin_and_prints_the_password_once(runner, client):
    result = runner.invoke(args=["seed-demo", "--first-run"])
    assert result.exit_code == 0
    assert DEMO_ADMIN_EMAIL in result.output
    password = result.output.split("password:")[1].split()[0]
    response = client.post("/login", data={"email": DEMO_ADMIN_EMAIL, "password": password})
    assert response.status_code == 302
    again = runner.invoke(args=["seed-demo", "--first-run"])
    assert "password" not in again.output
    assert "Existing data kept" in again.output


def test_first_run_leaves_an_existing_installation_alone(runner, make):
    make.user(email="boss@example.org", password=PASSWORD, role="admin")
    db.session.commit()
    result = runner.invoke(args=["seed-demo", "--first-run"])
    assert "Existing data kept" in result.output
    assert db.session.scalar(select(func.count(User.id))) == 1
    assert db.session.scalar(select(func.count(Delegation.id))) == 0


def test_first_run_prints_the_address_it_was_given(runner):
    result = runner.invoke(args=["seed-demo", "--first-run", "--url", "http://127.0.0.1:5099"])
    assert result.exit_code == 0, result.output
    assert "Log in at http://127.0.0.1:5099 with" in result.output
    assert "5000" not in result.output
    assert "two-step login" in result.output
