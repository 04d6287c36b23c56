"""Bulk-insert a realistic synthetic directory and roster (Core executemany, ids assigned here)."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, text

from roster.demo.institutions import (
    ACHIEVEMENTS,
    AGENCIES,
    EXPERT_POSITIONS,
    FUNCTIONS,
    GENERIC_AGENCIES,
    OTHER_EMPLOYERS,
    TRAINING,
)
from roster.demo.people import Population, agency_domain, availability_windows, email_for, phone_for
from roster.demo.profiles import NATIONALITIES, PROFILES, phone_region
from roster.directory.models import (
    Agency,
    FocalPoint,
    FocalPointHolder,
    FocalPointLanguage,
    focal_point_thematic_areas,
)
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage, expert_thematic_areas
from roster.extensions import db
from roster.reference.models import Member, ThematicArea
from roster.search.models import SearchOutbox

CHUNK = 5000
SERIAL_TABLES = (Agency, FocalPoint, FocalPointHolder, Expert, AvailabilityWindow)


@dataclass
class DemoCounts:
    agencies: int = 0
    focal_points: int = 0
    holders: int = 0
    experts: int = 0
    availability_windows: int = 0


def has_people() -> bool:
    """True when the directory or the roster already holds anyone."""
    return bool(
        db.session.scalar(select(func.count()).select_from(Expert))
        or db.session.scalar(select(func.count()).select_from(FocalPoint))
    )


class _Ids:
    """Hands out primary keys after the highest in use, so rows can reference each other."""

    def __init__(self, connection) -> None:
        self.next = {
            model: (connection.scalar(select(func.max(model.id))) or 0) + 1
            for model in SERIAL_TABLES
        }

    def take(self, model) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value


def _insert(connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), CHUNK):
        connection.execute(table.insert(), rows[start : start + CHUNK])


def _moment(rng, today: date, days_back_min: int, days_back_max: int) -> datetime:
    day = today - timedelta(days=rng.randint(days_back_min, days_back_max))
    seconds = rng.randint(7 * 3600, 19 * 3600)
    return datetime.combine(day, time(), tzinfo=UTC) + timedelta(seconds=seconds)


class DemoGenerator:
    """Builds rows in memory and inserts them in chunks; meant for a database nobody else is
    writing to at the time, since ids are taken after the highest in use when it starts."""

    def __init__(self, seed: int, today: date, review_days: int) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.review_days = review_days
        self.connection = db.session.connection()
        self.ids = _Ids(self.connection)
        self.members = dict(self.connection.execute(select(Member.code, Member.id)).all())
        self.areas = dict(self.connection.execute(select(ThematicArea.code, ThematicArea.id)).all())
        self.member_names = dict(self.connection.execute(select(Member.code, Member.name)).all())
        # Members added later (observers) have no profile and get no demo people.
        self.people = {
            code: Population(self.rng, code) for code in self.members if code in PROFILES
        }
        self.emails: set[str] = set()
        self.counts = DemoCounts()

    def run(self, experts: int, focal_points: int) -> DemoCounts:
        self.add_focal_points(focal_points)
        self.add_experts(experts)
        self._advance_sequences()
        return self.counts

    def _queue_for_search(self, index_name: str, rows: list[dict]) -> None:
        """Outbox rows for new documents: Core inserts bypass the session's outbox listener."""
        now = datetime.now(UTC)
        queued = [
            {
                "index_name": index_name,
                "document_id": row["id"],
                "created_at": now,
                "attempts": 0,
                "next_attempt_at": now,
                "last_error": "",
            }
            for row in rows
        ]
        _insert(self.connection, SearchOutbox.__table__, queued)

    # Focal points -------------------------------------------------------------------------

    def _spread(self, total: int) -> dict[str, int]:
        """Every member gets one before any gets a second."""
        codes = sorted(self.people)
        self.rng.shuffle(codes)
        shares = dict.fromkeys(codes, 0)
        for index in range(total):
            code = codes[index] if index < len(codes) else self.rng.choice(codes)
            shares[code] += 1
        return shares

    def add_focal_points(self, total: int) -> None:
        existing = {
            (member_id, name): agency_id
            for agency_id, member_id, name in self.connection.execute(
                select(Agency.id, Agency.member_id, Agency.name)
            )
        }
        agencies, points, holders, languages, links = [], [], [], [], []
        for code, count in self._spread(total).items():
            member_id = self.members[code]
            catalogue = AGENCIES.get(code, GENERIC_AGENCIES)
            agency_ids: dict[str, int] = {}
            functions = list(FUNCTIONS)
            self.rng.shuffle(functions)
            for index in range(count):
                position, area_codes, sectors = functions[index % len(functions)]
                if index >= len(functions):
                    position = f"Alternate {position} ({index // len(functions)})"
                suited = [agency for agency in catalogue if agency[2] in sectors] or catalogue
                name, acronym, sector = self.rng.choice(suited)
                if name not in agency_ids:
                    agency_id = existing.get((member_id, name))
                    if agency_id is None:
                        agency_id = self.ids.take(Agency)
                        agencies.append(
                            self._agency_row(agency_id, member_id, name, acronym, sector)
                        )
                    agency_ids[name] = agency_id
                domain = agency_domain(code, acronym)
                point = self._focal_point_row(member_id, agency_ids[name], position, domain)
                points.append(point)
                links.extend(
                    {"focal_point_id": point["id"], "thematic_area_id": self.areas[area]}
                    for area in area_codes
                    if area in self.areas
                )
                spoken = self._holders(code, point, domain, holders)
                languages.extend(
                    {"focal_point_id": point["id"], "code": language, "level": level}
                    for language, level in spoken.items()
                )
        connection = self.connection
        _insert(connection, Agency.__table__, agencies)
        _insert(connection, FocalPoint.__table__, points)
        _insert(connection, FocalPointHolder.__table__, holders)
        _insert(connection, FocalPointLanguage.__table__, languages)
        _insert(connection, focal_point_thematic_areas, links)
        self._queue_for_search("focal_points", points)
        self.counts.agencies += len(agencies)
        self.counts.focal_points += len(points)
        self.counts.holders += len(holders)

    def _agency_row(self, agency_id, member_id, name, acronym, sector) -> dict:
        created = _moment(self.rng, self.today, 700, 1500)
        return {
            "id": agency_id,
            "member_id": member_id,
            "name": name,
            "acronym": acronym,
            "sector": sector,
            "version": 1,
            "created_at": created,
            "updated_at": created,
        }

    def _focal_point_row(self, member_id, agency_id, position, domain) -> dict:
        rng = self.rng
        created = _moment(rng, self.today, 400, 1400)
        verified = _moment(rng, self.today, 0, 500) if rng.random() < 0.85 else None
        reviewed_from = (verified or created).date()
        mailbox = f"focal-point-{rng.randint(1, 99)}@{domain}" if rng.random() < 0.3 else ""
        return {
            "id": self.ids.take(FocalPoint),
            "member_id": member_id,
            "agency_id": agency_id,
            "position": position,
            "shared_mailbox": mailbox,
            "verified_at": verified,
            "review_due": reviewed_from + timedelta(days=self.review_days),
            "version": 1,
            "created_at": created,
            "updated_at": max(created, verified or created),
        }

    def _holders(self, code: str, point: dict, domain: str, rows: list[dict]) -> dict[str, str]:
        """Adds the current holder (most have one) and sometimes a predecessor; their languages."""
        rng = self.rng
        started = self.today - timedelta(days=rng.randint(30, 2000))
        vacant = rng.random() < 0.03
        people = [(started, None)] if not vacant else []
        if vacant or rng.random() < 0.35:
            ended = started - timedelta(days=1)
            people.append((ended - timedelta(days=rng.randint(200, 2500)), ended))
        spoken: dict[str, str] = {}
        for started_on, ended_on in people:
            person = self.people[code].draw()
            if ended_on is None or not spoken:
                spoken = person["languages"]
            rows.append(
                {
                    "id": self.ids.take(FocalPointHolder),
                    "focal_point_id": point["id"],
                    "full_name": person["full_name"],
                    "name_local": person["name_local"],
                    "email": email_for(rng, person["full_name"], domain, self.emails),
                    "phone": phone_for(rng, code, mobile=rng.random() < 0.3),
                    "note": "" if ended_on is None else "Moved to another post.",
                    "started_on": started_on,
                    "ended_on": ended_on,
                }
            )
        return spoken

    # Experts ------------------------------------------------------------------------------

    def add_experts(self, total: int) -> None:
        nationalities = [code for code in NATIONALITIES if code in self.people]
        for start in range(0, total, CHUNK):
            experts, languages, links, windows = [], [], [], []
            for index in range(start, min(total, start + CHUNK)):
                # The first pass covers every nationality, the rest is drawn at random.
                if index < len(nationalities):
                    code = nationalities[index]
                else:
                    code = self.rng.choice(nationalities)
                expert = self._expert_row(code, languages, links, windows)
                experts.append(expert)
            _insert(self.connection, Expert.__table__, experts)
            _insert(self.connection, ExpertLanguage.__table__, languages)
            _insert(self.connection, expert_thematic_areas, links)
            _insert(self.connection, AvailabilityWindow.__table__, windows)
            self._queue_for_search("experts", experts)
            self.counts.experts += len(experts)
            self.counts.availability_windows += len(windows)

    def _employer(self, code: str) -> tuple[str, str]:
        """(organisation, email domain) of an expert of this nationality."""
        rng = self.rng
        if rng.random() < 0.55:
            name, acronym, _ = rng.choice(AGENCIES.get(code, GENERIC_AGENCIES))
            return name, agency_domain(code, acronym)
        name, label, kind = rng.choice(OTHER_EMPLOYERS)
        if kind == "int":
            return name, f"{label}.int.example"
        region = phone_region(code).lower()
        return name.format(member=self.member_names[code]), f"{label}.{kind}.{region}.example"

    def _expert_row(self, code, languages, links, windows) -> dict:
        rng = self.rng
        expert_id = self.ids.take(Expert)
        person = self.people[code].draw()
        position, usual_areas = rng.choice(EXPERT_POSITIONS)
        areas = rng.sample(usual_areas, rng.randint(1, len(usual_areas)))
        if rng.random() < 0.3:
            extra = rng.choice(list(ACHIEVEMENTS))
            if extra not in areas:
                areas.append(extra)
        organisation, domain = self._employer(code)
        years = rng.randint(4, 32)
        achievement = "; ".join(ACHIEVEMENTS[area] for area in areas[:2])
        bio = f"{position} with {years} years of experience. Has {achievement}. "
        bio += rng.choice(TRAINING)
        created = _moment(rng, self.today, 1, 1100)
        confirmed = _moment(rng, self.today, 0, 700) if rng.random() < 0.7 else None
        languages.extend(
            {"expert_id": expert_id, "code": language, "level": level}
            for language, level in person["languages"].items()
        )
        links.extend(
            {"expert_id": expert_id, "thematic_area_id": self.areas[area]}
            for area in areas
            if area in self.areas
        )
        for window_start, window_end in availability_windows(rng, self.today):
            windows.append(
                {
                    "id": self.ids.take(AvailabilityWindow),
                    "expert_id": expert_id,
                    "start": window_start,
                    "end": window_end,
                }
            )
        return {
            "id": expert_id,
            "full_name": person["full_name"],
            "name_local": person["name_local"],
            "email": email_for(rng, person["full_name"], domain, self.emails),
            "phone": phone_for(rng, code) if rng.random() < 0.9 else "",
            "nationality": code,
            "organisation": organisation,
            "position": position,
            "bio": bio.strip(),
            "confirmed_at": confirmed if confirmed is None or confirmed >= created else created,
            "version": 1,
            "created_at": created,
            "updated_at": max(created, confirmed or created),
        }

    def _advance_sequences(self) -> None:
        """PostgreSQL's serial counters do not see explicit ids; move them past the new rows."""
        if self.connection.dialect.name != "postgresql":
            return
        for model in SERIAL_TABLES:
            table = model.__tablename__
            # Table names come from the models, never from input.
            statement = (
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
            self.connection.execute(text(statement))


def generate(experts: int, focal_points: int, seed: int, review_days: int) -> DemoCounts:
    """Add `experts` experts and `focal_points` focal points (with agencies and holders)."""
    return DemoGenerator(seed, date.today(), review_days).run(experts, focal_points)
