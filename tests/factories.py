"""factory_boy factories bound to the application's session."""

from datetime import date, timedelta

import factory
from factory.alchemy import SQLAlchemyModelFactory
from sqlalchemy import select

from roster.activities.models import Activity, ActivityLanguage, Assignment
from roster.auth.models import User
from roster.auth.passwords import hash_password
from roster.directory.models import Agency, FocalPoint, FocalPointHolder
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.extensions import db
from roster.reference.models import Member, ThematicArea

PASSWORD = "correct horse battery staple"
PASSWORD_HASH = hash_password(PASSWORD)


def member(code: str) -> Member:
    return db.session.scalar(select(Member).where(Member.code == code))


class BaseFactory(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "commit"


class UserFactory(BaseFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password_hash = PASSWORD_HASH
    role = "viewer"
    is_enabled = True


class AgencyFactory(BaseFactory):
    class Meta:
        model = Agency

    member = factory.LazyFunction(lambda: member("IDN"))
    name = factory.Sequence(lambda n: f"National Agency {n}")
    acronym = factory.Sequence(lambda n: f"NA{n}")
    sector = "law-enforcement"


class FocalPointFactory(BaseFactory):
    class Meta:
        model = FocalPoint

    agency = factory.SubFactory(AgencyFactory)
    member = factory.SelfAttribute("agency.member")
    position = factory.Sequence(lambda n: f"National Contact Point {n}")
    review_due = factory.LazyFunction(lambda: date.today() + timedelta(days=365))

    @factory.post_generation
    def holder(obj, create, extracted, **kwargs):
        if extracted is False:
            return
        obj.holders.append(
            FocalPointHolder(
                full_name=kwargs.get("full_name", "Siti Rahayu"),
                email=kwargs.get("email", "siti.rahayu@example.go.id"),
                phone=kwargs.get("phone", "+62215550100"),
                started_on=kwargs.get("started_on", date(2024, 1, 1)),
            )
        )
        if create:
            db.session.commit()


class ExpertFactory(BaseFactory):
    class Meta:
        model = Expert

    full_name = factory.Sequence(lambda n: f"Expert Number{n}")
    email = factory.Sequence(lambda n: f"expert{n}@example.org")
    nationality = "THA"
    organisation = "Royal Thai Police"
    position = "Inspector"
    bio = "Investigates trafficking networks."

    @factory.post_generation
    def thematic_areas(obj, create, extracted, **kwargs):
        """thematic_areas=["maritime", ...] (codes)."""
        if extracted:
            statement = select(ThematicArea).where(ThematicArea.code.in_(extracted))
            obj.thematic_areas = list(db.session.scalars(statement))

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        """languages=[("th", "native"), ...]."""
        for code, level in extracted or []:
            obj.languages.append(ExpertLanguage(code=code, level=level))

    @factory.post_generation
    def availability(obj, create, extracted, **kwargs):
        """availability=[(date(2027, 1, 10), date(2027, 3, 31)), ...]."""
        for start, end in extracted or []:
            obj.availability.append(AvailabilityWindow(start=start, end=end))

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # The rows added after the expert was saved are committed too, not left pending.
        if create:
            db.session.commit()


class ActivityFactory(BaseFactory):
    class Meta:
        model = Activity

    title = factory.Sequence(lambda n: f"Regional workshop {n}")
    type = "workshop"
    start = date(2027, 3, 8)
    end = date(2027, 3, 12)
    status = "planned"
    experts_wanted = 2

    @factory.post_generation
    def thematic_areas(obj, create, extracted, **kwargs):
        """thematic_areas=["maritime", ...] (codes, kept in the reference order)."""
        if extracted:
            statement = select(ThematicArea).where(ThematicArea.code.in_(extracted))
            obj.thematic_areas = list(db.session.scalars(statement.order_by(ThematicArea.position)))

    @factory.post_generation
    def languages(obj, create, extracted, **kwargs):
        """languages=[("th", "fluent"), ...] (minimum levels)."""
        for code, level in extracted or []:
            obj.languages.append(ActivityLanguage(code=code, level=level))

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            db.session.commit()


class AssignmentFactory(BaseFactory):
    class Meta:
        model = Assignment

    activity = factory.SubFactory(ActivityFactory)
    expert = factory.SubFactory(ExpertFactory)
    status = "shortlisted"
