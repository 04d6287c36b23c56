from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField

from roster.extensions import db
from roster.forms import language_choices
from roster.mailings.models import AUDIENCES
from roster.reference.countries import country_names
from roster.reference.models import Member, ThematicArea


def _members():
    members = db.session.scalars(select(Member).order_by(Member.name))
    return [(member.code, member.name) for member in members]


def _areas():
    areas = db.session.scalars(select(ThematicArea).order_by(ThematicArea.position))
    return [(area.code, area.name) for area in areas]


def _countries():
    return sorted(country_names().items(), key=lambda item: item[1])


# Choices are checked by the search parser, which words the errors as the API does.
class MailingForm(FlaskForm):
    kind = RadioField("Send to", choices=dict(AUDIENCES), default="focal_points")
    q = StringField("Words to search for", description="Optional: as in the search pages.")
    member = SelectMultipleField("Members (focal points)", choices=_members, validate_choice=False)
    thematic_area = SelectMultipleField("Thematic areas", choices=_areas, validate_choice=False)
    language = SelectMultipleField(
        "Languages", choices=lambda: language_choices()[1:], validate_choice=False
    )
    nationality = SelectMultipleField(
        "Nationalities (experts)", choices=_countries, validate_choice=False
    )
    subject = StringField("Subject")
    body = TextAreaField(
        "Message",
        render_kw={"rows": 10},
        description="Merge fields: {full_name}, {position}, {member}, {agency}.",
    )

    def to_data(self) -> dict:
        kind = self.kind.data if self.kind.data in AUDIENCES else "focal_points"
        parameters: dict = {}
        if self.q.data and self.q.data.strip():
            parameters["q"] = self.q.data.strip()
        names = ["thematic_area", "language"]
        names.append("member" if kind == "focal_points" else "nationality")
        for name in names:
            values = [value for value in getattr(self, name).data or [] if value]
            if values:
                parameters[name] = values
        return {
            "audience": {kind: parameters},
            "subject": self.subject.data,
            "body": self.body.data,
        }
