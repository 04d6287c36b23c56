"""Helpers shared by every feature's forms."""

from flask import request
from wtforms import Form, SelectField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from roster.errors import ValidationFailed
from roster.reference.languages import LEVELS, language_names


def apply_errors(form, error: ValidationFailed) -> None:
    """Show an operation's field errors beside the form's fields (others go on top)."""
    for name, messages in error.errors.items():
        field = form._fields.get(name)
        if field is None:
            form.form_errors.extend(messages)
        else:
            field.errors = [*field.errors, *messages]


def form_status(form) -> int:
    """422 for a submitted form with errors, else 200."""
    has_errors = bool(form.errors) or bool(form.form_errors)
    return 422 if request.method == "POST" and has_errors else 200


class LanguageRowForm(Form):
    """One language with its level; blank rows are ignored."""

    code = SelectField("Language", choices=[], validate_choice=False)
    level = SelectField(
        "Level", choices={"": "—", **{level: level for level in LEVELS}}, validate_choice=False
    )


def language_choices() -> list[tuple[str, str]]:
    names = sorted(language_names().items(), key=lambda item: item[1])
    return [("", "—")] + [(code, f"{name} ({code})") for code, name in names]


def prepare_language_rows(field_list, blank_rows: int = 3) -> None:
    """Give each row its choices and add blank rows to fill in."""
    if not field_list.data or request.method == "GET":
        for _ in range(blank_rows):
            field_list.append_entry()
    choices = language_choices()
    for row in field_list:
        row.form.code.choices = choices


def language_rows_data(field_list) -> list[dict]:
    """The filled-in rows as API-shaped [{"code", "level"}]."""
    return [
        {"code": row["code"], "level": row["level"]}
        for row in field_list.data
        if row.get("code") or row.get("level")
    ]


def languages_initial(languages) -> list[dict]:
    return [{"code": item.code, "level": item.level} for item in languages]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
