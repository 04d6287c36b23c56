from flask_wtf import FlaskForm
from wtforms import EmailField, StringField
from wtforms.validators import DataRequired, Length

from roster.directory.forms import HolderFields


class CorrectionForm(HolderFields, FlaskForm):
    position = StringField("Function", validators=[DataRequired(), Length(max=200)])
    shared_mailbox = EmailField("Shared mailbox of the function", validators=[Length(max=254)])


class NominationForm(HolderFields, FlaskForm):
    """The new holder of a vacant function, as named through the shared mailbox's link."""


class ConfirmForm(FlaskForm):
    """Only the CSRF token: the link itself identifies the record."""
