import io

from sqlalchemy import select

from roster.experts.models import Expert
from roster.extensions import db
from tests.imports.files import xlsx
from tests.imports.test_expert_import import HEADERS, _row


def _upload(client, rows):
    data = {"file": (io.BytesIO(xlsx(rows)), "roster.xlsx")}
    return client.post("/imports/experts", data=data, content_type="multipart/form-data")


def test_upload_match_preview_import(client, staff, sign_in):
    signed_in = sign_in(staff)
    answer = _upload(signed_in, [HEADERS, _row(1), _row(2)])
    assert answer.status_code == 302 and answer.headers["Location"].endswith(
        "/imports/experts/columns"
    )
    page = signed_in.get("/imports/experts/columns")
    assert b'<option value="email" selected>' in page.data
    # Read "Expertise" as the position instead of the bio, ignore the phone.
    form = {
        f"column-{n}": field
        for n, field in enumerate(
            [
                "full_name",
                "email",
                "",
                "nationality",
                "organisation",
                "",
                "position",
                "thematic_areas",
                "languages",
                "availability",
                "",
            ]
        )
    }
    assert signed_in.post("/imports/experts/columns", data=form).status_code == 302
    preview = signed_in.get("/imports/experts/preview")
    assert preview.status_code == 200 and b"Import 2 rows" in preview.data
    report = signed_in.get("/imports/experts/report.csv")
    assert report.headers["Content-Type"].startswith("text/csv")
    done = signed_in.post("/imports/experts/preview", data={})
    assert done.status_code == 200 and b"Imported experts" in done.data
    expert = db.session.scalar(select(Expert).where(Expert.email == "imported1@example.org"))
    assert expert.position == "Investigates smuggling networks." and expert.phone == ""


def test_errors_block_unless_valid_rows_only(client, staff, sign_in):
    signed_in = sign_in(staff)
    _upload(signed_in, [HEADERS, _row(1), _row(2, email="broken")])
    preview = signed_in.get("/imports/experts/preview")
    assert b"Import the 1 valid rows only" in preview.data and b"Not a valid email" in preview.data
    signed_in.post("/imports/experts/preview", data={})
    assert db.session.scalar(select(Expert)) is None
    signed_in.post("/imports/experts/preview", data={"valid_only": "1"})
    assert db.session.scalars(select(Expert.email)).all() == ["imported1@example.org"]


def test_a_bad_file_is_shown_on_the_form(client, staff, sign_in):
    data = {"file": (io.BytesIO(b"nope"), "roster.pdf")}
    answer = sign_in(staff).post("/imports/experts", data=data, content_type="multipart/form-data")
    assert answer.status_code == 422 and b".xlsx" in answer.data
