from flask import g
from sqlalchemy import select

from roster.extensions import db
from roster.reference.models import ThematicArea


def thematic_area_names() -> dict[str, str]:
    statement = select(ThematicArea.code, ThematicArea.name).order_by(ThematicArea.position)
    return dict(db.session.execute(statement).all())


def thematic_area_name(code: str) -> str:
    """The area's name (looked up once per request), or the code when unknown."""
    if "thematic_area_names" not in g:
        g.thematic_area_names = thematic_area_names()
    return g.thematic_area_names.get(code, code)
