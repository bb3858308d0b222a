"""An export's rows are read while its body streams, after the view has returned."""

from flask import stream_with_context
from sqlalchemy import select

from tracker.exports import Column, _table, iter_csv, stream_rows
from tracker.extensions import db
from tracker.models import Organisation


def test_rows_stream_after_the_views_session_is_closed(app, make):
    for name in ("Jenoptik", "Carl Zeiss", "Bosch"):
        make.organisation(name=name)
    db.session.commit()
    columns = [Column("Name", lambda o: o.name)]
    with app.test_request_context():
        body = stream_with_context(
            iter_csv(_table(columns, stream_rows(select(Organisation).order_by(Organisation.name))))
        )
        # What Flask does when the view returns, before the server reads the body.
        db.session.remove()
    text = b"".join(body).decode("utf-8-sig")
    assert text.split("\r\n")[:4] == ["Name", "Bosch", "Carl Zeiss", "Jenoptik"]
