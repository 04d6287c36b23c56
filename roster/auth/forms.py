from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField
from wtforms.validators import DataRequired, EqualTo, Length

from roster.auth.models import ROLES
from roster.auth.passwords import MIN_PASSWORD_LENGTH

NEW_PASSWORD_HINT = f"At least {MIN_PASSWORD_LENGTH} characters."


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])
    next = HiddenField()


class UserEditForm(FlaskForm):
    role = SelectField("Role", choices={role: role.title() for role in ROLES})
    member = SelectField("Member (editors only)", choices=[], validate_choice=False)
    is_enabled = BooleanField("Account active")
    version = HiddenField()


class InvitationForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired()])
    role = SelectField("Role", choices=[], validate_choice=False)
    member = SelectField("Member (editors only)", choices=[], validate_choice=False)


def _new_password_fields():
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH)],
        description=NEW_PASSWORD_HINT,
    )
    confirm = PasswordField(
        "Repeat the new password",
        validators=[DataRequired(), EqualTo("password", message="The two passwords differ.")],
    )
    return password, confirm


class SetPasswordForm(FlaskForm):
    password, confirm = _new_password_fields()


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField("Current password", validators=[DataRequired()])
    password, confirm = _new_password_fields()


class ResetRequestForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired()])


class SignOutEverywhereForm(FlaskForm):
    """Only the CSRF token."""
