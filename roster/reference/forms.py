from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from roster.reference.models import MEMBER_KINDS, MEMBER_STATUSES


class ThematicAreaForm(FlaskForm):
    code = StringField("Code", validators=[DataRequired(), Length(max=60)])
    name = StringField("Name", validators=[DataRequired(), Length(max=160)])


class MemberForm(FlaskForm):
    code = StringField("Code", validators=[DataRequired(), Length(max=10)])
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    kind = SelectField("Kind", choices={kind: kind.title() for kind in MEMBER_KINDS})
    status = SelectField(
        "Status",
        choices={status: status.title() for status in MEMBER_STATUSES},
        default="observer",
    )
