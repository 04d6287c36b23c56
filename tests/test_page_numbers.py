"""One strict reading of page numbers on every page and API route: never a 500."""

import pytest

BAD_PAGES = [
    "+99999999999999999999",
    "1_000",
    " 1",
    "-1",
    "0",
    "\u0661",
    "1.0",
    "99999999999999",
    "x",
]
PAGES = [
    "/activities",
    "/alumni",
    "/focal-points/due",
    "/admin/mail",
    "/map/IDN/trafficking-in-persons",
    "/experts",
    "/focal-points",
]
API = [
    "/api/v1/members",
    "/api/v1/activities",
    "/api/v1/alumni",
    "/api/v1/mail",
    "/api/v1/experts",
    "/api/v1/focal-points",
    "/api/v1/focal-points?review=due",
]


@pytest.mark.parametrize("page", BAD_PAGES)
def test_bad_page_numbers_on_pages_are_404(make_user, sign_in, page):
    client = sign_in(make_user("admin"))
    for path in PAGES:
        response = client.get(path, query_string={"page": page})
        assert response.status_code == 404, (path, page)


@pytest.mark.parametrize("page", BAD_PAGES)
def test_bad_page_numbers_in_the_api_are_422(client, make_user, api_token, page):
    headers = api_token(make_user("admin"))
    for path in API:
        separator = "&" if "?" in path else "?"
        response = client.get(f"{path}{separator}page={page}", headers=headers)
        assert response.status_code == 422, (path, page)
        assert "page" in response.get_json()["errors"]


def test_good_page_numbers_still_work(make_user, sign_in, api_token, client):
    admin = make_user("admin")
    headers = api_token(admin)
    pages = sign_in(admin)
    assert all(pages.get(f"{path}?page=2").status_code == 200 for path in PAGES)
    assert client.get("/api/v1/members?page=2&per_page=10", headers=headers).status_code == 200
