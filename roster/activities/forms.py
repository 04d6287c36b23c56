"""Forms of the activity pages; each turns into the dict the API takes, so both share the
operations (which check choices and word the errors exactly as the API does)."""

from flask import request
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Optional

from roster.activities.models import ACTIVITY_STATUSES, ACTIVITY_TYPES, Activity
from roster.extensions import db
from roster.forms import LanguageRowForm, MultiCheckboxField, language_choices
from roster.reference.languages import strongest_first
from roster.reference.models import Member, ThematicArea
from roster.validation import parse_id

BLANK_LANGUAGE_ROWS = 2
RATINGS = {"": "— no rating —", "5": "5 excellent", "4": "4 good", "3": "3 adequate",
           "2": "2 poor", "1": "1 unsatisfactory"}  # fmt: skip


def member_choices(blank: str) -> list[tuple[str, str]]:
    members = db.session.scalars(select(Member).order_by(Member.name))
    return [("", blank), *[(member.code, member.name) for member in members]]


def _thematic_area_choices() -> list[tuple[str, str]]:
    areas = db.session.scalars(select(ThematicArea).order_by(ThematicArea.position))
    return [(area.code, area.name) for area in areas]


def _version(field) -> int | None:
    return parse_id(field.data)


class ActivityForm(FlaskForm):
    title = StringField("Title")
    type = SelectField("Type", choices=ACTIVITY_TYPES, validate_choice=False)
    description = TextAreaField("Description", render_kw={"rows": 5})
    start = DateField("First day", validators=[Optional()])
    end = DateField("Last day", validators=[Optional()])
    member = SelectField(
        "Where (member)",
        choices=lambda: member_choices("— not set —"),
        validate_choice=False,
        description="The member hosting the activity, if any.",
    )
    city = StringField("City")
    online = BooleanField("Held online")
    thematic_areas = MultiCheckboxField(
        "Thematic areas", choices=_thematic_area_choices, validate_choice=False
    )
    languages = FieldList(FormField(LanguageRowForm), label="Languages needed (minimum level)")
    experts_wanted = IntegerField("Experts wanted", default=1, validators=[Optional()])
    status = SelectField("Status", choices=ACTIVITY_STATUSES, validate_choice=False)
    version = HiddenField()

    def to_data(self) -> dict:
        """The submitted values as the API's activity JSON (blank language rows left out)."""
        return {
            "title": self.title.data,
            "type": self.type.data,
            "description": self.description.data,
            "start": self.start.data,
            "end": self.end.data,
            "member": self.member.data or None,
            "city": self.city.data,
            "online": bool(self.online.data),
            "thematic_areas": list(self.thematic_areas.data or []),
            "languages": [
                {"code": row.code.data, "level": row.level.data}
                for row in self.languages
                if row.code.data or row.level.data
            ],
            "experts_wanted": 1 if self.experts_wanted.data is None else self.experts_wanted.data,
            "status": self.status.data,
        }

    def submitted_version(self) -> int | None:
        return _version(self.version)


def _initial_data(activity: Activity) -> dict:
    return {
        "title": activity.title,
        "type": activity.type,
        "description": activity.description,
        "start": activity.start,
        "end": activity.end,
        "member": activity.member.code if activity.member else "",
        "city": activity.city,
        "online": activity.is_online,
        "thematic_areas": [area.code for area in activity.thematic_areas],
        "languages": [
            {"code": row.code, "level": row.level} for row in strongest_first(activity.languages)
        ],
        "experts_wanted": activity.experts_wanted,
        "status": activity.status,
        "version": activity.version,
    }


def activity_form(activity: Activity | None = None, from_database: bool = False) -> ActivityForm:
    """The submitted form on POST; otherwise one filled from `activity`, with blank rows."""
    if request.method == "POST" and not from_database:
        form = ActivityForm()
    else:
        form = ActivityForm(formdata=None, data=_initial_data(activity) if activity else None)
        for _ in range(BLANK_LANGUAGE_ROWS):
            form.languages.append_entry()
    choices = language_choices()
    for row in form.languages:
        row.form.code.choices = choices
    return form


class MoveForm(FlaskForm):
    """One button of the assignment's workflow: the status to move to."""

    status = HiddenField()
    version = HiddenField()

    def submitted_version(self) -> int | None:
        return _version(self.version)


class AddExpertForm(FlaskForm):
    expert_id = HiddenField()


class AssessmentForm(FlaskForm):
    rating = SelectField("Rating", choices=RATINGS, validate_choice=False)
    note = TextAreaField("Note", render_kw={"rows": 4})
    version = HiddenField()

    def to_data(self, completed: bool) -> dict:
        data = {"note": self.note.data}
        if completed:
            data["rating"] = int(self.rating.data) if self.rating.data else None
        return data

    def submitted_version(self) -> int | None:
        return _version(self.version)


class ParticipantForm(FlaskForm):
    focal_point_id = SelectField(
        "Focal point", choices=[], validate_choice=False, description="Its current holder."
    )
    full_name = StringField("…or full name")
    member = SelectField("Member", choices=lambda: member_choices("—"), validate_choice=False)
    email = EmailField("Email")
    role = StringField("Role", description="e.g. participant, speaker, facilitator.")
    notes = TextAreaField("Notes", render_kw={"rows": 3})

    def to_data(self) -> dict:
        data = {"role": self.role.data, "notes": self.notes.data}
        if self.focal_point_id.data:
            data["focal_point_id"] = self.focal_point_id.data
        else:
            data.update(
                full_name=self.full_name.data, member=self.member.data, email=self.email.data
            )
        return data


class DeleteForm(FlaskForm):
    """Only the CSRF token: confirms a deletion."""
