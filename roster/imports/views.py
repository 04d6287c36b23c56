"""The import journey in pages: upload, match the columns, preview every row, import."""

import csv
import io

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from roster.auth.permissions import can_import
from roster.extensions import db
from roster.imports import operations, uploads
from roster.imports.columns import COLUMNS, LABELS, match_columns
from roster.imports.reading import MAX_BYTES, UnreadableFile, read_table

KINDS = {"experts": "experts", "focal-points": "focal_points"}
TITLES = {"experts": "experts", "focal_points": "focal points"}


def _kind(slug: str) -> str:
    kind = KINDS.get(slug)
    if kind is None:
        abort(404)
    if not can_import(current_user, kind):
        abort(403)
    return kind


def _upload_or_restart(kind: str, slug: str):
    upload = uploads.current(kind)
    if upload is None:
        flash("Upload the file again: the previous upload is no longer there.")
    return upload


@login_required
def upload(kind: str):
    slug, kind = kind, _kind(kind)
    error = None
    if request.method == "POST":
        file = request.files.get("file")
        if file is None or not file.filename:
            error = "Choose an .xlsx or .csv file."
        else:
            data = file.read(MAX_BYTES + 1)
            file.close()
            try:
                read_table(file.filename, data)
            except UnreadableFile as problem:
                error = str(problem)
            else:
                uploads.keep(kind, file.filename, data)
                return redirect(url_for("imports.columns", kind=slug))
    return render_template(
        "imports/upload.html", slug=slug, title=TITLES[kind], error=error
    ), 422 if error else 200


@login_required
def columns(kind: str):
    slug, kind = kind, _kind(kind)
    upload = _upload_or_restart(kind, slug)
    if upload is None:
        return redirect(url_for("imports.upload", kind=slug))
    table = uploads.table(upload)
    if request.method == "POST":
        fields = COLUMNS[kind]
        mapping = {}
        for position in range(len(table.headers)):
            field = request.form.get(f"column-{position}", "")
            if field in fields and field not in mapping.values():
                mapping[position] = field
        uploads.set_mapping(mapping)
        return redirect(url_for("imports.preview", kind=slug))
    mapping = uploads.mapping_of(upload) or match_columns(kind, table.headers)
    return render_template(
        "imports/columns.html",
        slug=slug,
        title=TITLES[kind],
        upload=upload,
        headers=table.headers,
        samples=[cells for _, cells in table.rows[:3]],
        mapping=mapping,
        fields=COLUMNS[kind],
        labels=LABELS,
    )


def _checked(kind: str, upload: dict) -> operations.Checked:
    return operations.check(current_user, kind, uploads.table(upload), uploads.mapping_of(upload))


@login_required
def preview(kind: str):
    slug, kind = kind, _kind(kind)
    upload = _upload_or_restart(kind, slug)
    if upload is None:
        return redirect(url_for("imports.upload", kind=slug))
    checked = _checked(kind, upload)
    if request.method == "POST":
        valid_only = request.form.get("valid_only") == "1"
        if checked.has_errors and not valid_only:
            flash(
                "Nothing was imported: correct the rows with errors, or import the valid rows only."
            )
        else:
            operations.write(current_user, checked, upload["filename"], valid_only=valid_only)
            if checked.has_errors and not valid_only:
                db.session.rollback()
            else:
                db.session.commit()
                uploads.forget()
                return render_template(
                    "imports/done.html", slug=slug, title=TITLES[kind], report=checked.report()
                )
    return render_template(
        "imports/preview.html",
        slug=slug,
        kind=kind,
        title=TITLES[kind],
        upload=upload,
        checked=checked,
        report=checked.report(),
        labels=LABELS,
    )


@login_required
def report_csv(kind: str):
    slug, kind = kind, _kind(kind)
    upload = _upload_or_restart(kind, slug)
    if upload is None:
        return redirect(url_for("imports.upload", kind=slug))
    report = _checked(kind, upload).report()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["row", "kind", "field", "message", "existing_id"])
    for error in report["errors"]:
        writer.writerow([error["row"], "error", error["field"], error["message"], ""])
    for duplicate in report["duplicates"]:
        writer.writerow(
            [duplicate["row"], "duplicate", "", duplicate["reason"], duplicate["existing_id"]]
        )
    for column in report["unknown_columns"]:
        writer.writerow(["", "unknown column", column, "", ""])
    return Response(
        buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="import-report-{slug}.csv"'},
    )
