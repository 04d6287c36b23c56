"""The expert form: turns into the same dict the API takes, so both share the operations."""

from flask import request
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    DateField,
    EmailField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import Optional

from roster.experts.models import Expert
from roster.experts.serializers import ordered_languages, ordered_windows
from roster.extensions import db
from roster.forms import LanguageRowForm, MultiCheckboxField, language_choices
from roster.privacy.forms import ExpertVisibilityFields
from roster.reference.countries import country_names
from roster.reference.models import ThematicArea
from roster.validation import parse_id

BLANK_LANGUAGE_ROWS = 3
BLANK_WINDOW_ROWS = 2


def _country_choices() -> list[tuple[str, str]]:
    names = sorted(country_names().items(), key=lambda item: item[1])
    return [("", "—"), *names]


def _thematic_area_choices() -> list[tuple[str, str]]:
    areas = db.session.scalars(select(ThematicArea).order_by(ThematicArea.position))
    return [(area.code, area.name) for area in areas]


class WindowRow(Form):
    start = DateField("From", validators=[Optional()])
    end = DateField("To", validators=[Optional()])


# Choices are not checked by the form: the operations check them and word the errors
# exactly as the API does.
class ExpertForm(ExpertVisibilityFields, FlaskForm):
    full_name = StringField("Full name")
    name_local = StringField("Name in local script", description="Optional, e.g. in Thai script.")
    email = EmailField("Email")
    phone = TelField(
        "Phone", description="With the country code, or in the national format of the nationality."
    )
    nationality = SelectField("Nationality", choices=_country_choices, validate_choice=False)
    organisation = StringField("Organisation")
    position = StringField("Position")
    bio = TextAreaField("Biography and expertise", render_kw={"rows": 6})
    thematic_areas = MultiCheckboxField(
        "Thematic areas", choices=_thematic_area_choices, validate_choice=False
    )
    languages = FieldList(FormField(LanguageRowForm), label="Languages")
    availability = FieldList(FormField(WindowRow), label="Availability")
    version = HiddenField()

    def to_data(self) -> dict:
        """The submitted values as the API's expert JSON (blank rows left out)."""
        return {
            "full_name": self.full_name.data,
            "name_local": self.name_local.data,
            "email": self.email.data,
            "phone": self.phone.data,
            "visibility": self.visibility_data(),
            "nationality": self.nationality.data,
            "organisation": self.organisation.data,
            "position": self.position.data,
            "bio": self.bio.data,
            **self.collections_data(),
        }

    def collections_data(self) -> dict:
        """Thematic areas, languages and availability as the API takes them (blank rows out)."""
        return {
            "thematic_areas": list(self.thematic_areas.data or []),
            "languages": [
                {"code": row.code.data, "level": row.level.data}
                for row in self.languages
                if row.code.data or row.level.data
            ],
            "availability": [
                {"start": row.start.data, "end": row.end.data}
                for row in self.availability
                if row.start.data or row.end.data
            ],
        }

    def submitted_version(self) -> int | None:
        """The version the editor started from, None when missing or garbled."""
        return parse_id(self.version.data)


def initial_data(expert: Expert) -> dict:
    return {
        "full_name": expert.full_name,
        "name_local": expert.name_local,
        "email": expert.email,
        "phone": expert.phone,
        "email_visibility": expert.email_visibility,
        "phone_visibility": expert.phone_visibility,
        "nationality": expert.nationality,
        "organisation": expert.organisation,
        "position": expert.position,
        "bio": expert.bio,
        "thematic_areas": [area.code for area in expert.thematic_areas],
        "languages": [{"code": row.code, "level": row.level} for row in ordered_languages(expert)],
        "availability": [{"start": row.start, "end": row.end} for row in ordered_windows(expert)],
        "version": expert.version,
    }


def expert_form(expert: Expert | None = None, from_database: bool = False) -> ExpertForm:
    """The submitted form on POST; otherwise one filled from `expert`, with blank rows to add to.

    `from_database` ignores what was submitted and shows the expert's stored values.
    """
    if request.method == "POST" and not from_database:
        form = ExpertForm()
        _set_language_choices(form)
        return form
    form = ExpertForm(formdata=None, data=initial_data(expert) if expert else None)
    for _ in range(BLANK_LANGUAGE_ROWS):
        form.languages.append_entry()
    for _ in range(BLANK_WINDOW_ROWS):
        form.availability.append_entry()
    _set_language_choices(form)
    return form


def _set_language_choices(form: ExpertForm) -> None:
    choices = language_choices()
    for row in form.languages:
        row.form.code.choices = choices


class DeleteForm(FlaskForm):
    """Only the CSRF token: confirms a deletion."""
