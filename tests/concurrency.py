"""Run real requests at the same moment from several processes, each with its own app and connection pool.

The processes share only the database: a SQLite file or the PostgreSQL test database. Each logs in through the
login form, waits until all are ready, then sends its requests; the test reads what they answered.
"""

import io
import multiprocessing
from dataclasses import dataclass, field

from registry.extensions import db
from tests.factories import Factories


@dataclass
class Actor:
    """One process: who logs in, and the requests it sends once everyone is ready."""

    email: str
    requests: list[tuple[str, dict]] = field(default_factory=list)
    repeat: int = 1


def _act(url: str, actor: Actor, barrier, results) -> None:
    """A process's work: log in, wait for the others, send the requests; put (status, location) of each."""
    from config import TestingConfig
    from registry import create_app

    app = create_app(TestingConfig, SQLALCHEMY_DATABASE_URI=url)
    app.extensions["mail_outbox"] = []  # mails are kept, not printed
    answers = []
    try:
        with app.app_context():
            client = app.test_client()
            login = client.post("/account/login", data={"email": actor.email, "password": Factories.PASSWORD})
            assert login.status_code == 303, login.status_code
            db.session.remove()
            barrier.wait(timeout=60)
            for _ in range(actor.repeat):
                for path, data in actor.requests:
                    response = client.post(path, data=_form(data), content_type="multipart/form-data")
                    answers.append((response.status_code, response.headers.get("Location")))
    except Exception as error:  # reported to the test, which fails on it
        answers.append(("error", repr(error)))
    results.put(answers)


def _form(data: dict) -> dict:
    """Form fields as the test client posts them; a (bytes, file name) pair is a file."""
    return {name: (io.BytesIO(value[0]), value[1]) if isinstance(value, tuple) else value
            for name, value in data.items()}


def run_together(actors: list[Actor]) -> list[list[tuple]]:
    """Run each actor in its own process, all starting together; their answers, in the actors' order."""
    url = db.engine.url.render_as_string(hide_password=False)
    db.session.close()  # the test's own transaction must not hold the database while the processes work
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(actors)), context.Queue()
    processes = [context.Process(target=_act, args=(url, actor, barrier, results)) for actor in actors]
    for process in processes:
        process.start()
    answers = [results.get(timeout=180) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    return answers
