"""Reference data: all Danish and Swedish municipalities, loaded idempotently."""

from sqlalchemy import func, select

from registry.extensions import db
from registry.municipalities.models import Municipality
from registry.municipalities.services import load_municipalities


def _count(country: str) -> int:
    return db.session.scalar(select(func.count()).where(Municipality.country == country))


def test_all_municipalities_are_loaded(app):
    """98 Danish kommuner and 290 Swedish kommuner."""
    assert _count("DK") == 98
    assert _count("SE") == 290


def test_loading_again_changes_nothing(app):
    """A second load adds and updates nothing."""
    assert load_municipalities() == (0, 0)
    assert _count("DK") + _count("SE") == 388


def test_codes_and_regions(app, factories):
    """Spot checks against the official lists; Swedish codes keep their leading zero."""
    assert factories.municipality("DK", "101").name == "København"
    assert factories.municipality("DK", "751").region == "Region Midtjylland"
    stockholm = factories.municipality("SE", "0180")
    assert (stockholm.name, stockholm.region) == ("Stockholm", "Stockholms län")


def test_cli_load(app):
    """`flask municipalities load` reports what it did."""
    result = app.test_cli_runner().invoke(args=["municipalities", "load"])
    assert result.exit_code == 0
    assert "0 added, 0 updated" in result.output
