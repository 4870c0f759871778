"""Row locks for the read-check-write steps that must hold with several app processes.

PostgreSQL: ``SELECT … FOR UPDATE`` makes a second transaction wait for the first and then see its result.
SQLite has no row locks; there, every request that may write begins with ``BEGIN IMMEDIATE`` (registry/web.py),
so writers run one after the other anyway.
"""

from sqlalchemy import inspect, select

from registry.extensions import db


def lock(obj) -> None:
    """Lock the object's row for the rest of the transaction and reload it as it now stands."""
    mapper = inspect(obj).mapper
    key = inspect(obj).identity
    statement = select(mapper.class_).where(*(column == value for column, value in zip(mapper.primary_key, key,
                                                                                       strict=True)))
    db.session.execute(statement.with_for_update().execution_options(populate_existing=True)).scalar_one()
