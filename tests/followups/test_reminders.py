"""flask send-reminders against a real local SMTP server (aiosmtpd)."""

import socket
from datetime import timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from tests.followups.builders import followup, need
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import FollowUpStatus, ReminderSent


class Collector:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp():
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def app_config():
    return {"BASE_URL": "https://tracker.example.org", "MAIL_SERVER": "127.0.0.1"}


@pytest.fixture
def mailer(app, smtp):
    app.config["MAIL_PORT"] = smtp.port
    return smtp.handler


@pytest.fixture
def due(make):
    """Anna has one overdue and one due-today follow-up; Bo one due today; Chen none due."""
    today = local_today()
    anna = make.user(email="anna@example.org", display_name="Anna")
    bo = make.user(email="bo@example.org", display_name="Bo")
    chen = make.user(email="chen@example.org", display_name="Chen")
    late = followup(
        anna,
        today - timedelta(days=3),
        title="Send the land prices",
        need=need(title="Plant in Baoshan"),
    )
    followup(anna, today, title="Call Jena")
    followup(bo, today, title="Book the site visit")
    followup(chen, today + timedelta(days=1), title="Not yet")
    followup(chen, today - timedelta(days=1), title="Closed", status=FollowUpStatus.DONE)
    followup(make.user(active=False), today, title="Left the commission")
    db.session.commit()
    return {"anna": anna, "late": late}


def test_sends_one_mail_per_user_with_the_overdue_title(runner, mailer, due):
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Sent 2 reminders (3 follow-ups); 0 users already reminded today." in result.output
    by_recipient = {tuple(to): message for to, message in mailer.messages}
    assert set(by_recipient) == {("anna@example.org",), ("bo@example.org",)}
    anna = by_recipient[("anna@example.org",)]
    assert anna["Subject"].startswith("Follow-ups due: 2")
    assert anna["From"] == "tracker@localhost"
    body = anna.get_content()
    assert "Send the land prices" in body and "Overdue since" in body
    assert "Need: Plant in Baoshan" in body
    assert f"https://tracker.example.org/followups/{due['late'].id}" in body
    assert db.session.scalar(select(func.count(ReminderSent.id))) == 2


def test_second_run_on_the_same_day_sends_nothing(runner, mailer, due):
    runner.invoke(args=["send-reminders"])
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Sent 0 reminders (0 follow-ups); 2 users already reminded today." in result.output
    assert len(mailer.messages) == 2


def test_dry_run_prints_and_records_nothing(runner, mailer, due):
    result = runner.invoke(args=["send-reminders", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "To: anna@example.org" in result.output
    assert "Send the land prices" in result.output
    assert "Would send 2 reminders (3 follow-ups)" in result.output
    assert mailer.messages == []
    assert db.session.scalar(select(func.count(ReminderSent.id))) == 0


def test_nothing_due_connects_to_nobody(runner, app, make):
    app.config["MAIL_PORT"] = free_port()  # nothing listens there: a connection would fail
    make.user()
    db.session.commit()
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code == 0, result.output
    assert "Sent 0 reminders (0 follow-ups); 0 users already reminded today." in result.output


def test_failed_send_records_nothing(runner, app, due):
    app.config["MAIL_PORT"] = free_port()
    result = runner.invoke(args=["send-reminders"])
    assert result.exit_code != 0
    assert db.session.scalar(select(func.count(ReminderSent.id))) == 0
