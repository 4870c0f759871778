"""Test factories: create users, staff and associations directly through the services."""

from datetime import date

from sqlalchemy import select

from registry.accounts.models import User
from registry.accounts.passwords import hash_password
from registry.associations.declarations import required_for
from registry.associations.models import Association
from registry.associations.services import files, profile
from registry.core.models import utcnow
from registry.extensions import db
from registry.municipalities.models import Municipality

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class Factories:
    """Make test data with sensible defaults; every value can be overridden."""

    PASSWORD = "correct horse battery staple"
    _counter = 0

    def _next(self) -> int:
        Factories._counter += 1
        return Factories._counter

    def municipality(self, country: str = "DK", code: str = "751") -> Municipality:
        """A municipality from the reference data (Aarhus by default)."""
        return db.session.scalars(select(Municipality).where(
            Municipality.country == country, Municipality.code == code)).one()

    def user(self, email: str | None = None, verified: bool = True, locale: str = "da", **extra) -> User:
        """An association-side user with the standard test password."""
        user = User(email=email or f"user{self._next()}@example.org",
                    display_name=extra.pop("display_name", "Test User"),
                    password_hash=hash_password(extra.pop("password", self.PASSWORD)), locale=locale,
                    email_verified_at=utcnow() if verified else None, **extra)
        db.session.add(user)
        db.session.commit()
        return user

    def staff(self, role: str = "officer", country: str = "DK", code: str = "751", **extra) -> User:
        """A municipal officer or administrator."""
        return self.user(role=role, municipality_id=self.municipality(country, code).id, **extra)

    def association(self, owner: User | None = None, country: str = "DK", home: str | None = None,
                    complete: bool = False, name: str | None = None, *, purpose: str = "Fællesskab gennem idræt",
                    activities: str = "Fodbold for børn", target_groups: tuple[str, ...] = ("children",),
                    local_areas: str | None = "Gellerup", roles: tuple[str, ...] = ("activities",),
                    motivations: tuple[str, ...] = ("premises",),
                    collaborations: tuple[str, ...] = ("co_creation",), active: tuple[str, ...] = (),
                    registration_number: str | None = "", board: list | None = None) -> Association:
        """An association with a filled-in profile; complete=True adds documents and declarations.

        The keyword-only arguments override the profile's texts and selections; ``active`` lists codes of
        further municipalities it is active in, and ``registration_number=None`` means it has none.
        """
        owner = owner or self.user()
        home = home or ("751" if country == "DK" else "1480")
        association = profile.create_association(owner, name or f"Forening {self._next()}", country)
        if registration_number == "":
            registration_number = "13585628" if country == "DK" else "802400-0104"
        profile.save_identity(owner, association, profile.Identity(
            name=association.name, country=country, registration_number=registration_number,
            no_registration_number=registration_number is None,
            home_municipality_id=self.municipality(country, home).id, email="kontakt@forening.example",
            active_municipality_ids=[self.municipality(country, code).id for code in active]))
        profile.save_purpose(owner, association, purpose, activities, list(target_groups), None, local_areas, ["da"])
        profile.save_governance(owner, association, profile.Governance(
            board=board or [profile.BoardRow("Anna Berg", "chair", date(2026, 3, 1))], member_count=40,
            paying_member_count=30, volunteer_count=8, founded_year=2001, assembly_elects_board=True,
            open_to_all=True, non_commercial=True))
        profile.save_roles(owner, association, list(roles), None, list(motivations), None, list(collaborations), None)
        if complete:
            for kind in ("statutes", "minutes", "accounts"):
                files.add_document(owner, association, kind, f"{kind}.pdf", PDF)
            for declaration in required_for(country):
                files.give_declaration(owner, association, declaration.kind, "da", "Anna Berg", "Formand")
        return association

    def submitted_association(self, **kwargs) -> Association:
        """An association handed in to its municipality (status "submitted"), so staff can see it.

        Takes the arguments of ``association``; the status is set directly, which is much faster than
        going through submission (tests of submission itself use the service).
        """
        association = self.association(**kwargs)
        association.status, association.submitted_at = "submitted", utcnow()
        db.session.commit()
        return association

    def checklist_templates(self) -> int:
        """Store the shipped checklist templates (the app fixture does not); returns how many were added."""
        from registry.checklists.services import load_templates

        return load_templates()

    def qualification_case(self, association: Association, actor: User):
        """Open a qualification case on the association as the given staff member."""
        from registry.qualification.services import open_case

        return open_case(actor, association)

    def answer_case(self, case, actor: User, answer: str = "met", **overrides: str):
        """Answer every item of a case through the service (``item_key=answer`` overrides one item)."""
        from registry.qualification.services import AnswerInput, save_answers

        answers = [AnswerInput(item_key=item["key"], answer=overrides.get(item["key"], answer),
                               note=f"Note on {item['key']}") for item in case.template.items]
        save_answers(actor, case, case.lock_version, answers)
        return case

    def concluded_case(self, association: Association, actor: User, recommendation: str = "recommended",
                       answer: str = "met"):
        """A qualification case opened, answered and concluded with the recommendation."""
        from registry.qualification.services import conclude_case

        case = self.answer_case(self.qualification_case(association, actor), actor, answer)
        conclude_case(actor, case, case.lock_version, recommendation, "Summary of the assessment.")
        return case

    def decision_settings(self, country: str = "DK", code: str = "751", **changes):
        """A municipality's decision settings filled in as before its first decision (``changes`` override).

        Danish: the delegation. Swedish: also its grant rules' name and date, and every democracy ground its rules
        contain. The appeal information is the country's shipped text, as for a new municipality.
        """
        from registry.screening.criteria import MUNICIPAL_GROUNDS
        from registry.screening.services.settings import settings_for

        settings = settings_for(self.municipality(country, code).id)
        settings.delegation = "Delegationsplan for Kultur- og Fritidsudvalget, pkt. 3.2" if country == "DK" else \
            "Kultur- och fritidsnämndens delegationsordning, punkt 4.2"
        if country == "SE":
            settings.rules_name, settings.rules_adopted_on = "Regler för föreningsbidrag", date(2025, 1, 30)
            settings.democracy_grounds = {ground: f"avsnitt 5.{number}"
                                          for number, ground in enumerate(MUNICIPAL_GROUNDS, start=1)}
        for name, value in changes.items():
            setattr(settings, name, value)
        db.session.add(settings)
        db.session.commit()
        return settings
