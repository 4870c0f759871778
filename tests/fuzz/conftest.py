"""Fixtures for the input tests: isolated requests, and a world of actors and records built as a test needs them."""

from datetime import date, timedelta
from functools import cached_property

import pytest
from flask import current_app, request_tearing_down
from sqlalchemy import String, Text, func, select

from registry.accounts.services import RESET
from registry.checklists.services import load_templates
from registry.core.inputs import is_multi_line, is_single_line
from registry.core.tokens import make_token
from registry.extensions import db
from tests.factories import Factories


@pytest.fixture(autouse=True)
def request_transactions(app):
    """End every request's transaction, as its own app context would in production.

    The app fixture keeps one app context pushed for the whole test and Flask reuses it for the test client's
    requests; without this a refused post's uncommitted changes would stay visible and look "saved".
    """

    def end_transaction(sender, **_extra):
        db.session.rollback()

    request_tearing_down.connect(end_transaction, app, weak=False)
    yield
    request_tearing_down.disconnect(end_transaction, app)


class World:
    """The actors and records the forms under test post to, each made the first time it is asked for.

    Actors are English-reading users of Aarhus (staff) or of an Aarhus association; ``client(name)`` is a test
    client logged in as that actor (None: anonymous).
    """

    def __init__(self, app, factories: Factories) -> None:
        self.app, self.factories, self._clients = app, factories, {}
        load_templates()
        factories.decision_settings("DK", "751", four_eyes=True)

    # -- actors ------------------------------------------------------------------------------------------------

    @cached_property
    def owner(self):
        return self.factories.user(email="owner@forening.example", display_name="Rikke Repræsentant", locale="en")

    @cached_property
    def officer(self):
        return self.factories.staff(email="officer@aarhus.example", display_name="Olga Officer", locale="en")

    @cached_property
    def colleague(self):
        return self.factories.staff(email="colleague@aarhus.example", display_name="Carl Colleague", locale="en")

    @cached_property
    def admin(self):
        return self.factories.staff(role="administrator", email="admin@aarhus.example", display_name="Ada Admin",
                                    locale="en")

    def client(self, actor: str | None):
        """A test client logged in as the named actor (one per actor), or a fresh anonymous one."""
        if actor is None:
            return self.app.test_client()
        if actor not in self._clients:
            test_client = self.app.test_client()
            response = test_client.post("/account/login", data={"email": getattr(self, actor).email,
                                                                 "password": Factories.PASSWORD})
            assert response.status_code == 303, response.data[:300]
            self._clients[actor] = test_client
        return self._clients[actor]

    # -- the association side ------------------------------------------------------------------------------------

    @cached_property
    def association(self):
        """The owner's association, complete with documents and declarations, submitted to Aarhus."""
        return self.factories.submitted_association(owner=self.owner, complete=True, name="Boldklubben Nord")

    @cached_property
    def draft(self):
        """A second association of the owner, a draft without declarations."""
        return self.factories.association(owner=self.owner, name="Kladde Forening")

    @cached_property
    def reset_token(self) -> str:
        """A password-reset link's token for the owner."""
        from registry.accounts.services import password_fingerprint

        return make_token(RESET, {"uid": self.owner.id, "fp": password_fingerprint(self.owner)})

    @cached_property
    def staff_token(self) -> str:
        """The token of a link inviting a new colleague to Aarhus."""
        from registry.accounts.services import password_fingerprint
        from registry.staff.people import PURPOSE, invite_staff

        with current_app.test_request_context():
            colleague = invite_staff(self.admin, "Nils Ny", "nils@aarhus.example", "officer")
        return make_token(PURPOSE, {"uid": colleague.id, "fp": password_fingerprint(colleague)})

    @cached_property
    def document_ids(self) -> list[int]:
        from registry.associations.services.files import documents_of

        return [document.id for document in documents_of(self.association)]

    # -- qualification -----------------------------------------------------------------------------------------

    @cached_property
    def qualification_case(self):
        return self.factories.qualification_case(self.association, self.officer)

    @cached_property
    def qualification_keys(self) -> list[str]:
        return [item["key"] for item in self.qualification_case.template.items]

    @property
    def answered_case(self):
        """An open qualification case with every item answered "met", ready to conclude (a new one once it is)."""
        return self._renewed("answered_case", lambda case: case.status == "open", lambda: self.factories.answer_case(
            self.factories.qualification_case(self._screenable("Svaret Forening"), self.officer), self.officer))

    def _renewed(self, name: str, usable, make):
        """A record a form can be posted to once only: the one made before while ``usable``, else a new one.

        Without it, the first accepted submission (the decision made, the hearing answered) would leave every
        later example refused at the first check, never reaching the checks after it.
        """
        record = self.__dict__.get(f"_{name}")
        if record is None or not usable(self._current(record)):
            record = self.__dict__[f"_{name}"] = make()
        return record

    @staticmethod
    def _current(record):
        db.session.refresh(record)
        db.session.rollback()
        return record

    def version_of(self, case) -> str:
        """A case's lock version as stored now."""
        return str(self._current(case).lock_version)

    # -- screening ---------------------------------------------------------------------------------------------

    def _screenable(self, name: str):
        return self.factories.submitted_association(owner=self.owner, complete=True, name=name)

    @cached_property
    def screening_case(self):
        """An open screening of the association on the Danish grant basis, not yet assessed."""
        from registry.screening.services import cases

        with current_app.test_request_context():
            case, _opened = cases.open_screening(self.officer, self.association, "dk_fol_stk3", True, False, "en")
        return case

    @cached_property
    def screening_keys(self) -> list[str]:
        return [item["key"] for item in self.screening_case.items]

    @property
    def assessed_case(self):
        """A screening with every item assessed "met", ready for a decision (a new one once it is decided)."""
        return self._renewed("assessed_case", lambda case: case.status == "open", self._assess)

    def _assess(self):
        from registry.screening.services import cases
        from tests.screening.helpers import met_inputs

        association = self._screenable("Vurderet Forening")
        with current_app.test_request_context():
            case, _opened = cases.open_screening(self.officer, association, "dk_fol_stk3", True, False, "en")
            cases.save_screening_answers(self.officer, case, case.lock_version, met_inputs(case))
        return case

    @property
    def hearing(self):
        """A hearing sent on a screening, awaiting the owner's answer (a new one once it is answered)."""
        return self._renewed("hearing", lambda hearing: hearing.answered_at is None, self._send_hearing)

    def _send_hearing(self):
        from registry.screening.services import cases

        association = self._screenable("Hørt Forening")
        with current_app.test_request_context():
            case, _opened = cases.open_screening(self.officer, association, "dk_fol_stk3", True, False, "en")
            return cases.send_hearing(self.officer, case, "Facts from the neighbours.",
                                      date.today() + timedelta(days=14))

    @property
    def proposed_refusal(self):
        """A refusal the officer proposed, awaiting a second staff member (a new one once it is decided)."""
        return self._renewed("proposed_refusal", lambda decision: decision.status == "proposed",
                             self._propose_refusal)

    def _propose_refusal(self):
        from registry.screening.services import cases, decisions
        from tests.screening.helpers import REASONS, met_inputs

        association = self._screenable("Afvist Forening")
        with current_app.test_request_context():
            case, _opened = cases.open_screening(self.officer, association, "dk_fol_stk3", True, False, "en")
            cases.save_screening_answers(self.officer, case, case.lock_version,
                                         met_inputs(case, democracy_conduct="not_met"))
            decision = decisions.propose_decision(self.officer, case, decisions.DecisionInput(
                grant_outcome="not_eligible", premises_outcome=None, conditions=None,
                rules_applied=REASONS["decision-rules_applied"], considerations=REASONS["decision-considerations"],
                facts=REASONS["decision-facts"], hearing_not_needed_because="The association's own statements."))
        assert decision.status == "proposed"
        return decision

    @cached_property
    def decided_case(self):
        """A screening decided eligible for a grant, on which an award can be recorded."""
        from tests.screening.helpers import decided_case

        case, _decision = decided_case(self._screenable("Godkendt Forening"), self.officer)
        return case

    # -- supervision -------------------------------------------------------------------------------------------

    @cached_property
    def supervision_case(self):
        """A supervision case on the association, chosen by judgement in last year's round."""
        from registry.supervision.models import SupervisionCase
        from registry.supervision.services import draw_round

        supervision = draw_round(self.admin, date.today().year - 1, 0, None, {self.association.id: "A complaint."},
                                 seed=1)
        return db.session.scalars(select(SupervisionCase).where(SupervisionCase.round_id == supervision.id)).one()

    # -- ids for forms and URLs ----------------------------------------------------------------------------------

    def municipality_ids(self) -> list[int]:
        from registry.municipalities.models import Municipality

        return list(db.session.scalars(select(Municipality.id).where(Municipality.country == "DK").limit(3)))


@pytest.fixture
def world(app, factories) -> World:
    """Actors and records for the forms under test, made on first use."""
    return World(app, factories)


def rows_in_every_table() -> dict[str, int]:
    """Rows of each table of the app, by table name (in one statement)."""
    tables = db.metadata.sorted_tables
    counts = db.session.execute(select(*[select(func.count()).select_from(table).scalar_subquery()
                                         for table in tables])).one()
    return {table.name: count for table, count in zip(tables, counts, strict=True)}


#: Text columns whose values are not typed by anyone: a mail's delivery error may span lines.
NOT_TYPED = {("outgoing_mail", "last_error")}


def control_characters_stored() -> list[tuple[str, str, str]]:
    """(table, column, value) of every stored text that has a character its kind of field refuses.

    One-line columns (String) hold no control or bidi character, long texts (Text) no control character but
    line breaks and tabs.
    """
    found = []
    for table in db.metadata.sorted_tables:
        columns = [column for column in table.columns if isinstance(column.type, String)
                   and (table.name, column.name) not in NOT_TYPED]
        if not columns:
            continue
        for row in db.session.execute(select(*columns)):
            for column, value in zip(columns, row, strict=True):
                allowed = is_multi_line if isinstance(column.type, Text) else is_single_line
                if isinstance(value, str) and not allowed(value):
                    found.append((table.name, column.name, value))
    return found
