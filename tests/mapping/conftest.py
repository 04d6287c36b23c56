"""A small hand-counted map: Indonesia, Thailand, the Philippines and IOM.

Indonesia, trafficking in persons: three held focal points (one confirmed recently, one 13 months
ago, one never) and a fourth whose holder has left, which must not count; two Indonesian experts.
"""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from roster.database import utcnow
from roster.directory.models import FocalPointHolder
from roster.extensions import db
from roster.reference.models import ThematicArea
from tests.factories import AgencyFactory, ExpertFactory, FocalPointFactory, member


def _areas(codes: list[str]) -> list[ThematicArea]:
    return list(db.session.scalars(select(ThematicArea).where(ThematicArea.code.in_(codes))))


def _focal_point(agency, position, areas, holder, verified_days_ago=None, ended=False):
    verified_at = utcnow() - timedelta(days=verified_days_ago) if verified_days_ago else None
    focal_point = FocalPointFactory(
        agency=agency,
        position=position,
        thematic_areas=_areas(areas),
        verified_at=verified_at,
        holder=False,
    )
    focal_point.holders.append(
        FocalPointHolder(
            full_name=holder,
            started_on=date(2023, 1, 1),
            ended_on=date(2025, 6, 30) if ended else None,
        )
    )
    db.session.commit()
    return focal_point


@pytest.fixture
def mapped():
    """The fixture's records by name."""
    idn_police = AgencyFactory(member=member("IDN"), name="Indonesian National Police")
    idn_immigration = AgencyFactory(
        member=member("IDN"), name="Directorate General of Immigration", sector="immigration-border"
    )
    tha_police = AgencyFactory(member=member("THA"), name="Royal Thai Police")
    iom_office = AgencyFactory(member=member("IOM"), name="IOM Regional Office", sector="other")
    records = {
        "fp_recent": _focal_point(
            idn_police,
            "NCP Trafficking and Smuggling",
            ["trafficking-in-persons", "people-smuggling"],
            "Budi Santoso",
            verified_days_ago=30,
        ),
        "fp_old": _focal_point(
            idn_immigration,
            "NCP Immigration",
            ["trafficking-in-persons"],
            "Dewi Lestari",
            verified_days_ago=395,
        ),
        "fp_never": _focal_point(
            idn_police, "Deputy NCP Trafficking", ["trafficking-in-persons"], "Agus Wijaya"
        ),
        "fp_ended": _focal_point(
            idn_police,
            "Former Trafficking Desk",
            ["trafficking-in-persons"],
            "Hendra Gunawan",
            verified_days_ago=10,
            ended=True,
        ),
        "fp_tha": _focal_point(
            tha_police,
            "NCP Smuggling",
            ["people-smuggling"],
            "Somchai Jaidee",
            verified_days_ago=10,
        ),
        "fp_iom": _focal_point(
            iom_office, "Regional Focal Point", ["trafficking-in-persons"], "Maria Santos"
        ),
        "expert_idn_1": ExpertFactory(
            full_name="Ayu Pratiwi", nationality="IDN", thematic_areas=["trafficking-in-persons"]
        ),
        "expert_idn_2": ExpertFactory(
            full_name="Rizky Hidayat",
            nationality="IDN",
            thematic_areas=["trafficking-in-persons", "border-management"],
        ),
        "expert_tha": ExpertFactory(
            full_name="Niran Chaiyaporn", nationality="THA", thematic_areas=["people-smuggling"]
        ),
        "expert_phl": ExpertFactory(
            full_name="Jose Reyes", nationality="PHL", thematic_areas=["trafficking-in-persons"]
        ),
        "expert_stateless": ExpertFactory(
            full_name="Nameless Nationality", nationality="", thematic_areas=["corruption"]
        ),
    }
    return records
