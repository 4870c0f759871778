"""Facts from the association's registration, put beside each screening item as a starting point.

The officer confirms or changes every suggestion; mechanical rules (a count, a declaration
given or not) also suggest an answer, everything that needs judgement only gets the fact.
"""

from datetime import date

from flask_babel import force_locale, format_date
from flask_babel import gettext as _

from registry.associations.models import Association
from registry.associations.services.files import current_declarations, declaration_current, documents_of
from registry.checklists.answering import AnswerInput
from registry.screening import criteria


def _document(association: Association, kind: str):
    return next((d for d in documents_of(association) if d.kind == kind), None)


def _yes_no(value: bool | None) -> str:
    return "–" if value is None else (_("Yes") if value else _("No"))


def _fact(association: Association, key: str, legal_basis: str,
          period_from: date) -> tuple[str | None, str | None, int | None]:
    """(suggested answer, note, evidence document id) for one prefill key."""
    board = len(association.board_members)
    declarations = current_declarations(association)
    facts = {
        "purpose": (None, _("Purpose in the registration: %(text)s", text=association.purpose or "–"),
                    getattr(_document(association, "statutes"), "id", None)),
        "board_size": (_board_answer(board, legal_basis),
                       _("Board members registered: %(n)d", n=board), None),
        # FOL § 4 stk. 3 nr. 5 asks for five paying members; Swedish municipalities set their own minimum.
        "paying_members": (_fol_members(association) if legal_basis.startswith("dk_fol") else None,
                           _("Paying members registered: %(n)s", n=association.paying_member_count
                             if association.paying_member_count is not None else "–"), None),
        "home_municipality": (None, _("Home municipality registered: %(name)s", name=association.home_municipality.name
                                      if association.home_municipality else "–"), None),
        "open_to_all": (None, _("Open to all who support the purpose (registered): %(answer)s",
                                answer=_yes_no(association.open_to_all)), None),
        "non_commercial": (None, _("Run without a commercial aim (registered): %(answer)s",
                                   answer=_yes_no(association.non_commercial)), None),
        "assembly_elects_board": (None, _("The general assembly elects the board (registered): %(answer)s",
                                          answer=_yes_no(association.assembly_elects_board)), None),
        "founded_year": (None, _("Founded in %(year)s", year=association.founded_year or "–"), None),
        "registration_number": ("met" if association.registration_number else "not_met",
                                _("Registration number: %(number)s", number=association.registration_number or "–"),
                                None),
        "child_certificate_declaration": _declaration(declarations.get("child_certificates"), period_from),
        "democracy_declaration": (None, _declaration(declarations.get("democracy"), period_from)[1], None),
    }
    for kind in ("statutes", "minutes", "accounts"):
        document = _document(association, kind)
        facts[f"{kind}_document"] = ("met" if document else "information_missing",
                                     _("Document handed in: %(name)s", name=document.filename) if document
                                     else _("Not handed in"), getattr(document, "id", None))
    return facts.get(key, (None, None, None))


def _board_answer(board: int, legal_basis: str) -> str | None:
    """FOL § 4 stk. 2 nr. 3 needs at least five board members, stk. 3 nr. 3 a board; elsewhere: judgement."""
    if legal_basis == "dk_fol_stk2":
        return "met" if board >= 5 else "not_met"
    if legal_basis == "dk_fol_stk3":
        return "met" if board >= 1 else "not_met"
    return None


def _fol_members(association: Association) -> str:
    return "met" if (association.paying_member_count or 0) >= 5 else "information_missing"


def _declaration(declaration, period_from: date) -> tuple[str | None, str, None]:
    # A declaration belongs to the application (FOL § 4, stk. 4: «i forbindelse med ansøgning»): "met" only from
    # one given in the current period; an older one is shown, not relied on.
    if declaration is None:
        return "not_met", _("The declaration has not been given."), None
    given = _("Declaration given by %(name)s on %(date)s (text version %(version)s).",
              name=declaration.signer_name, date=declaration.given_at.date().isoformat(),
              version=declaration.text_version)
    if declaration_current(declaration, period_from):
        return "met", given, None
    return None, given + " " + _("It was given before the current application period, which began on %(date)s: "
                                 "ask the association to give it again.", date=format_date(period_from, "long")), None


def prefilled_answers(association: Association, items: list[dict], legal_basis: str, locale: str,
                      period_from: date) -> list[AnswerInput]:
    """Starting answers for the items that have a prefill key (a suggestion only where the item allows it)."""
    answers = []
    with force_locale(locale):
        for item in items:
            key = item.get("prefill")
            if not key:
                continue
            answer, note, document_id = _fact(association, key, legal_basis, period_from)
            if note is None:
                continue
            if item.get("requires_evidence") or answer not in criteria.answers_for(item):
                answer = None
            answers.append(AnswerInput(
                item_key=item["key"], answer=answer, note=note,
                evidence_type="document" if document_id else "none", evidence_document_id=document_id))
    return answers
