"""Stakeholder map pages: the heat map with its table, the CSV download, a cell's people."""

from flask import abort, render_template, request, url_for
from flask_login import current_user, login_required

from roster.api.pagination import page_number
from roster.auth.permissions import can_read_directory
from roster.directory.models import AGENCY_SECTORS
from roster.errors import ValidationFailed
from roster.extensions import db
from roster.mapping import export, queries, svg
from roster.reference.models import MEMBER_KINDS, MEMBER_STATUSES

EXPERTS_PER_PAGE = 50


def _filter_choices() -> dict:
    return {
        "kind": [(kind, kind.capitalize()) for kind in MEMBER_KINDS],
        "status": [(status, status.capitalize()) for status in MEMBER_STATUSES],
        "sector": list(AGENCY_SECTORS.items()),
    }


def _cell_url(filters: queries.MapFilters):
    def url(member, thematic_area) -> str:
        return url_for(
            "mapping.cell_page",
            member_code=member.code,
            thematic_area_code=thematic_area.code,
            **filters.as_dict(),
        )

    return url


@login_required
def map_page():
    if not can_read_directory(current_user):
        abort(403)
    context = {"choices": _filter_choices(), "selected": request.args, "legend": svg.legend()}
    try:
        filters = queries.clean_filters(request.args)
    except ValidationFailed as error:
        return render_template("mapping/map.html", errors=error.errors, **context), 422
    coverage = queries.coverage(filters)
    cell_url = _cell_url(filters)
    return render_template(
        "mapping/map.html",
        errors={},
        coverage=coverage,
        filters=filters,
        heatmap=svg.heatmap(coverage, cell_url),
        cell_url=cell_url,
        cell_summary=svg.cell_summary,
        sector_label=AGENCY_SECTORS.get(filters.sector or ""),
        **context,
    )


@login_required
def map_csv():
    if not can_read_directory(current_user):
        abort(403)
    filters = queries.clean_filters(request.args)
    coverage = queries.coverage(filters)
    export.record_export(current_user, coverage, filters)
    db.session.commit()
    return export.csv_response(coverage)


@login_required
def cell_page(member_code: str, thematic_area_code: str):
    member = queries.member_by_code(member_code)
    thematic_area = queries.thematic_area_by_code(thematic_area_code)
    if member is None or thematic_area is None:
        abort(404)
    if not can_read_directory(current_user):
        abort(403)
    filters = queries.clean_filters(request.args)
    held, vacant = queries.cell_focal_points(member, thematic_area, filters.sector)
    experts = db.paginate(
        queries.cell_experts_statement(member, thematic_area),
        page=page_number(),
        per_page=EXPERTS_PER_PAGE,
        error_out=False,
    )
    return render_template(
        "mapping/cell.html",
        member=member,
        thematic_area=thematic_area,
        filters=filters,
        sector_label=AGENCY_SECTORS.get(filters.sector or ""),
        focal_points=held,
        vacant_focal_points=vacant,
        experts=experts,
        has_nationals=member.kind in queries.KINDS_WITH_NATIONALS,
        confirmation_cutoff=queries.confirmation_cutoff(),
    )
