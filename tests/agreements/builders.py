"""Builders for the agreements register's tests: a project (optionally from a need), an
agreement and an obligation, flushed; and the first bytes of real file types."""

import itertools
from datetime import date, timedelta

from tests import factories as make
from tracker.extensions import db
from tracker.models import (
    Agreement,
    AgreementKind,
    Currency,
    Obligation,
    ObligationKind,
    Party,
    Project,
    project_need,
)

_seq = itertools.count(1)

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 24
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56


def project(owner=None, *, need=None, confidential=False, **kw) -> Project:
    """A project of a new company (or of need's), linked to need when given."""
    organisation = need.organisation if need is not None else make.organisation()
    kw.setdefault("name", f"Project {next(_seq)}")
    record = Project(organisation=organisation, owner=owner, confidential=confidential, **kw)
    db.session.add(record)
    db.session.flush()
    if need is not None:
        db.session.execute(project_need.insert().values(project_id=record.id, need_id=need.id))
    return record


def agreement(project: Project, **kw) -> Agreement:
    kw.setdefault("title", f"Agreement {next(_seq)}")
    kw.setdefault("kind", AgreementKind.INVESTMENT)
    record = Agreement(project_id=project.id, **kw)
    db.session.add(record)
    db.session.flush()
    return record


def obligation(agreement: Agreement, **kw) -> Obligation:
    """An open investment obligation of the company, due in 60 days."""
    kw.setdefault("description", f"Invest {next(_seq)}")
    kw.setdefault("party", Party.COMPANY)
    kw.setdefault("kind", ObligationKind.INVESTMENT)
    kw.setdefault("amount", 1_000_000)
    kw.setdefault("currency", Currency.EUR)
    kw.setdefault("due_on", date.today() + timedelta(days=60))
    record = Obligation(agreement_id=agreement.id, project_id=agreement.project_id, **kw)
    db.session.add(record)
    db.session.flush()
    return record
