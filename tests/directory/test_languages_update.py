from tests.factories import FocalPointFactory


def test_languages_can_be_changed_in_place(client, make_user, api_token):
    headers = api_token(make_user("staff"))
    focal_point = FocalPointFactory()
    url = f"/api/v1/focal-points/{focal_point.id}"
    first = client.patch(
        url, json={"version": 1, "languages": [{"code": "id", "level": "fluent"}]}, headers=headers
    )
    second = client.patch(
        url,
        json={
            "version": 2,
            "languages": [{"code": "id", "level": "native"}, {"code": "en", "level": "basic"}],
        },
        headers=headers,
    )
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.get_json()["languages"] == [
        {"code": "id", "level": "native"},
        {"code": "en", "level": "basic"},
    ]
