"""`flask checklists load`: the shipped checklist templates."""

import click

from registry.checklists import bp
from registry.checklists.services import load_templates

bp.cli.short_help = "Checklist templates."


@bp.cli.command("load")
def load_command() -> None:
    """Store shipped template versions that are not in the database yet (safe to run again)."""
    click.echo(f"Checklist templates: {load_templates()} added.")
