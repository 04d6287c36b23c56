from datetime import date

import pytest
from sqlalchemy import func, select

from roster.audit.models import AuditEntry
from roster.experts.models import Expert
from roster.extensions import db
from roster.imports.reading import UnreadableFile, read_table
from roster.search.models import SearchOutbox
from tests import factories
from tests.imports.files import csv_bytes, upload, xlsx

PATH = "/api/v1/imports/experts"
HEADERS = [
    "Full Name",
    "E-mail",
    "Mobile",
    "Nationality",
    "Organization",
    "Job title",
    "Expertise",
    "Thematic areas",
    "Languages",
    "Availability",
    "Shoe size",
]


def _row(n: int, **changes) -> list:
    row = {
        "name": f"Expert Imported{n}",
        "email": f"imported{n}@example.org",
        "phone": "+66 81 234 5678",
        "nationality": "Thailand",
        "organisation": "Royal Thai Police",
        "position": "Inspector",
        "bio": "Investigates smuggling networks.",
        "areas": "People smuggling; criminal-justice",
        "languages": "Thai (native); English (fluent)",
        "availability": "2027-01-10 to 2027-03-31",
        "extra": "42",
    }
    row.update(changes)
    return list(row.values())


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Expert))


def test_xlsx_import_creates_experts_with_every_field(client, staff_headers):
    answer = upload(client, PATH, staff_headers, "roster.xlsx", xlsx([HEADERS, _row(1), _row(2)]))
    assert answer.status_code == 201, answer.json
    report = answer.json
    assert report["rows"] == 2 and report["valid"] == 2 and report["created"] == 2
    assert report["updated"] == 0 and report["errors"] == []
    assert report["unknown_columns"] == ["Shoe size"]
    expert = db.session.scalar(select(Expert).where(Expert.email == "imported1@example.org"))
    assert expert.nationality == "THA" and expert.phone == "+66812345678"
    assert [area.code for area in expert.thematic_areas] == ["people-smuggling", "criminal-justice"]
    assert {(lang.code, lang.level) for lang in expert.languages} == {
        ("th", "native"),
        ("en", "fluent"),
    }
    assert [(w.start, w.end) for w in expert.availability] == [
        (date(2027, 1, 10), date(2027, 3, 31))
    ]
    actions = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions.count("create") == 2 and actions.count("import") == 1
    queued = db.session.scalars(select(SearchOutbox.document_id)).all()
    assert {expert.id} <= set(queued)


def test_csv_with_bom_and_semicolons_and_header_variants(client, staff_headers):
    headers = [
        "name",
        "EMAIL ADDRESS",
        "phone_number",
        "country",
        "organisation",
        "title",
        "bio",
        "themes",
        "language",
        "available from",
        "available to",
    ]
    row = [
        "Nguyễn Thị Hồng",
        "hong@example.org",
        "+84 24 3825 3536",
        "VN",
        "MPS",
        "Officer",
        "Border work",
        "border-management",
        "vi:native, en:working",
        "46000",
        "10/05/2027",
    ]
    data = b"\xef\xbb\xbf" + csv_bytes([headers, row], delimiter=";")
    answer = upload(client, PATH, staff_headers, "roster.csv", data)
    assert answer.status_code == 201, answer.json
    expert = db.session.scalar(select(Expert))
    assert expert.full_name == "Nguyễn Thị Hồng" and expert.nationality == "VNM"
    assert [(w.start, w.end) for w in expert.availability] == [
        (date(2025, 12, 9), date(2027, 5, 10))
    ]


def test_csv_in_another_encoding_is_detected(client, staff_headers):
    rows = [["Name", "Email", "Organisation", "Bio"]] + [
        [
            f"José Müller {n}",
            f"jose{n}@example.org",
            "Ministère de l'Intérieur",
            "Spécialiste des frontières et de la coopération judiciaire à l'étranger",
        ]
        for n in range(5)
    ]
    answer = upload(client, PATH, staff_headers, "legacy.csv", csv_bytes(rows, encoding="cp1252"))
    assert answer.status_code == 201, answer.json
    names = db.session.scalars(select(Expert.full_name).order_by(Expert.id)).all()
    assert names[0] == "José Müller 0"


def test_one_bad_row_among_ten_thousand_writes_nothing(client, staff_headers):
    rows = [HEADERS] + [_row(n) for n in range(10_000)]
    rows[5_001] = _row(5_000, email="not an email")
    answer = upload(client, PATH, staff_headers, "big.xlsx", xlsx(rows))
    assert answer.status_code == 422
    report = answer.json["report"]
    assert report["rows"] == 10_000 and report["valid"] == 9_999
    assert [(e["row"], e["field"]) for e in report["errors"]] == [(5_001, "email")]
    assert _count() == 0
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_dry_run_writes_nothing_and_says_what_would_happen(client, staff_headers):
    factories.ExpertFactory(email="Imported1@Example.org")
    data = xlsx([HEADERS, _row(1), _row(2)])
    answer = upload(client, PATH, staff_headers, "roster.xlsx", data, dry_run="true")
    assert answer.status_code == 200
    assert (answer.json["created"], answer.json["updated"]) == (1, 1)
    assert answer.json["duplicates"][0]["reason"] == "same email"
    answer = upload(client, PATH + "?dry_run=true", staff_headers, "roster.xlsx", data)
    assert answer.status_code == 200
    assert _count() == 1


def test_reimport_updates_and_never_duplicates(client, staff_headers):
    upload(client, PATH, staff_headers, "roster.xlsx", xlsx([HEADERS, _row(1)]))
    changed = _row(1, email="IMPORTED1@example.org", position="Superintendent")
    answer = upload(client, PATH, staff_headers, "roster.xlsx", xlsx([HEADERS, changed]))
    assert answer.status_code == 201
    assert (answer.json["created"], answer.json["updated"]) == (0, 1)
    assert _count() == 1
    assert db.session.scalar(select(Expert.position)) == "Superintendent"


def test_errors_name_row_and_field(client, staff_headers):
    rows = [
        HEADERS,
        _row(1, languages="Klingon (native)"),
        _row(2, availability="soon"),
        _row(3, email="imported1@example.org"),
    ]
    answer = upload(client, PATH, staff_headers, "roster.xlsx", xlsx(rows))
    assert answer.status_code == 422
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    errors = {(e["row"], e["field"]) for e in answer.json["report"]["errors"]}
    assert errors == {(1, "languages"), (2, "availability"), (3, "email")}
    assert _count() == 0


def test_valid_rows_only_on_request(client, staff_headers):
    rows = [HEADERS, _row(1), _row(2, nationality="Atlantis")]
    answer = upload(client, PATH, staff_headers, "roster.xlsx", xlsx(rows), valid_only="true")
    assert answer.status_code == 201
    assert answer.json["created"] == 1 and len(answer.json["errors"]) == 1
    assert _count() == 1


def test_bad_files_are_refused(client, staff_headers):
    assert upload(client, PATH, staff_headers, "roster.txt", b"x").status_code == 422
    assert upload(client, PATH, staff_headers, "roster.xlsx", b"not a zip").status_code == 422
    with pytest.raises(UnreadableFile, match="10 MiB"):
        read_table("big.csv", b"a,b\r\n" + b"x" * (10 * 1024 * 1024))
    assert client.post(PATH, headers=staff_headers).status_code == 422


def test_only_the_office_imports_experts(client, make_user, api_token):
    for role, member in (("viewer", None), ("editor", "THA")):
        headers = api_token(make_user(role, member))
        answer = upload(client, PATH, headers, "roster.xlsx", xlsx([HEADERS, _row(1)]))
        assert answer.status_code == 403
    assert client.post(PATH).status_code == 401


def test_second_expert_with_the_same_email_is_a_conflict(client, staff_headers):
    factories.ExpertFactory(email="somchai.p@example.org")
    payload = {"full_name": "Somchai Prasert", "email": "Somchai.P@Example.org"}
    answer = client.post("/api/v1/experts", json=payload, headers=staff_headers)
    assert answer.status_code == 409
    assert answer.headers["Content-Type"].startswith("application/problem+json")
