import re
from collections import defaultdict
from datetime import date, timedelta

import phonenumbers
import pycountry
import pytest
from sqlalchemy import func, select

from roster.demo.planted import PLANTED
from roster.demo.profiles import NATIONALITIES
from roster.directory.models import FocalPoint, FocalPointHolder, FocalPointLanguage
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.extensions import db
from roster.reference.languages import LEVELS, is_language_code
from roster.reference.models import Member
from roster.search.models import SearchOutbox
from roster.validation import clean_email, merge_windows
from tests.factories import ExpertFactory

EXPERTS = 120
FOCAL_POINTS = 70


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def run_cli(app):
    runner = app.test_cli_runner()

    def run(*args):
        return runner.invoke(args=["roster", *args])

    return run


@pytest.fixture
def demo(run_cli):
    result = run_cli(
        "demo-data", "--experts", str(EXPERTS), "--focal-points", str(FOCAL_POINTS), "--no-planted"
    )
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result


def test_adds_the_requested_people_and_covers_every_member(demo):
    assert count(Expert) == EXPERTS
    assert count(FocalPoint) == FOCAL_POINTS
    members_with_focal_points = set(db.session.scalars(select(FocalPoint.member_id).distinct()))
    assert members_with_focal_points == set(db.session.scalars(select(Member.id)))
    assert set(db.session.scalars(select(Expert.nationality).distinct())) == set(NATIONALITIES)
    # Every focal point but the odd vacancy has a current holder.
    current = select(func.count(func.distinct(FocalPointHolder.focal_point_id))).where(
        FocalPointHolder.ended_on.is_(None)
    )
    assert db.session.scalar(current) >= FOCAL_POINTS * 0.85
    assert "Added 120 experts" in demo.output


def test_availability_windows_are_valid_merged_and_within_18_months(demo):
    today = date.today()
    windows = defaultdict(list)
    for window in db.session.scalars(select(AvailabilityWindow)):
        windows[window.expert_id].append((window.start, window.end))
    assert windows
    for expert_windows in windows.values():
        expert_windows.sort()
        assert merge_windows(expert_windows) == expert_windows
        for start, end in expert_windows:
            assert today < start <= end <= today + timedelta(days=548)


def test_phones_are_valid_e164_numbers_of_the_persons_country(demo):
    experts = db.session.execute(select(Expert.phone, Expert.nationality)).all()
    assert sum(1 for phone, _ in experts if phone) > EXPERTS * 0.7
    for phone, nationality in experts:
        if not phone:
            continue
        number = phonenumbers.parse(phone)
        assert phonenumbers.is_valid_number(number), phone
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == phone
        alpha_2 = pycountry.countries.get(alpha_3=nationality).alpha_2
        assert phonenumbers.region_code_for_number(number) == alpha_2
    for phone in db.session.scalars(select(FocalPointHolder.phone)):
        assert re.fullmatch(r"\+[1-9]\d{6,14}", phone)
        assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), phone


def test_languages_are_valid_and_include_english(demo):
    for model, owner in ((ExpertLanguage, "expert_id"), (FocalPointLanguage, "focal_point_id")):
        spoken = defaultdict(dict)
        for language in db.session.scalars(select(model)):
            assert is_language_code(language.code)
            assert language.level in LEVELS
            spoken[getattr(language, owner)][language.code] = language.level
        assert all("en" in languages for languages in spoken.values())
    thai = db.session.scalars(
        select(ExpertLanguage.level)
        .join(Expert, Expert.id == ExpertLanguage.expert_id)
        .where(Expert.nationality == "THA", ExpertLanguage.code == "th")
    ).all()
    assert thai
    assert set(thai) == {"native"}


def test_names_in_local_scripts_and_valid_emails(demo):
    scripts = {"THA": r"[\u0E00-\u0E7F]", "KHM": r"[\u1780-\u17FF]", "MNG": r"[\u0400-\u04FF]"}
    for nationality, script in scripts.items():
        names = db.session.scalars(
            select(Expert.name_local).where(Expert.nationality == nationality)
        ).all()
        assert names
        assert all(re.search(script, name) for name in names), names
    for email in db.session.scalars(select(Expert.email)):
        assert clean_email(email) == email


def test_queues_every_new_document_for_search(demo):
    queued = dict(
        db.session.execute(
            select(SearchOutbox.index_name, func.count()).group_by(SearchOutbox.index_name)
        ).all()
    )
    assert queued == {"experts": EXPERTS, "focal_points": FOCAL_POINTS}


def test_refuses_a_database_with_people_unless_forced(demo, run_cli):
    refused = run_cli("demo-data", "--experts", "5")
    assert refused.exit_code != 0
    assert "--force" in refused.output
    skipped = run_cli("demo-data", "--if-empty")
    assert skipped.exit_code == 0
    assert count(Expert) == EXPERTS

    forced = run_cli(
        "demo-data",
        "--experts",
        "5",
        "--focal-points",
        "3",
        "--seed",
        "7",
        "--force",
        "--no-planted",
    )
    assert forced.exit_code == 0, forced.output
    assert count(Expert) == EXPERTS + 5
    assert count(FocalPoint) == FOCAL_POINTS + 3


def test_records_added_afterwards_get_fresh_ids(demo):
    highest = db.session.scalar(select(func.max(Expert.id)))
    assert ExpertFactory().id > highest


def test_ensure_demo_admin_creates_one_admin_and_shows_its_password_once(run_cli):
    from roster.auth.operations import authenticate

    first = run_cli("ensure-demo-admin")
    assert first.exit_code == 0, first.output
    password = re.search(r"password: (\S+)", first.output).group(1)
    assert authenticate("admin@example.org", password) is not None

    second = run_cli("ensure-demo-admin")
    assert second.exit_code == 0
    assert "password" not in second.output


def test_adds_the_judgement_lists_experts_once(run_cli):
    first = run_cli("demo-data", "--experts", "10", "--focal-points", "5")
    assert first.exit_code == 0, first.output
    assert f"Added the {len(PLANTED)} experts" in first.output
    again = run_cli("demo-data", "--experts", "0", "--focal-points", "0", "--force")
    assert again.exit_code == 0, again.output
    names = set(db.session.scalars(select(Expert.full_name)))
    assert {planted.full_name for planted in PLANTED} <= names
    assert count(Expert) == 10 + len(PLANTED)
    assert count(SearchOutbox) == 10 + 5 + len(PLANTED)
