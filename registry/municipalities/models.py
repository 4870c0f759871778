"""The municipality model."""

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from registry.extensions import db

COUNTRIES = ("DK", "SE")


class Municipality(db.Model):
    """A Danish kommune or Swedish kommun, identified by its official code."""

    __tablename__ = "municipalities"
    __table_args__ = (UniqueConstraint("country", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: "DK" or "SE".
    country: Mapped[str] = mapped_column(String(2), index=True)
    #: Official code as text: Danish 3 digits (e.g. "101"), Swedish 4 digits ("0180").
    code: Mapped[str] = mapped_column(String(4))
    #: Official name in the country's language.
    name: Mapped[str] = mapped_column(String(80))
    #: Danish region or Swedish län.
    region: Mapped[str] = mapped_column(String(80))

    def __repr__(self) -> str:
        return f"<Municipality {self.country}-{self.code} {self.name}>"
