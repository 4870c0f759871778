"""An award of a grant or premises, recorded by staff."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.accounts.models import User
from registry.associations.models import Association
from registry.core.models import UTCDateTime, utcnow
from registry.extensions import db
from registry.screening.models import ScreeningCase


class Award(db.Model):
    """A grant and/or premises given to an association for a year, on the screening it rests on.

    An eligibility finding is not an award (domain.md § 0, rule 8): the § 35 a lists and the supervision sample
    are drawn from these rows. Never edited; recorded only while the screening stands (rule 9).
    """

    __tablename__ = "awards"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    #: The screening the award rests on; its legal basis is the award's.
    case_id: Mapped[int] = mapped_column(ForeignKey("screening_cases.id", ondelete="CASCADE"), index=True)
    #: The year the grant or premises are for.
    year: Mapped[int] = mapped_column(Integer, index=True)
    grant: Mapped[bool] = mapped_column(Boolean, default=False)
    premises: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Optional, in whole kroner of the municipality's currency.
    amount: Mapped[int | None] = mapped_column(Integer)
    #: Where the award was decided, e.g. the committee's meeting and item, or the case number of the grant.
    decision_reference: Mapped[str] = mapped_column(String(300))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    association: Mapped[Association] = relationship()
    case: Mapped[ScreeningCase] = relationship()
    recorded_by: Mapped[User | None] = relationship()
