"""The association profile, its board and its chosen roles, motivations and forms."""

from datetime import date, datetime

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from registry.core.models import TimestampMixin, UTCDateTime
from registry.extensions import db
from registry.municipalities.models import Municipality

#: Municipalities an association is active in, besides its home municipality.
association_municipalities = Table(
    "association_municipalities",
    db.metadata,
    Column("association_id", ForeignKey("associations.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_id", ForeignKey("municipalities.id"), primary_key=True),
    # The primary key serves lookups by association; this one, "who is active in this municipality?".
    Index("ix_association_municipalities_municipality_id", "municipality_id"),
)


class Association(TimestampMixin, db.Model):
    """A forening / förening as it describes itself to the municipality."""

    __tablename__ = "associations"
    __table_args__ = (
        # A municipality's register: counted from the index alone, and listed newest first without a sort.
        # SQLite's indexes carry the rowid; PostgreSQL's needs the id included to answer without the table.
        Index("ix_associations_home_municipality_status", "home_municipality_id", "status",
              postgresql_include=["id"]),
        Index("ix_associations_home_municipality_submitted", "home_municipality_id", "submitted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # -- identity
    #: Name as in the statutes.
    name: Mapped[str] = mapped_column(String(200))
    #: "DK" or "SE": decides the number type, municipalities and declarations.
    country: Mapped[str] = mapped_column(String(2))
    #: Normalised CVR (8 digits) or organisationsnummer (NNNNNN-NNNN).
    registration_number: Mapped[str | None] = mapped_column(String(11), index=True)
    #: The association stated it has no CVR / organisationsnummer (flagged for staff).
    no_registration_number: Mapped[bool] = mapped_column(Boolean, default=False)
    home_municipality_id: Mapped[int | None] = mapped_column(ForeignKey("municipalities.id"))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    website: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    # -- purpose and activities
    #: Purpose as written in the statutes.
    purpose: Mapped[str | None] = mapped_column(Text)
    activities: Mapped[str | None] = mapped_column(Text)
    #: Target groups not covered by the fixed list.
    target_groups_other: Mapped[str | None] = mapped_column(Text)
    #: Neighbourhoods, towns or parishes, one per line.
    local_areas: Mapped[str | None] = mapped_column(Text)
    #: ISO 639-1 codes, comma-separated, e.g. "da,ar,so".
    languages: Mapped[str | None] = mapped_column(String(200))
    # -- governance
    member_count: Mapped[int | None] = mapped_column(Integer)
    paying_member_count: Mapped[int | None] = mapped_column(Integer)
    volunteer_count: Mapped[int | None] = mapped_column(Integer)
    founded_year: Mapped[int | None] = mapped_column(Integer)
    #: None until answered.
    assembly_elects_board: Mapped[bool | None] = mapped_column(Boolean)
    open_to_all: Mapped[bool | None] = mapped_column(Boolean)
    non_commercial: Mapped[bool | None] = mapped_column(Boolean)
    # -- roles and motivations (the keys themselves are AssociationSelection rows)
    roles_description: Mapped[str | None] = mapped_column(Text)
    motivations_other: Mapped[str | None] = mapped_column(Text)
    collaboration_note: Mapped[str | None] = mapped_column(Text)
    #: Statutes, minutes and accounts are all handed in (kept by the document services for filtering).
    documents_complete: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # -- publication and status
    #: The association agreed to a public profile page.
    public_profile: Mapped[bool] = mapped_column(Boolean, default=False)
    public_profile_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: draft → submitted (later statuses belong to the municipality's qualification).
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    home_municipality: Mapped[Municipality | None] = relationship(foreign_keys=[home_municipality_id])
    active_municipalities: Mapped[list[Municipality]] = relationship(
        secondary=association_municipalities, order_by=Municipality.name)
    board_members: Mapped[list["BoardMember"]] = relationship(
        back_populates="association", cascade="all, delete-orphan", order_by="BoardMember.position")
    selections: Mapped[list["AssociationSelection"]] = relationship(
        cascade="all, delete-orphan", back_populates="association")

    def __repr__(self) -> str:
        return f"<Association {self.id} {self.name!r}>"

    def selected(self, kind: str) -> list[str]:
        """Keys chosen for one kind: role, motivation, collaboration or target_group."""
        return [s.key for s in self.selections if s.kind == kind]

    @property
    def language_codes(self) -> list[str]:
        """Languages the association works in, as ISO codes."""
        return [code for code in (self.languages or "").split(",") if code]

    @property
    def local_area_list(self) -> list[str]:
        """Local areas, one entry per non-empty line."""
        return [line.strip() for line in (self.local_areas or "").splitlines() if line.strip()]


class AssociationSelection(db.Model):
    """One chosen key from a fixed vocabulary (role, motivation, collaboration form, target group)."""

    __tablename__ = "association_selections"

    association_id: Mapped[int] = mapped_column(
        ForeignKey("associations.id", ondelete="CASCADE"), primary_key=True)
    #: Which vocabulary: role, motivation, collaboration, target_group.
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(30), primary_key=True, index=True)

    association: Mapped[Association] = relationship(back_populates="selections")

    def __repr__(self) -> str:
        return f"<AssociationSelection {self.association_id} {self.kind}={self.key}>"


class BoardMember(db.Model):
    """A member of the board as the association reports it."""

    __tablename__ = "board_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    association_id: Mapped[int] = mapped_column(ForeignKey("associations.id", ondelete="CASCADE"), index=True)
    #: Order on the form.
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120))
    #: chair, vice_chair, treasurer, secretary, member, alternate.
    role: Mapped[str] = mapped_column(String(20))
    elected_on: Mapped[date | None] = mapped_column(Date)

    association: Mapped[Association] = relationship(back_populates="board_members")

    def __repr__(self) -> str:
        return f"<BoardMember {self.name!r} {self.role}>"
