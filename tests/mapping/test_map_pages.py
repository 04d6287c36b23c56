import csv
import io
import re

import pytest
from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.extensions import db


@pytest.fixture
def viewer(make_user, sign_in):
    return sign_in(make_user("viewer"))


def _svg(html: str) -> str:
    return re.search(r'<svg[^>]*class="heatmap".*?</svg>', html, re.S).group(0)


def _svg_cell(svg: str, member_code: str, area_code: str) -> str:
    """The <a> of one cell of the heat map."""
    pattern = rf'<a href="/map/{member_code}/{area_code}"[^>]*>.*?</a>'
    return re.search(pattern, svg, re.S).group(0)


def test_heat_map_marks_gaps_and_links_every_cell(viewer, mapped):
    response = viewer.get("/map")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    svg = _svg(html)
    assert svg.count('<a href="/map/') == 49 * 18
    gap = _svg_cell(svg, "IDN", "corruption")
    assert 'class="heatmap-cell gap"' in gap
    assert 'fill="url(#map-gap)"' in gap
    assert "<title>Indonesia, Corruption: gap, no focal point and no expert</title>" in gap
    covered = _svg_cell(svg, "IDN", "trafficking-in-persons")
    assert "gap" not in covered
    assert (
        "<title>Indonesia, Trafficking in persons: 3 focal points (33% confirmed in the last "
        "12 months), 2 experts; 1 vacant function, since 2025-06-30 ("
    ) in covered
    assert "Gap: no focal point and no expert" in html
    assert "<script" not in html
    assert "style=" not in html


def test_table_gives_the_same_numbers(viewer, mapped):
    html = viewer.get("/map").get_data(as_text=True)

    table = re.search(r'<table class="coverage">.*?</table>', html, re.S).group(0)
    assert "<caption>" in table
    assert '<th scope="row">Indonesia</th>' in table
    assert '<th scope="col">Trafficking in persons</th>' in table
    assert re.search(
        r'<td><a href="/map/THA/people-smuggling"><span aria-hidden="true">1/1</span>', table
    )
    assert re.search(r'<td class="gap"><a href="/map/THA/corruption">', table)


def test_summary_names_members_and_themes_without_coverage(viewer, mapped):
    html = viewer.get("/map").get_data(as_text=True)

    no_focal_points = re.search(r'id="no-focal-points".*?</section>', html, re.S).group(0)
    assert "Philippines" in no_focal_points
    for covered in ("Indonesia", "Thailand", "International Organization for Migration"):
        assert covered not in no_focal_points
    uncovered = re.search(r'id="uncovered-areas".*?</section>', html, re.S).group(0)
    assert "Corruption" in uncovered
    for covered in ("Trafficking in persons", "People smuggling", "Border management"):
        assert covered not in uncovered


def test_sector_filter_reaches_summary_and_links(viewer, mapped):
    html = viewer.get("/map?sector=immigration-border").get_data(as_text=True)

    no_focal_points = re.search(r'id="no-focal-points".*?</section>', html, re.S).group(0)
    assert "Thailand" in no_focal_points
    assert "Indonesia" not in no_focal_points
    assert 'href="/map/IDN/trafficking-in-persons?sector=immigration-border"' in html
    assert 'href="/map.csv?sector=immigration-border"' in html


def test_invalid_filter_is_shown_on_the_form(viewer):
    response = viewer.get("/map?kind=planet")

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in html
    assert "Choose one of: state, territory, organisation." in html
    assert 'class="heatmap"' not in html


def test_csv_download_is_audited_and_matches_the_api(client, make_user, sign_in, api_token, mapped):
    user = make_user("viewer")
    api_csv = client.get("/api/v1/map?format=csv&kind=state", headers=api_token(user))
    signed_in = sign_in(user)

    response = signed_in.get("/map.csv?kind=state")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.get_data() == api_csv.get_data()
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 1 + 5
    entries = list(db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(e.action, e.record_type, e.user_id) for e in entries] == [
        ("export", "export", user.id),
        ("export", "export", user.id),
    ]
    assert entries[1].changes == {"what": "map", "filters": {"kind": "state"}, "count": 5}


def test_drill_down_lists_the_people_of_the_cell(viewer, mapped):
    response = viewer.get("/map/IDN/trafficking-in-persons")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for name in ("Budi Santoso", "Dewi Lestari", "Agus Wijaya", "Ayu Pratiwi", "Rizky Hidayat"):
        assert name in html
    for name in ("Hendra Gunawan", "Somchai Jaidee", "Niran Chaiyaporn", "Jose Reyes"):
        assert name not in html
    for key in ("fp_recent", "fp_old", "fp_never"):
        assert f'href="/focal-points/{mapped[key].id}"' in html
    for key in ("expert_idn_1", "expert_idn_2"):
        assert f'href="/experts/{mapped[key].id}"' in html
    vacant = html.split("Vacant functions", 1)[1]
    assert f'href="/focal-points/{mapped["fp_ended"].id}"' in vacant
    assert "Focal points (3)" in html
    assert "Experts (2)" in html


def test_drill_down_follows_the_sector_filter(viewer, mapped):
    html = viewer.get("/map/idn/trafficking-in-persons?sector=immigration-border").get_data(
        as_text=True
    )

    assert "Dewi Lestari" in html
    assert "Budi Santoso" not in html
    assert "Agus Wijaya" not in html
    assert "Ayu Pratiwi" in html
    assert 'href="/map?sector=immigration-border"' in html


def test_drill_down_of_an_organisation_has_no_experts(viewer, mapped):
    html = viewer.get("/map/IOM/trafficking-in-persons").get_data(as_text=True)

    assert "Maria Santos" in html
    assert "Experts (0)" in html
    assert "Jose Reyes" not in html


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/map/XXX/trafficking-in-persons", 404),
        ("/map/IDN/astrology", 404),
        ("/map/IDN/corruption?sector=navy", 422),
    ],
)
def test_drill_down_of_unknown_cell(viewer, path, status):
    assert viewer.get(path).status_code == status


@pytest.mark.parametrize(
    "path", ["/map", "/map.csv", "/map/IDN/trafficking-in-persons", "/map?kind=planet"]
)
def test_pages_need_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    assert db.session.scalar(select(db.func.count()).select_from(AuditEntry)) == 0


@pytest.mark.parametrize("role", ["viewer", "editor", "staff", "admin"])
def test_every_signed_in_role_sees_the_map_in_the_menu(make_user, sign_in, role):
    client = sign_in(make_user(role, "IDN" if role == "editor" else None))

    response = client.get("/map")

    assert response.status_code == 200
    assert '<a href="/map" aria-current="page">Stakeholder map</a>' in response.get_data(
        as_text=True
    )
    assert client.get("/map/IDN/corruption").status_code == 200
