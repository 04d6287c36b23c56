from sqlalchemy import func, select

from roster.extensions import db
from roster.reference.models import Member, ThematicArea


def test_reference_data_complete(app):
    kinds = dict(db.session.execute(select(Member.kind, func.count()).group_by(Member.kind)).all())
    assert kinds == {"state": 42, "territory": 3, "organisation": 4}
    assert db.session.scalar(select(func.count()).select_from(ThematicArea)) == 18
