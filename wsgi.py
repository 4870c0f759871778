"""WSGI entry point: `gunicorn wsgi:app` or `flask --app wsgi run`."""

import gc

from registry import create_app

app = create_app()

# Everything made so far (the app, SQLAlchemy's mappers, Babel's catalogues, compiled templates) lives as long
# as the process. Moving it out of the collector's sight spares every full collection a walk over some 150 000
# objects: 100+ ms each, every few hundred requests.
gc.freeze()
