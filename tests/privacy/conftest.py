"""Two members' records and one account per role, for the who-sees-what tests."""

from dataclasses import dataclass
from datetime import date

import pytest

from roster.directory.models import FocalPointHolder
from roster.extensions import db
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, member

ROLES = ("viewer", "editor_a", "editor_b", "staff", "admin")
# A hidden ("staff") contact detail of a focal point of member A reaches these roles; an
# expert's reaches the office only.
SEES_FOCAL_POINT_STAFF_FIELDS = {"editor_a", "staff", "admin"}
SEES_EXPERT_STAFF_FIELDS = {"staff", "admin"}

FP_EMAIL = "wayan.sutama@example.go.id"
FP_PHONE = "+62215550177"
FORMER_EMAIL = "made.former@example.go.id"
FORMER_PHONE = "+62215550166"
EXPERT_EMAIL = "somchai.hidden@example.org"
EXPERT_PHONE = "+66812345678"


@dataclass
class People:
    focal_point: object
    expert: object


@pytest.fixture
def people() -> People:
    """A focal point of IDN (member A) with both contact fields staff-only and a former holder,
    and an expert with the default (staff-only) visibility."""
    focal_point = FocalPointFactory(
        agency=AgencyFactory(member=member("IDN")),
        email_visibility="staff",
        phone_visibility="staff",
        holder__full_name="Wayan Sutama",
        holder__email=FP_EMAIL,
        holder__phone=FP_PHONE,
        holder__started_on=date(2024, 1, 1),
    )
    focal_point.holders.append(
        FocalPointHolder(
            full_name="Made Former",
            email=FORMER_EMAIL,
            phone=FORMER_PHONE,
            started_on=date(2020, 1, 1),
            ended_on=date(2024, 1, 1),
        )
    )
    db.session.commit()
    expert = ExpertFactory(full_name="Somchai Hidden", email=EXPERT_EMAIL, phone=EXPERT_PHONE)
    return People(focal_point=focal_point, expert=expert)


@pytest.fixture
def accounts(make_user) -> dict:
    return {
        "viewer": make_user("viewer"),
        "editor_a": make_user("editor", "IDN"),
        "editor_b": make_user("editor", "THA"),
        "staff": make_user("staff"),
        "admin": make_user("admin"),
    }
