"""The self-service form: the expert's own fields, consent and a CV, shaped as the API's JSON."""

from flask import current_app
from flask_wtf.file import FileField
from wtforms import BooleanField

from roster.experts.forms import BLANK_LANGUAGE_ROWS, BLANK_WINDOW_ROWS, ExpertForm, initial_data
from roster.forms import language_choices


class ProfileForm(ExpertForm):
    # The office keeps these: an expert changes what describes their work and availability.
    full_name = None
    name_local = None
    email = None
    nationality = None
    version = None
    consent = BooleanField("I agree to be on the roster for this purpose")
    cv = FileField("CV (PDF or Word .docx, at most 5 MiB)", description="Optional.")

    def to_data(self) -> dict:
        return {
            "phone": self.phone.data,
            "organisation": self.organisation.data,
            "position": self.position.data,
            "bio": self.bio.data,
            **self.collections_data(),
        }

    def consent_purpose(self) -> str:
        return current_app.config["CONSENT_PURPOSE"] if self.consent.data else ""

    def cv_content(self) -> bytes | None:
        upload = self.cv.data
        if not upload or not getattr(upload, "filename", ""):
            return None
        # One byte past the limit is enough to refuse an oversize file.
        return upload.read(current_app.config["CV_MAX_BYTES"] + 1)


def profile_form(expert, submitted: bool) -> ProfileForm:
    """The submitted form, or one filled from the expert with blank rows to add to."""
    if submitted:
        form = ProfileForm()
    else:
        initial = initial_data(expert) | {"consent": expert.consent_at is not None}
        form = ProfileForm(formdata=None, data=initial)
        for _ in range(BLANK_LANGUAGE_ROWS):
            form.languages.append_entry()
        for _ in range(BLANK_WINDOW_ROWS):
            form.availability.append_entry()
    choices = language_choices()
    for row in form.languages:
        row.form.code.choices = choices
    return form
