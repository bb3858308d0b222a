"""A counter per kind of cached figures, raised with every change to the data behind them."""

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.extensions import db


class DataVersion(db.Model):
    """How often the data behind one kind of cached figures (tracker.datacache) has changed."""

    __tablename__ = "data_version"

    scope: Mapped[str] = mapped_column(String(40), primary_key=True)
    counter: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<DataVersion {self.scope} {self.counter}>"
