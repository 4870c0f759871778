"""`flask municipalities load`: the reference data, idempotently."""

import click

from registry.municipalities import bp
from registry.municipalities.services import load_municipalities

bp.cli.short_help = "Reference data on municipalities."


@bp.cli.command("load")
def load_command() -> None:
    """Load all Danish and Swedish municipalities (safe to run again)."""
    added, updated = load_municipalities()
    click.echo(f"Municipalities: {added} added, {updated} updated.")
