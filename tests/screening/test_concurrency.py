"""One screening in progress per association and legal basis, with several app processes opening it at once.

Real processes, each with its own app and connection pool, against one SQLite file or the PostgreSQL test database.
"""

import multiprocessing

import pytest
from sqlalchemy import func, select

from registry.extensions import db
from registry.screening.models import ScreeningCase
from tests.conftest import ON_SERVER_DB
from tests.screening.helpers import screenable

WORKERS = 4


@pytest.fixture
def app(make_app, tmp_path):
    """On SQLite, a database file that the worker processes open too; on PostgreSQL, the test database."""
    return make_app() if ON_SERVER_DB else make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/registry.sqlite")


def _open_in_process(url: str, association_id: int, officer_id: int, barrier, results) -> None:
    """One app server: load, wait for the others, then open the screening."""
    from config import TestingConfig
    from registry import create_app
    from registry.accounts.models import User
    from registry.associations.models import Association
    from registry.screening.services import cases

    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    with app.app_context(), app.test_request_context(method="POST"):  # as the staff page's form posts it
        officer, association = db.session.get(User, officer_id), db.session.get(Association, association_id)
        db.session.commit()  # loaded; the transaction that opens the case starts with the others
        barrier.wait(timeout=60)
        try:
            case, opened = cases.open_screening(officer, association, "dk_fol_stk3", True, False, "en")
            results.put((case.id, opened))
        except Exception as error:  # reported to the test, which fails on it
            results.put(("error", repr(error)))


def test_several_processes_opening_the_same_screening_share_one_case(app, factories):
    """However many app servers open it at the same moment, one case is opened and every one lands on it."""
    url = db.engine.url.render_as_string(hide_password=False)
    association_id = screenable(factories).id
    officer_id = factories.staff(email="officer@aarhus.example").id
    db.session.close()  # the test's own transaction must not hold the database while the processes work
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    workers = [context.Process(target=_open_in_process, args=(url, association_id, officer_id, barrier, results))
               for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)

    assert [outcome for outcome in outcomes if outcome[0] == "error"] == []
    assert len({case_id for case_id, _opened in outcomes}) == 1
    assert sorted(opened for _case_id, opened in outcomes) == [False] * (WORKERS - 1) + [True]
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(ScreeningCase)) == 1
