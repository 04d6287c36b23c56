from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class SignInDomainForm(FlaskForm):
    domain = StringField(
        "Email domain",
        validators=[DataRequired(), Length(max=253)],
        description="People whose verified email ends in @ this domain may sign up, as viewers.",
    )
