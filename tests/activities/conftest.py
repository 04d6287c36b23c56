from datetime import UTC, date, datetime

import pytest

from roster.extensions import db
from tests.factories import ExpertFactory


@pytest.fixture
def payload():
    """A complete, valid activity as the API takes it."""
    return {
        "title": "Regional workshop on trafficking investigations",
        "type": "workshop",
        "description": "Three days on financial investigation.",
        "start": "2027-03-08",
        "end": "2027-03-12",
        "member": "THA",
        "city": "Bangkok",
        "online": False,
        "thematic_areas": ["trafficking-in-persons", "criminal-justice"],
        "languages": [{"code": "th", "level": "fluent"}, {"code": "en", "level": "working"}],
        "experts_wanted": 2,
        "status": "planned",
    }


@pytest.fixture
def available_expert():
    """An expert free over March 2027, confirmed recently."""

    def make(**kwargs):
        kwargs.setdefault("availability", [(date(2027, 3, 1), date(2027, 3, 31))])
        kwargs.setdefault("confirmed_at", datetime(2027, 1, 1, tzinfo=UTC))
        expert = ExpertFactory(**kwargs)
        db.session.commit()
        return expert

    return make
