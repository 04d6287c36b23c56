import csv
import io
from datetime import UTC, datetime

import vobject
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from roster.audit.models import AuditEntry
from roster.directory.models import FocalPointHolder
from roster.extensions import db
from tests import factories


def _experts(n: int = 3):
    return [
        factories.ExpertFactory(
            full_name=f"Expert Exported{i}",
            bio="Investigates smuggling networks.",
            thematic_areas=["people-smuggling"],
            languages=[("th", "native")],
        )
        for i in range(n)
    ]


def test_csv_has_every_match_not_one_page(client, staff_headers):
    _experts(25)
    answer = client.get("/api/v1/experts?format=csv&per_page=10", headers=staff_headers)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert len(rows) == 25
    assert rows[0]["languages"] == "th:native" and rows[0]["thematic_areas"] == "people-smuggling"
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "export"))
    assert entry.changes["records"] == 25 and entry.changes["format"] == "csv"


def test_search_filters_apply_to_the_file(client, staff_headers):
    _experts(2)
    factories.ExpertFactory(full_name="Other Person", nationality="IDN")
    answer = client.get("/api/v1/experts?format=csv&nationality=IDN", headers=staff_headers)
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [row["full_name"] for row in rows] == ["Other Person"]


def test_formula_injection_is_neutralised(client, staff_headers):
    factories.ExpertFactory(
        full_name='=HYPERLINK("http://x")', organisation="+1", position="@SUM(A1)", bio="-2"
    )
    answer = client.get("/api/v1/experts?format=csv", headers=staff_headers)
    row = next(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert row["full_name"] == '\'=HYPERLINK("http://x")'
    assert (row["organisation"], row["position"], row["bio"]) == ("'+1", "'@SUM(A1)", "'-2")
    answer = client.get("/api/v1/experts?format=xlsx", headers=staff_headers)
    assert answer.status_code == 200
    sheet = load_workbook(io.BytesIO(answer.data)).active
    header = [cell.value for cell in sheet[1]]
    cell = sheet.cell(row=2, column=header.index("full_name") + 1)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_xlsx_reads_back(client, staff_headers):
    _experts(3)
    answer = client.get("/api/v1/experts?format=xlsx", headers=staff_headers)
    rows = list(
        load_workbook(io.BytesIO(answer.data), read_only=True).active.iter_rows(values_only=True)
    )
    assert len(rows) == 4 and rows[0][1] == "full_name"
    assert {row[1] for row in rows[1:]} == {
        "Expert Exported0",
        "Expert Exported1",
        "Expert Exported2",
    }


def test_bad_format_is_422(client, staff_headers):
    assert client.get("/api/v1/experts?format=pdf", headers=staff_headers).status_code == 422
    assert client.get("/api/v1/experts?format=vcf", headers=staff_headers).status_code == 422


def test_vcards_of_a_members_focal_points(client, staff_headers):
    tha = factories.AgencyFactory(member=factories.member("THA"), name="Royal Thai Police")
    focal_point = factories.FocalPointFactory(
        agency=tha,
        position="Director",
        holder__full_name="Somchai Jaidee",
        holder__email="somchai@example.go.th",
        holder__phone="+6621234567",
    )
    focal_point.verified_at = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    db.session.commit()
    factories.FocalPointFactory()
    answer = client.get("/api/v1/focal-points?format=vcf&member=THA", headers=staff_headers)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/vcard")
    cards = list(vobject.readComponents(answer.get_data(as_text=True)))
    assert len(cards) == 1
    card = cards[0]
    assert card.version.value == "4.0"
    assert card.fn.value == "Somchai Jaidee" and card.title.value == "Director"
    assert card.org.value == ["Royal Thai Police", "Thailand"]
    assert card.email.value == "somchai@example.go.th"
    assert card.tel.value == "tel:+6621234567"
    assert card.rev.value == "20261102T100000Z"


def test_country_pack_pdf(client, staff_headers):
    agency = factories.AgencyFactory(member=factories.member("THA"), name="Royal Thai Police")
    focal_point = factories.FocalPointFactory(
        agency=agency, position="Director", holder__full_name="Somchai Jaidee"
    )
    db.session.get(FocalPointHolder, focal_point.holders[0].id).name_local = "สมชาย ใจดี"
    db.session.commit()
    answer = client.get("/api/v1/members/THA/pack.pdf", headers=staff_headers)
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(answer.data)).pages)
    assert "Royal Thai Police" in text and "Somchai Jaidee" in text
    assert "personal data" in text and "Generated on" in text and "Never confirmed" in text
    assert client.get("/api/v1/members/XXX/pack.pdf", headers=staff_headers).status_code == 404
    assert client.get("/api/v1/members/THA/pack.pdf").status_code == 401


def test_every_match_comes_from_meilisearch_in_batches(client, staff_headers, meili, monkeypatch):
    from roster.exports import matches
    from roster.search import sync

    monkeypatch.setattr(matches, "BATCH", 7)
    _experts(20)
    factories.ExpertFactory(full_name="Unrelated Person", bio="Gardening.")
    sync.drain()
    answer = client.get("/api/v1/experts?format=csv&q=smuggling", headers=staff_headers)
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert len(rows) == 20 and len({row["id"] for row in rows}) == 20


def test_pages_link_downloads_that_keep_the_search(client, make_user, sign_in):
    _experts(2)
    factories.ExpertFactory(full_name="Other Person", nationality="IDN")
    signed_in = sign_in(make_user("viewer"))
    page = signed_in.get("/experts?nationality=IDN")
    assert b"/experts/export.csv?nationality=IDN" in page.data
    answer = signed_in.get("/experts/export.csv?nationality=IDN")
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    assert [row["full_name"] for row in rows] == ["Other Person"]
    assert signed_in.get("/focal-points/export.vcf").status_code == 200
    assert signed_in.get("/experts/export.vcf").status_code == 404
    assert signed_in.get("/members/IDN/pack.pdf").headers["Content-Type"] == "application/pdf"
