"""Helpers shared by every feature's forms."""

from flask import request

from roster.errors import ValidationFailed


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
