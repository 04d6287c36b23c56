from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    SelectField,
    StringField,
)
from wtforms.validators import DataRequired, Length, Optional

from roster.directory.models import AGENCY_SECTORS
from roster.forms import LanguageRowForm, MultiCheckboxField
from roster.privacy.forms import FocalPointVisibilityFields


class AgencyForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    acronym = StringField("Acronym", validators=[Length(max=30)])
    sector = SelectField("Sector", choices=AGENCY_SECTORS)
    version = HiddenField()


class HolderFields:
    full_name = StringField(
        "Full name (Latin script)", validators=[DataRequired(), Length(max=200)]
    )
    name_local = StringField(
        "Name in own script",
        validators=[Length(max=200)],
        description="As the person writes it, e.g. สมชาย ใจดี.",
    )
    email = EmailField("Email", validators=[Length(max=254)])
    phone = StringField(
        "Phone",
        validators=[Length(max=40)],
        description="With the country code, e.g. +62 21 555 0100.",
        render_kw={"type": "tel", "autocomplete": "off"},
    )


class FocalPointForm(HolderFields, FocalPointVisibilityFields, FlaskForm):
    member = SelectField("Member", choices=[], validate_choice=False)
    agency_id = SelectField("Agency", choices=[], validate_choice=False)
    new_agency = StringField(
        "…or a new agency",
        validators=[Length(max=200)],
        description="Name of an agency not in the list yet.",
    )
    position = StringField(
        "Function",
        validators=[DataRequired(), Length(max=200)],
        description='e.g. "National Contact Point, Trafficking in Persons".',
    )
    shared_mailbox = EmailField("Shared mailbox of the function", validators=[Length(max=254)])
    holder_since = DateField("Holds the function since", validators=[Optional()])
    thematic_areas = MultiCheckboxField("Thematic areas", choices=[], validate_choice=False)
    languages = FieldList(FormField(LanguageRowForm), min_entries=0)
    version = HiddenField()


class HandoverForm(HolderFields, FlaskForm):
    holder_since = DateField("Takes over on", validators=[DataRequired()])
    version = HiddenField()
