"""Form fields of the privacy features: contact visibility on edit forms, erasure confirmation."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField
from wtforms.validators import AnyOf, DataRequired

VISIBILITY_CHOICES = {"all": "Every signed-in user", "staff": "RSO staff only"}
FOCAL_POINT_VISIBILITY_CHOICES = {
    "all": "Every signed-in user",
    "staff": "RSO staff and the member's editors",
}


def visibility_fields(choices, email_default: str, phone_default: str) -> type:
    """A mixin with the two visibility selects, defaulting as the contract says."""

    class VisibilityFields:
        email_visibility = SelectField(
            "Who sees the address", choices=choices, default=email_default
        )
        phone_visibility = SelectField(
            "Who sees the number", choices=choices, default=phone_default
        )

        def visibility_data(self) -> dict:
            return {"email": self.email_visibility.data, "phone": self.phone_visibility.data}

    return VisibilityFields


ExpertVisibilityFields = visibility_fields(VISIBILITY_CHOICES, "staff", "staff")
FocalPointVisibilityFields = visibility_fields(FOCAL_POINT_VISIBILITY_CHOICES, "all", "staff")


class EraseForm(FlaskForm):
    """Erasure cannot be undone: the word ERASE is typed as a deliberate second step."""

    confirm = StringField(
        "Type ERASE to confirm",
        validators=[
            DataRequired(),
            AnyOf(["ERASE"], message="Type ERASE, in capitals, to confirm."),
        ],
    )
    version = HiddenField()
