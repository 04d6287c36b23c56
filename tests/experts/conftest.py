import pytest


@pytest.fixture
def payload():
    """A complete, valid expert as the API takes it."""
    return {
        "full_name": "Somchai Prasert",
        "name_local": "สมชาย ประเสริฐ",
        "email": "Somchai.P@Example.org",
        "phone": "081 234 5678",
        "nationality": "THA",
        "organisation": "Royal Thai Police",
        "position": "Police Colonel",
        "bio": "Twenty years of investigations into trafficking in persons.",
        "thematic_areas": ["trafficking-in-persons", "criminal-justice"],
        "languages": [{"code": "en", "level": "fluent"}, {"code": "th", "level": "native"}],
        "availability": [{"start": "2027-01-10", "end": "2027-03-31"}],
    }
