from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField
from wtforms.validators import DataRequired, Email, Length

from roster.auth.models import ROLES
from roster.auth.passwords import MIN_PASSWORD_LENGTH


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])
    next = HiddenField()


class UserCreateForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField(
        "Password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH)],
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
    )
    role = SelectField("Role", choices={role: role.title() for role in ROLES})
    member = SelectField("Member (editors only)", choices=[], validate_choice=False)


class UserEditForm(FlaskForm):
    role = SelectField("Role", choices={role: role.title() for role in ROLES})
    member = SelectField("Member (editors only)", choices=[], validate_choice=False)
    is_enabled = BooleanField("Account active")
    version = HiddenField()


class PasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH)],
        description=f"At least {MIN_PASSWORD_LENGTH} characters.",
    )
