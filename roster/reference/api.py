"""Read-only reference data through the API."""

from sqlalchemy import select

from roster.api.auth import api_user, require
from roster.api.pagination import collection, page_args, paginate_query
from roster.auth.permissions import can_read_directory
from roster.reference.models import Member, ThematicArea


def member_list():
    require(can_read_directory(api_user()))
    page, per_page = page_args(default_per_page=100)
    members, total = paginate_query(select(Member).order_by(Member.code), page, per_page)
    return collection([member.to_api() for member in members], page, per_page, total)


def thematic_area_list():
    require(can_read_directory(api_user()))
    page, per_page = page_args(default_per_page=100)
    statement = select(ThematicArea).order_by(ThematicArea.position, ThematicArea.id)
    areas, total = paginate_query(statement, page, per_page)
    return collection([area.to_api() for area in areas], page, per_page, total)
