"""Mailing benchmark: queue a mailing to N focal points through the API, then deliver it to the
local mail outbox with the worker's job, each against its target.

Runs on its own: a temporary ROSTER_DATA_DIR and SQLite database (or an empty one given with
--database-url), the app in process, no Meilisearch (the audience search runs on the database,
as it does while Meilisearch is down: the slower path). The folder is removed at the end.

    .venv/bin/python bench/mailing.py [--recipients 2000] [--database-url URL]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUEUE_TARGET_S = 1.0
DELIVERY_TARGET_S = 60.0


def load(count: int) -> None:
    from roster.directory.models import Agency, FocalPoint, FocalPointHolder
    from roster.extensions import db
    from roster.reference.models import Member

    thailand = db.session.scalar(db.select(Member).where(Member.code == "THA"))
    agency = Agency(member=thailand, name="Royal Thai Police", acronym="RTP", sector="other")
    db.session.add(agency)
    for number in range(count):
        focal_point = FocalPoint(member=thailand, agency=agency, position=f"Contact Point {number}")
        focal_point.holders.append(
            FocalPointHolder(
                full_name=f"Holder Number {number}",
                email=f"holder{number}@example.go.th",
                started_on=date(2025, 1, 1),
            )
        )
        db.session.add(focal_point)
    db.session.commit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, default=2000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="roster-mailing-bench-"))
    os.environ["ROSTER_DATA_DIR"] = str(folder)
    for name in ("MEILI_URL", "MAIL_SERVER"):
        os.environ.pop(name, None)
    try:
        from roster import create_app
        from roster.auth.models import User
        from roster.auth.operations import issue_token
        from roster.extensions import db
        from roster.mailings.operations import send_mailings
        from roster.reference.operations import load_reference

        overrides = {"SQLALCHEMY_DATABASE_URI": args.database_url} if args.database_url else {}
        app = create_app(overrides)
        with app.app_context():
            db.create_all()
            load_reference()
            staff = User(email="staff@example.org", password_hash="-", role="staff")
            db.session.add(staff)
            db.session.commit()
            token, _ = issue_token(staff, app.config["API_TOKEN_LIFETIME"])
            db.session.commit()
            load(args.recipients)
        client = app.test_client()
        body = {
            "audience": {"focal_points": {"member": ["THA"]}},
            "subject": "Regional meeting for {full_name}",
            "body": "Dear {full_name},\n\nAs {position} at {agency} ({member}), you are invited.",
        }
        started = time.perf_counter()
        response = client.post(
            "/api/v1/mailings", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        queued_s = time.perf_counter() - started
        assert response.status_code == 201, response.get_data(as_text=True)
        mailing_id = response.get_json()["id"]
        started = time.perf_counter()
        with app.app_context():
            while send_mailings():
                pass
        delivered_s = time.perf_counter() - started
        answer = client.get(
            f"/api/v1/mailings/{mailing_id}", headers={"Authorization": f"Bearer {token}"}
        ).get_json()
        result = {
            "recipients": answer["recipients"],
            "sent": answer["sent"],
            "status": answer["status"],
            "database": app.config["SQLALCHEMY_DATABASE_URI"].split(":", 1)[0],
            "queued_s": round(queued_s, 3),
            "queued_target_s": QUEUE_TARGET_S,
            "delivered_s": round(delivered_s, 2),
            "delivered_target_s": DELIVERY_TARGET_S,
        }
        print(json.dumps(result, indent=2))
        with app.app_context():
            db.session.remove()
            if args.database_url:
                db.drop_all()
            db.engine.dispose()
        ok = answer["sent"] == args.recipients and queued_s < QUEUE_TARGET_S
        return 0 if ok and delivered_s < DELIVERY_TARGET_S else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
