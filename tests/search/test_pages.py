"""The search pages and the list endpoints, answered by Meilisearch and by the database."""

from datetime import date, timedelta

import pytest

from roster.database import utcnow
from roster.extensions import db
from roster.search import sync
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, member


@pytest.fixture
def roster_of_three():
    ExpertFactory(
        full_name="Somchai Jaidee",
        nationality="THA",
        thematic_areas=["trafficking-in-persons"],
        languages=[("th", "native"), ("en", "fluent")],
        availability=[(date(2027, 1, 1), date(2027, 6, 30))],
    )
    ExpertFactory(
        full_name="Dewi Lestari",
        nationality="IDN",
        thematic_areas=["people-smuggling", "maritime"],
        languages=[("id", "native"), ("en", "working")],
        availability=[(date(2027, 3, 1), date(2027, 3, 31))],
    )
    ExpertFactory(full_name="Aroha Ngata", nationality="NZL", thematic_areas=["maritime"])


def test_expert_page_searches_with_facets_and_highlights(
    meili, roster_of_three, make_user, sign_in
):
    sync.drain()
    client = sign_in(make_user("viewer"))

    html = client.get("/experts?q=somchay&language=th&min_level=fluent").get_data(as_text=True)

    assert "<mark>Somchai</mark>" in html
    assert "Dewi Lestari" not in html
    assert "<strong>1</strong> expert found" in html
    assert 'name="thematic_area" value="trafficking-in-persons"' in html
    assert "Search is running from the database" not in html


def test_expert_page_fragment_for_live_search(meili, roster_of_three, make_user, sign_in):
    sync.drain()
    client = sign_in(make_user("viewer"))

    fragment = client.get("/experts?thematic_area=maritime&fragment=live")

    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200
    assert "<html" not in html
    assert "Dewi Lestari" in html and "Aroha Ngata" in html and "Somchai" not in html


def test_availability_filter_on_the_page(meili, roster_of_three, make_user, sign_in):
    sync.drain()
    client = sign_in(make_user("viewer"))
    html = client.get("/experts?available_from=2027-03-10&available_to=2027-03-20").get_data(
        as_text=True
    )
    assert "Somchai Jaidee" in html and "Dewi Lestari" in html and "Aroha" not in html
    html = client.get("/experts?available_from=2027-03-10&available_to=2027-04-02").get_data(
        as_text=True
    )
    assert "Somchai Jaidee" in html and "Dewi Lestari" not in html


def test_pages_fall_back_to_the_database_with_a_notice(roster_of_three, make_user, sign_in):
    client = sign_in(make_user("viewer"))

    html = client.get("/experts?thematic_area=maritime").get_data(as_text=True)

    assert "Search is running from the database" in html
    assert "Dewi Lestari" in html and "Aroha Ngata" in html and "Somchai" not in html


def test_bad_search_input_is_shown_not_500(make_user, sign_in):
    client = sign_in(make_user("viewer"))
    response = client.get("/experts?available_from=2027-13-45&language=xx")
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Available from" in html and "Unknown language" in html


def test_expert_api_search_reports_engine_and_facets(
    meili, roster_of_three, client, make_user, api_token
):
    sync.drain()
    headers = api_token(make_user("viewer"))

    body = client.get("/api/v1/experts?thematic_area=maritime", headers=headers).get_json()

    assert body["_meta"]["engine"] == "meilisearch"
    assert body["_meta"]["total"] == 2
    assert body["facets"]["nationality"] == {"IDN": 1, "NZL": 1}
    assert body["facets"]["thematic_areas"] == {"maritime": 2, "people-smuggling": 1}


def test_focal_point_page_and_api_search(meili, make_user, sign_in, api_token):
    FocalPointFactory(position="National Contact Point, Trafficking in Persons")
    FocalPointFactory(
        agency=AgencyFactory(member=member("THA"), name="Royal Thai Police"),
        position="Anti-Human Trafficking Division",
        holder__full_name="Somchai Jaidee",
    )
    sync.drain()
    client = sign_in(make_user("viewer"))

    html = client.get("/focal-points?member=THA").get_data(as_text=True)
    body = client.get(
        "/api/v1/focal-points?q=trafficking", headers=api_token(make_user("viewer"))
    ).get_json()

    assert "Anti-Human Trafficking Division" in html
    assert "National Contact Point" not in html
    assert body["_meta"]["total"] == 2
    assert body["facets"]["member"] == {"IDN": 1, "THA": 1}


def _records_of_every_freshness():
    fresh = FocalPointFactory(position="Fresh NCP")
    fresh.verified_at = utcnow() - timedelta(days=30)
    stale = FocalPointFactory(position="Stale NCP")
    stale.verified_at = utcnow() - timedelta(days=400)
    FocalPointFactory(position="Never NCP")
    db.session.commit()


def test_freshness_facet_and_filter(meili, client, make_user, api_token):
    _records_of_every_freshness()
    sync.drain()
    headers = api_token(make_user("viewer"))

    everything = client.get("/api/v1/focal-points", headers=headers).get_json()
    chosen = client.get(
        "/api/v1/focal-points?freshness=stale&freshness=never", headers=headers
    ).get_json()

    assert everything["facets"]["freshness"] == {"confirmed": 1, "stale": 1, "never": 1}
    assert sorted(item["position"] for item in chosen["items"]) == ["Never NCP", "Stale NCP"]
    assert chosen["facets"]["freshness"] == {"confirmed": 1, "stale": 1, "never": 1}
    assert client.get("/api/v1/focal-points?freshness=old", headers=headers).status_code == 422


def test_freshness_from_the_database_matches(client, make_user, api_token):
    _records_of_every_freshness()
    headers = api_token(make_user("viewer"))
    chosen = client.get("/api/v1/focal-points?freshness=confirmed", headers=headers).get_json()
    assert chosen["_meta"]["engine"] == "database"
    assert [item["position"] for item in chosen["items"]] == ["Fresh NCP"]
    assert chosen["facets"]["freshness"] == {"confirmed": 1, "stale": 1, "never": 1}
