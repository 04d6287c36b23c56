"""A realistic synthetic directory and roster, written through the bulk loader."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from roster.bulk import Record, insert_records
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

# Experts are built and written this many at a time, to bound the memory held.
CHUNK = 5000


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


def _moment(rng, today: date, days_back_min: int, days_back_max: int) -> datetime:
    day = today - timedelta(days=rng.randint(days_back_min, days_back_max))
    seconds = rng.randint(7 * 3600, 19 * 3600)
    return datetime.combine(day, time(), tzinfo=UTC) + timedelta(seconds=seconds)


class DemoGenerator:
    """Builds records in memory and writes them in chunks with `write` (the bulk loader, or
    anything taking the same arguments)."""

    def __init__(self, seed: int, today: date, review_days: int, write=insert_records) -> None:
        self.write = write
        self.rng = random.Random(seed)
        self.today = today
        self.review_days = review_days
        self.connection = db.session.connection()
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
        return self.counts

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
        agency_ids = {
            (member_id, name): agency_id
            for agency_id, member_id, name in self.connection.execute(
                select(Agency.id, Agency.member_id, Agency.name)
            )
        }
        agencies: dict[tuple[int, str], Record] = {}
        points: list[tuple[tuple[int, str], Record]] = []
        for code, count in self._spread(total).items():
            member_id = self.members[code]
            catalogue = AGENCIES.get(code, GENERIC_AGENCIES)
            functions = list(FUNCTIONS)
            self.rng.shuffle(functions)
            for index in range(count):
                position, area_codes, sectors = functions[index % len(functions)]
                if index >= len(functions):
                    position = f"Alternate {position} ({index // len(functions)})"
                suited = [agency for agency in catalogue if agency[2] in sectors] or catalogue
                name, acronym, sector = self.rng.choice(suited)
                agency = (member_id, name)
                if agency not in agency_ids and agency not in agencies:
                    agencies[agency] = Record(self._agency_row(member_id, name, acronym, sector))
                domain = agency_domain(code, acronym)
                row = self._focal_point_row(member_id, position, domain)
                holders: list[dict] = []
                spoken = self._holders(code, domain, holders)
                children = {
                    FocalPointHolder.__table__: holders,
                    FocalPointLanguage.__table__: [
                        {"code": language, "level": level} for language, level in spoken.items()
                    ],
                    focal_point_thematic_areas: [
                        {"thematic_area_id": self.areas[area]}
                        for area in area_codes
                        if area in self.areas
                    ],
                }
                points.append((agency, Record(row, children)))
                self.counts.holders += len(holders)
        new_ids = self.write(self.connection, Agency.__table__, list(agencies.values()))
        agency_ids.update(zip(agencies, new_ids, strict=True))
        for agency, point in points:
            point.row["agency_id"] = agency_ids[agency]
        records = [point for _, point in points]
        self.write(self.connection, FocalPoint.__table__, records, "focal_points")
        self.counts.agencies += len(agencies)
        self.counts.focal_points += len(points)

    def _agency_row(self, member_id, name, acronym, sector) -> dict:
        created = _moment(self.rng, self.today, 700, 1500)
        return {
            "member_id": member_id,
            "name": name,
            "acronym": acronym,
            "sector": sector,
            "version": 1,
            "created_at": created,
            "updated_at": created,
        }

    def _focal_point_row(self, member_id, position, domain) -> dict:
        rng = self.rng
        created = _moment(rng, self.today, 400, 1400)
        verified = _moment(rng, self.today, 0, 500) if rng.random() < 0.85 else None
        reviewed_from = (verified or created).date()
        mailbox = f"focal-point-{rng.randint(1, 99)}@{domain}" if rng.random() < 0.3 else ""
        return {
            "member_id": member_id,
            "position": position,
            "shared_mailbox": mailbox,
            "verified_at": verified,
            "review_due": reviewed_from + timedelta(days=self.review_days),
            "version": 1,
            "created_at": created,
            "updated_at": max(created, verified or created),
        }

    def _holders(self, code: str, domain: str, rows: list[dict]) -> dict[str, str]:
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
            records = []
            for index in range(start, min(total, start + CHUNK)):
                # The first pass covers every nationality, the rest is drawn at random.
                if index < len(nationalities):
                    code = nationalities[index]
                else:
                    code = self.rng.choice(nationalities)
                records.append(self._expert(code))
            self.write(self.connection, Expert.__table__, records, "experts")
            self.counts.experts += len(records)
            self.counts.availability_windows += sum(
                len(record.children[AvailabilityWindow.__table__]) for record in records
            )

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

    def _expert(self, code: str) -> Record:
        rng = self.rng
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
        children = {
            ExpertLanguage.__table__: [
                {"code": language, "level": level}
                for language, level in person["languages"].items()
            ],
            expert_thematic_areas: [
                {"thematic_area_id": self.areas[area]} for area in areas if area in self.areas
            ],
            AvailabilityWindow.__table__: [
                {"start": window_start, "end": window_end}
                for window_start, window_end in availability_windows(rng, self.today)
            ],
        }
        row = {
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
        return Record(row, children)


def generate(experts: int, focal_points: int, seed: int, review_days: int) -> DemoCounts:
    """Add `experts` experts and `focal_points` focal points (with agencies and holders)."""
    return DemoGenerator(seed, date.today(), review_days).run(experts, focal_points)
