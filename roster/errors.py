"""Domain errors raised by operations, and the handlers that turn any error into an answer."""

import logging

from flask import Flask, render_template, request
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError

log = logging.getLogger(__name__)


CONFLICT_MESSAGE = (
    "Someone else saved this record while you were editing it. The form now shows the current "
    "values: reapply your change and save again."
)


class ValidationFailed(Exception):
    """Invalid input: {field: [message, ...]}."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid input")
        self.errors = errors


class VersionConflict(Exception):
    """The record was saved by someone else since the client read it."""

    def __init__(self, record=None, detail: str = ""):
        super().__init__(detail or "The record was changed by someone else.")
        self.record = record
        self.detail = detail or (
            "The record was changed by someone else since you loaded it. "
            "Reload it, reapply your change, and send the current version."
        )


class Conflict(Exception):
    """A write that would break a rule involving another record."""

    def __init__(self, detail: str):
        super().__init__(detail)
        self.detail = detail


def wants_json() -> bool:
    return request.path.startswith("/api/")


def register(app: Flask) -> None:
    from roster.api.problems import problem

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        if wants_json():
            response = problem(error.code or 500, error.name, error.description)
            if error.code == 405 and error.response is None:
                response.headers["Allow"] = ", ".join(error.valid_methods or [])
            return response
        template = "errors/error.html"
        return render_template(template, error=error), error.code

    @app.errorhandler(ValidationFailed)
    def handle_validation_failed(error: ValidationFailed):
        if wants_json():
            return problem(422, "Invalid input", "Some fields are invalid.", errors=error.errors)
        return render_template("errors/invalid.html", errors=error.errors), 422

    @app.errorhandler(VersionConflict)
    @app.errorhandler(StaleDataError)
    def handle_version_conflict(error):
        detail = getattr(error, "detail", VersionConflict().detail)
        if wants_json():
            return problem(409, "Version conflict", detail)
        return render_template("errors/conflict.html", detail=detail), 409

    @app.errorhandler(Conflict)
    def handle_conflict(error: Conflict):
        if wants_json():
            return problem(409, "Conflict", error.detail)
        return render_template("errors/conflict.html", detail=error.detail), 409

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        log.exception("unhandled error on %s %s", request.method, request.path)
        if wants_json():
            return problem(500, "Internal Server Error", "Something went wrong on our side.")
        return render_template("errors/error.html", error=InternalServerError()), 500
