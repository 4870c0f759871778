"""The app as production runs it (wsgi.py), plus one bare route for the benchmark's baseline.

gunicorn runs `bench.app:app` instead of `wsgi:app`, so the registry package itself stays unchanged:
/bench/bare goes through the same factory, extensions and request hooks, but does no work of its own.
"""

from registry.core.authz import anyone, require
from wsgi import app


@app.get("/bench/bare")
@require(anyone)
def bench_bare():
    """The floor: a route that only returns "ok"."""
    return "ok"
