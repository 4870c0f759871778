"""The number of SQL statements a staff page costs does not grow with the number of rows it shows."""

from datetime import date, timedelta

import pytest

from registry.associations.services import files, profile
from registry.checklists.services import current_template
from registry.extensions import db
from registry.qualification.models import QualificationCase
from registry.qualification.services import conclude_case
from registry.staff.models import PartnerStatus
from tests.factories import PDF
from tests.staff.helpers import dashboard_counts, result_ids, statements_for


@pytest.fixture
def officer(factories):
    """An Aarhus officer."""
    return factories.staff(code="751", locale="en")


def _add_associations(factories, count: int, start: int, officer) -> None:
    """Associations of several kinds: at home and active elsewhere, with partner statuses and due reviews."""
    template = current_template("qualification", officer.municipality_id)
    for number in range(start, start + count):
        if number % 3 == 1:
            association = factories.submitted_association(name=f"Klub {number:02d}", home="740", active=("751",),
                                                          roles=("voice", "dialogue"))
        else:
            association = factories.submitted_association(name=f"Klub {number:02d}")
        if number % 2:
            db.session.add(PartnerStatus(association_id=association.id, municipality_id=officer.municipality_id,
                                         status="qualified"))
            db.session.add(QualificationCase(
                association_id=association.id, municipality_id=officer.municipality_id, template_id=template.id,
                status="concluded", recommendation="recommended", opened_by_id=officer.id,
                review_due_on=date.today() + timedelta(days=number % 30)))
    db.session.commit()


@pytest.mark.parametrize("url", ["/staff/search", "/staff/search?q=fodbold&sort=name", "/staff/"])
def test_list_pages_cost_the_same_for_3_and_30_associations(app, factories, client_for, checklists, officer, url):
    """Search results and the dashboard load their rows in bulk: 30 associations cost no more than 3.

    The search's page cache is off here, so that both counts are of a search that really runs
    (tests/staff/test_search_cache.py counts the cached case).
    """
    app.config["SEARCH_CACHE_SIZE"] = 0
    client = client_for(officer)
    _add_associations(factories, 3, 0, officer)
    client.get(url)  # warm up anything done once per process
    few = statements_for(client, url)
    _add_associations(factories, 27, 3, officer)
    many = statements_for(client, url)
    page = client.get(url).text
    if url.startswith("/staff/search"):
        assert len(result_ids(page)) == 25  # the bigger page really shows more rows
    else:
        assert dashboard_counts(page)["qualified"] == 15 and page.count('href="/staff/qualification/') == 15
    assert many <= few, (url, few, many)


def test_association_page_costs_the_same_for_1_and_10_documents_and_board_members(factories, client_for, checklists,
                                                                                  officer):
    """The staff association page loads documents, board, declarations, cases and history in bulk."""
    owner = factories.user()
    association = factories.submitted_association(owner=owner, name="Fodboldklubben")
    files.add_document(owner, association, "statutes", "vedtaegter.pdf", PDF)
    # Saved answers are named by their checklist items: one statement per kind of case, so "few" has one too.
    factories.answer_case(factories.qualification_case(association, officer), officer, answer="partly_met")
    client = client_for(officer)
    url = f"/staff/associations/{association.id}"
    client.get(url)
    few = statements_for(client, url)

    for number in range(9):
        files.add_document(owner, association, "other", f"bilag-{number}.pdf", PDF)
    board = [profile.BoardRow(f"Medlem {number}", "member", date(2026, 1, 1)) for number in range(10)]
    profile.save_governance(owner, association, profile.Governance(
        board=board, member_count=40, paying_member_count=30, volunteer_count=8, founded_year=2001,
        assembly_elects_board=True, open_to_all=True, non_commercial=True))
    other = factories.staff(code="751", display_name="Anden Kollega")
    case = factories.answer_case(db.session.scalars(db.select(QualificationCase)).one(), other)
    conclude_case(other, case, case.lock_version, "recommended", "Fint.")
    factories.qualification_case(association, other)
    many = statements_for(client, url)

    page = client.get(url).text
    assert page.count(f'href="/associations/{association.id}/documents/') == 10 and "Medlem 9" in page
    assert many <= few, (few, many)


def test_case_page_costs_the_same_with_more_answers_and_documents(factories, client_for, checklists, officer):
    """The case page does not query once per answer or per document it offers as evidence."""
    owner = factories.user()
    association = factories.submitted_association(owner=owner, name="Fodboldklubben")
    files.add_document(owner, association, "statutes", "vedtaegter.pdf", PDF)
    case = factories.qualification_case(association, officer)
    factories.answer_case(case, officer, answer="information_missing", **{case.template.items[0]["key"]: "met"})
    client = client_for(officer)
    url = f"/staff/qualification/{case.id}"
    client.get(url)
    few = statements_for(client, url)
    for number in range(9):
        files.add_document(owner, association, "other", f"bilag-{number}.pdf", PDF)
    factories.answer_case(case, officer)
    many = statements_for(client, url)
    assert client.get(url).text.count("bilag-") >= 9
    assert many <= few, (few, many)
