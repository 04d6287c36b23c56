"""Every method and route of the app, for every kind of user, answers exactly as expected.

The matrix is checked against `app.url_map`: a route added without a line here, or a line left
for a route that is gone, fails the suite.
"""

import re

import pytest

from roster.activities.models import Participant
from roster.extensions import db
from roster.freshness.models import CorrectionProposal
from tests.factories import (
    ActivityFactory,
    AgencyFactory,
    AssignmentFactory,
    ExpertFactory,
    FocalPointFactory,
    UserFactory,
    member,
)

ROLES = ("anonymous", "viewer", "editor_a", "editor_b", "staff", "admin")


def statuses(anonymous, viewer, editor_a, editor_b, staff, admin):
    return dict(zip(ROLES, (anonymous, viewer, editor_a, editor_b, staff, admin), strict=True))


def everyone(status):
    return statuses(*(status,) * 6)


READ_PAGE = statuses(302, 200, 200, 200, 200, 200)
EDITOR_A_PAGE = statuses(302, 403, 200, 403, 200, 200)
EDITOR_A_DONE = statuses(302, 403, 302, 403, 302, 302)
EDITORS_PAGE = statuses(302, 403, 200, 200, 200, 200)
# Import steps without an uploaded file in the session send the user back to the upload.
EDITORS_DONE = statuses(302, 403, 302, 302, 302, 302)
RSO_PAGE = statuses(302, 403, 403, 403, 200, 200)
RSO_DONE = statuses(302, 403, 403, 403, 302, 302)
RSO_INVALID = statuses(302, 403, 403, 403, 422, 422)
RSO_CONFLICT = statuses(302, 403, 403, 403, 409, 409)
ADMIN_PAGE = statuses(302, 403, 403, 403, 403, 200)
SIGNED_IN_INVALID = statuses(302, 422, 422, 422, 422, 422)
READ_API = statuses(401, 200, 200, 200, 200, 200)
RSO_API = statuses(401, 403, 403, 403, 200, 200)
RSO_CREATED = statuses(401, 403, 403, 403, 201, 201)
RSO_DELETED = statuses(401, 403, 403, 403, 204, 204)
EDITOR_A_API = statuses(401, 403, 200, 403, 200, 200)
NO_SUCH_LINK = everyone(404)

# (method, rule as in app.url_map): (URL with {record} fields, body, expected statuses)
PAGES = {
    ("GET", "/"): ("/", None, everyone(302)),
    ("GET", "/healthz"): ("/healthz", None, everyone(200)),
    ("GET", "/login"): ("/login", None, everyone(200)),
    ("POST", "/login"): ("/login", {}, everyone(401)),
    ("POST", "/logout"): ("/logout", {}, everyone(302)),
    ("GET", "/account"): ("/account", None, READ_PAGE),
    ("POST", "/account/password"): ("/account/password", {}, SIGNED_IN_INVALID),
    ("POST", "/account/sign-out-everywhere"): ("/account/sign-out-everywhere", {}, everyone(302)),
    ("GET", "/invitations/new"): ("/invitations/new", None, RSO_PAGE),
    ("POST", "/invitations/new"): ("/invitations/new", {}, RSO_INVALID),
    ("GET", "/invitation/<token>"): ("/invitation/not-a-token", None, NO_SUCH_LINK),
    ("POST", "/invitation/<token>"): ("/invitation/not-a-token", {}, NO_SUCH_LINK),
    ("GET", "/password-reset"): ("/password-reset", None, everyone(200)),
    ("POST", "/password-reset"): ("/password-reset", {}, everyone(422)),
    ("GET", "/password-reset/<token>"): ("/password-reset/not-a-token", None, NO_SUCH_LINK),
    ("POST", "/password-reset/<token>"): ("/password-reset/not-a-token", {}, NO_SUCH_LINK),
    ("GET", "/admin/users"): ("/admin/users", None, ADMIN_PAGE),
    ("GET", "/admin/users/<int:user_id>"): ("/admin/users/{user}", None, ADMIN_PAGE),
    ("POST", "/admin/users/<int:user_id>"): (
        "/admin/users/{user}",
        "user_form",
        statuses(302, 403, 403, 403, 403, 302),
    ),
    ("GET", "/admin/thematic-areas"): ("/admin/thematic-areas", None, ADMIN_PAGE),
    ("POST", "/admin/thematic-areas"): (
        "/admin/thematic-areas",
        {},
        statuses(302, 403, 403, 403, 403, 422),
    ),
    ("GET", "/admin/members/new"): ("/admin/members/new", None, ADMIN_PAGE),
    ("POST", "/admin/members/new"): (
        "/admin/members/new",
        {},
        statuses(302, 403, 403, 403, 403, 422),
    ),
    ("GET", "/admin/mail"): ("/admin/mail", None, ADMIN_PAGE),
    ("GET", "/members"): ("/members", None, READ_PAGE),
    ("GET", "/members/<code>"): ("/members/IDN", None, READ_PAGE),
    ("GET", "/members/<code>/agencies/new"): ("/members/IDN/agencies/new", None, EDITOR_A_PAGE),
    ("POST", "/members/<code>/agencies/new"): (
        "/members/IDN/agencies/new",
        {},
        statuses(302, 403, 422, 403, 422, 422),
    ),
    ("GET", "/agencies/<int:agency_id>/edit"): ("/agencies/{agency}/edit", None, EDITOR_A_PAGE),
    ("POST", "/agencies/<int:agency_id>/edit"): (
        "/agencies/{agency}/edit",
        "agency_form",
        EDITOR_A_DONE,
    ),
    ("POST", "/agencies/<int:agency_id>/delete"): (
        "/agencies/{agency}/delete",
        {},
        EDITOR_A_DONE,
    ),
    ("GET", "/focal-points"): ("/focal-points", None, READ_PAGE),
    ("GET", "/focal-points/new"): ("/focal-points/new", None, EDITORS_PAGE),
    ("POST", "/focal-points/new"): (
        "/focal-points/new",
        {},
        statuses(302, 403, 422, 422, 422, 422),
    ),
    ("GET", "/focal-points/due"): ("/focal-points/due", None, EDITORS_PAGE),
    ("GET", "/focal-points/<int:focal_point_id>"): (
        "/focal-points/{focal_point}",
        None,
        READ_PAGE,
    ),
    ("GET", "/focal-points/<int:focal_point_id>/edit"): (
        "/focal-points/{focal_point}/edit",
        None,
        EDITOR_A_PAGE,
    ),
    ("POST", "/focal-points/<int:focal_point_id>/edit"): (
        "/focal-points/{focal_point}/edit",
        {},
        EDITOR_A_DONE,
    ),
    ("GET", "/focal-points/<int:focal_point_id>/handover"): (
        "/focal-points/{focal_point}/handover",
        None,
        EDITOR_A_PAGE,
    ),
    ("POST", "/focal-points/<int:focal_point_id>/handover"): (
        "/focal-points/{focal_point}/handover",
        {},
        statuses(302, 403, 422, 403, 422, 422),
    ),
    ("GET", "/focal-points/<int:focal_point_id>/delete"): (
        "/focal-points/{focal_point}/delete",
        None,
        EDITOR_A_PAGE,
    ),
    ("POST", "/focal-points/<int:focal_point_id>/delete"): (
        "/focal-points/{focal_point}/delete",
        {},
        EDITOR_A_DONE,
    ),
    ("GET", "/focal-points/<int:focal_point_id>/history"): (
        "/focal-points/{focal_point}/history",
        None,
        READ_PAGE,
    ),
    ("POST", "/focal-points/<int:focal_point_id>/confirmation-request"): (
        "/focal-points/{focal_point}/confirmation-request",
        {},
        EDITOR_A_DONE,
    ),
    ("POST", "/proposals/<int:proposal_id>/<any(accept, reject):decision>"): (
        "/proposals/{proposal}/accept",
        {},
        EDITOR_A_DONE,
    ),
    ("GET", "/confirm/<token>"): ("/confirm/not-a-token", None, NO_SUCH_LINK),
    ("POST", "/confirm/<token>"): ("/confirm/not-a-token", {}, NO_SUCH_LINK),
    ("GET", "/confirm/<token>/correct"): ("/confirm/not-a-token/correct", None, NO_SUCH_LINK),
    ("POST", "/confirm/<token>/correct"): ("/confirm/not-a-token/correct", {}, NO_SUCH_LINK),
    ("GET", "/experts"): ("/experts", None, READ_PAGE),
    ("GET", "/experts/new"): ("/experts/new", None, RSO_PAGE),
    ("POST", "/experts/new"): ("/experts/new", {}, RSO_INVALID),
    ("GET", "/experts/<int:expert_id>"): ("/experts/{expert}", None, READ_PAGE),
    ("GET", "/experts/<int:expert_id>/edit"): ("/experts/{expert}/edit", None, RSO_PAGE),
    # Without the version it was loaded at, an edit answers as a conflict.
    ("POST", "/experts/<int:expert_id>/edit"): ("/experts/{expert}/edit", {}, RSO_CONFLICT),
    ("GET", "/experts/<int:expert_id>/delete"): ("/experts/{expert}/delete", None, RSO_PAGE),
    ("POST", "/experts/<int:expert_id>/delete"): ("/experts/{expert}/delete", {}, RSO_DONE),
    ("GET", "/audit/<record_type>/<int:record_id>"): (
        "/audit/focal_point/{focal_point}",
        None,
        RSO_PAGE,
    ),
    ("GET", "/map"): ("/map", None, READ_PAGE),
    ("GET", "/map.csv"): ("/map.csv", None, READ_PAGE),
    ("GET", "/map/<member_code>/<thematic_area_code>"): (
        "/map/IDN/trafficking-in-persons",
        None,
        READ_PAGE,
    ),
    ("GET", "/activities"): ("/activities", None, READ_PAGE),
    ("GET", "/alumni"): ("/alumni", None, READ_PAGE),
    ("GET", "/activities/new"): ("/activities/new", None, RSO_PAGE),
    ("POST", "/activities/new"): ("/activities/new", {}, RSO_INVALID),
    ("GET", "/activities/<int:activity_id>"): ("/activities/{activity}", None, READ_PAGE),
    ("GET", "/activities/<int:activity_id>/edit"): (
        "/activities/{activity}/edit",
        None,
        RSO_PAGE,
    ),
    ("POST", "/activities/<int:activity_id>/edit"): (
        "/activities/{activity}/edit",
        {},
        RSO_CONFLICT,
    ),
    ("GET", "/activities/<int:activity_id>/delete"): (
        "/activities/{activity}/delete",
        None,
        RSO_PAGE,
    ),
    ("POST", "/activities/<int:activity_id>/delete"): (
        "/activities/{activity}/delete",
        {},
        RSO_DONE,
    ),
    ("POST", "/activities/<int:activity_id>/assignments"): (
        "/activities/{activity}/assignments",
        "assignment_form",
        RSO_DONE,
    ),
    ("GET", "/activities/<int:activity_id>/participants/new"): (
        "/activities/{activity}/participants/new",
        None,
        RSO_PAGE,
    ),
    ("POST", "/activities/<int:activity_id>/participants/new"): (
        "/activities/{activity}/participants/new",
        {},
        RSO_INVALID,
    ),
    ("GET", "/assignments/<int:assignment_id>/assessment"): (
        "/assignments/{assignment}/assessment",
        None,
        RSO_PAGE,
    ),
    ("POST", "/assignments/<int:assignment_id>/assessment"): (
        "/assignments/{assignment}/assessment",
        {},
        RSO_DONE,
    ),
    ("POST", "/assignments/<int:assignment_id>/move"): (
        "/assignments/{assignment}/move",
        "move_form",
        RSO_DONE,
    ),
    ("POST", "/participants/<int:participant_id>/delete"): (
        "/participants/{participant}/delete",
        {},
        RSO_DONE,
    ),
    ("GET", "/imports/<kind>"): ("/imports/experts", None, RSO_PAGE),
    ("POST", "/imports/<kind>"): ("/imports/experts", {}, RSO_INVALID),
    ("GET", "/imports/<kind>/columns"): ("/imports/focal-points/columns", None, EDITORS_DONE),
    ("POST", "/imports/<kind>/columns"): ("/imports/focal-points/columns", {}, EDITORS_DONE),
    ("GET", "/imports/<kind>/preview"): ("/imports/focal-points/preview", None, EDITORS_DONE),
    ("POST", "/imports/<kind>/preview"): ("/imports/focal-points/preview", {}, EDITORS_DONE),
    ("GET", "/imports/<kind>/report.csv"): ("/imports/experts/report.csv", None, RSO_DONE),
    ("GET", "/experts/duplicates"): ("/experts/duplicates", None, RSO_PAGE),
    ("GET", "/experts/<int:expert_id>/merge"): (
        "/experts/{expert}/merge?into=999999",
        None,
        statuses(302, 403, 403, 403, 404, 404),
    ),
    ("POST", "/experts/<int:expert_id>/merge"): (
        "/experts/{expert}/merge?into=999999",
        {},
        statuses(302, 403, 403, 403, 404, 404),
    ),
    ("GET", "/experts/export.<file_format>"): ("/experts/export.csv", None, READ_PAGE),
    ("GET", "/focal-points/export.<file_format>"): ("/focal-points/export.vcf", None, READ_PAGE),
    ("GET", "/members/<code>/pack.pdf"): ("/members/IDN/pack.pdf", None, READ_PAGE),
    ("GET", "/privacy"): ("/privacy", None, everyone(200)),
    ("GET", "/experts/<int:expert_id>/erase"): ("/experts/{expert}/erase", None, ADMIN_PAGE),
    ("POST", "/experts/<int:expert_id>/erase"): (
        "/experts/{expert}/erase",
        {},
        statuses(302, 403, 403, 403, 403, 422),
    ),
    ("POST", "/focal-points/<int:focal_point_id>/erase"): (
        "/focal-points/{focal_point}/erase",
        {},
        statuses(302, 403, 403, 403, 403, 422),
    ),
    ("GET", "/focal-points/<int:focal_point_id>/erase"): (
        "/focal-points/{focal_point}/erase",
        None,
        ADMIN_PAGE,
    ),
    ("GET", "/invitations/<token>"): ("/invitations/not-a-token", None, NO_SUCH_LINK),
    ("POST", "/invitations/<token>"): ("/invitations/not-a-token", {}, NO_SUCH_LINK),
    ("GET", "/profile/<token>"): ("/profile/not-a-token", None, NO_SUCH_LINK),
    ("POST", "/profile/<token>"): ("/profile/not-a-token", {}, NO_SUCH_LINK),
    ("GET", "/nominate/<token>"): ("/nominate/not-a-token", None, NO_SUCH_LINK),
    ("POST", "/nominate/<token>"): ("/nominate/not-a-token", {}, NO_SUCH_LINK),
    ("POST", "/experts/<int:expert_id>/profile-request"): (
        "/experts/{expert}/profile-request",
        {},
        statuses(302, 403, 403, 403, 302, 302),
    ),
    ("GET", "/experts/<int:expert_id>/cv"): (
        "/experts/{expert}/cv",
        None,
        statuses(302, 403, 403, 403, 404, 404),
    ),
    ("POST", "/focal-points/<int:focal_point_id>/nomination-request"): (
        "/focal-points/{focal_point}/nomination-request",
        {},
        statuses(302, 403, 302, 403, 302, 302),
    ),
    ("GET", "/mailings"): ("/mailings", None, RSO_PAGE),
    ("GET", "/mailings/new"): ("/mailings/new", None, RSO_PAGE),
    ("POST", "/mailings/new"): ("/mailings/new", {}, statuses(302, 403, 403, 403, 422, 422)),
    ("GET", "/mailings/<int:mailing_id>"): (
        "/mailings/999999",
        None,
        statuses(302, 404, 404, 404, 404, 404),
    ),
    ("GET", "/login/two-factor"): ("/login/two-factor", None, everyone(302)),
    ("POST", "/login/two-factor"): ("/login/two-factor", {}, everyone(302)),
    ("GET", "/account/two-factor"): ("/account/two-factor", None, RSO_PAGE),
    ("POST", "/account/two-factor"): ("/account/two-factor", {}, RSO_INVALID),
    ("POST", "/account/two-factor/recovery-codes"): (
        "/account/two-factor/recovery-codes",
        {},
        RSO_DONE,
    ),
    ("POST", "/account/two-factor/turn-off"): ("/account/two-factor/turn-off", {}, RSO_DONE),
    ("POST", "/admin/users/<int:user_id>/two-factor/reset"): (
        "/admin/users/{user}/two-factor/reset",
        {},
        statuses(302, 403, 403, 403, 403, 302),
    ),
    # Without OIDC_ISSUER there is no identity provider to sign in through.
    ("GET", "/login/oidc"): ("/login/oidc", None, everyone(404)),
    ("GET", "/login/oidc/callback"): ("/login/oidc/callback", None, everyone(404)),
    ("GET", "/admin/sign-in-domains"): ("/admin/sign-in-domains", None, ADMIN_PAGE),
    ("POST", "/admin/sign-in-domains"): (
        "/admin/sign-in-domains",
        {"domain": "partner.example"},
        statuses(302, 403, 403, 403, 403, 302),
    ),
    ("POST", "/admin/sign-in-domains/<int:domain_id>/delete"): (
        "/admin/sign-in-domains/999999/delete",
        {},
        statuses(302, 404, 404, 404, 404, 404),
    ),
}

API = {
    ("POST", "/api/v1/tokens"): ("/api/v1/tokens", None, everyone(401)),
    ("DELETE", "/api/v1/tokens/current"): (
        "/api/v1/tokens/current",
        None,
        statuses(401, 204, 204, 204, 204, 204),
    ),
    ("GET", "/api/v1/me"): ("/api/v1/me", None, READ_API),
    ("POST", "/api/v1/me/password"): (
        "/api/v1/me/password",
        {},
        statuses(401, 422, 422, 422, 422, 422),
    ),
    ("POST", "/api/v1/invitations"): (
        "/api/v1/invitations",
        {"email": "invited@example.org", "role": "viewer"},
        RSO_CREATED,
    ),
    ("GET", "/api/v1/members"): ("/api/v1/members", None, READ_API),
    ("GET", "/api/v1/thematic-areas"): ("/api/v1/thematic-areas", None, READ_API),
    ("GET", "/api/v1/agencies"): ("/api/v1/agencies", None, READ_API),
    ("GET", "/api/v1/focal-points"): ("/api/v1/focal-points", None, READ_API),
    ("POST", "/api/v1/focal-points"): (
        "/api/v1/focal-points",
        "focal_point_json",
        statuses(401, 403, 201, 403, 201, 201),
    ),
    ("GET", "/api/v1/focal-points/<int:focal_point_id>"): (
        "/api/v1/focal-points/{focal_point}",
        None,
        READ_API,
    ),
    ("PATCH", "/api/v1/focal-points/<int:focal_point_id>"): (
        "/api/v1/focal-points/{focal_point}",
        {"version": 1, "position": "Changed"},
        EDITOR_A_API,
    ),
    ("DELETE", "/api/v1/focal-points/<int:focal_point_id>"): (
        "/api/v1/focal-points/{focal_point}",
        None,
        statuses(401, 403, 204, 403, 204, 204),
    ),
    ("GET", "/api/v1/focal-points/<int:focal_point_id>/history"): (
        "/api/v1/focal-points/{focal_point}/history",
        None,
        READ_API,
    ),
    ("POST", "/api/v1/focal-points/<int:focal_point_id>/confirmation-requests"): (
        "/api/v1/focal-points/{focal_point}/confirmation-requests",
        None,
        statuses(401, 403, 202, 403, 202, 202),
    ),
    ("GET", "/api/v1/experts"): ("/api/v1/experts", None, READ_API),
    ("POST", "/api/v1/experts"): ("/api/v1/experts", {"full_name": "Ana Lima"}, RSO_CREATED),
    ("GET", "/api/v1/experts/<int:expert_id>"): ("/api/v1/experts/{expert}", None, READ_API),
    ("PATCH", "/api/v1/experts/<int:expert_id>"): (
        "/api/v1/experts/{expert}",
        {"version": 1, "bio": "Changed"},
        RSO_API,
    ),
    ("DELETE", "/api/v1/experts/<int:expert_id>"): (
        "/api/v1/experts/{expert}",
        None,
        RSO_DELETED,
    ),
    ("GET", "/api/v1/audit"): (
        "/api/v1/audit?record_type=focal_point&record_id={focal_point}",
        None,
        RSO_API,
    ),
    ("GET", "/api/v1/map"): ("/api/v1/map", None, READ_API),
    ("GET", "/api/v1/mail"): ("/api/v1/mail", None, statuses(401, 403, 403, 403, 403, 200)),
    ("GET", "/api/v1/activities"): ("/api/v1/activities", None, READ_API),
    ("POST", "/api/v1/activities"): ("/api/v1/activities", "activity_json", RSO_CREATED),
    ("GET", "/api/v1/activities/<int:activity_id>"): (
        "/api/v1/activities/{activity}",
        None,
        READ_API,
    ),
    ("PATCH", "/api/v1/activities/<int:activity_id>"): (
        "/api/v1/activities/{activity}",
        {"version": 1, "title": "Changed"},
        RSO_API,
    ),
    ("DELETE", "/api/v1/activities/<int:activity_id>"): (
        "/api/v1/activities/{activity}",
        None,
        RSO_DELETED,
    ),
    ("GET", "/api/v1/activities/<int:activity_id>/candidates"): (
        "/api/v1/activities/{activity}/candidates",
        None,
        RSO_API,
    ),
    ("GET", "/api/v1/activities/<int:activity_id>/assignments"): (
        "/api/v1/activities/{activity}/assignments",
        None,
        READ_API,
    ),
    ("POST", "/api/v1/activities/<int:activity_id>/assignments"): (
        "/api/v1/activities/{activity}/assignments",
        "assignment_json",
        RSO_CREATED,
    ),
    ("GET", "/api/v1/assignments/<int:assignment_id>"): (
        "/api/v1/assignments/{assignment}",
        None,
        READ_API,
    ),
    ("PATCH", "/api/v1/assignments/<int:assignment_id>"): (
        "/api/v1/assignments/{assignment}",
        {"version": 1, "status": "invited"},
        RSO_API,
    ),
    ("GET", "/api/v1/activities/<int:activity_id>/participants"): (
        "/api/v1/activities/{activity}/participants",
        None,
        READ_API,
    ),
    ("POST", "/api/v1/activities/<int:activity_id>/participants"): (
        "/api/v1/activities/{activity}/participants",
        {"full_name": "Ana Lima", "member": "TLS"},
        RSO_CREATED,
    ),
    ("DELETE", "/api/v1/participants/<int:participant_id>"): (
        "/api/v1/participants/{participant}",
        None,
        RSO_DELETED,
    ),
    ("GET", "/api/v1/alumni"): ("/api/v1/alumni", None, READ_API),
    ("GET", "/api/v1/members/<code>/pack.pdf"): ("/api/v1/members/IDN/pack.pdf", None, READ_API),
    ("POST", "/api/v1/imports/experts"): (
        "/api/v1/imports/experts",
        None,
        statuses(401, 403, 403, 403, 422, 422),
    ),
    ("POST", "/api/v1/imports/focal-points"): (
        "/api/v1/imports/focal-points",
        None,
        statuses(401, 403, 422, 422, 422, 422),
    ),
    ("GET", "/api/v1/experts/duplicates"): ("/api/v1/experts/duplicates", None, RSO_API),
    ("POST", "/api/v1/experts/<int:expert_id>/erase"): (
        "/api/v1/experts/{expert}/erase",
        {"version": 1},
        statuses(401, 403, 403, 403, 403, 204),
    ),
    ("POST", "/api/v1/focal-points/<int:focal_point_id>/erase"): (
        "/api/v1/focal-points/{focal_point}/erase",
        {"version": 1},
        statuses(401, 403, 403, 403, 403, 204),
    ),
    ("POST", "/api/v1/experts/<int:expert_id>/merge"): (
        "/api/v1/experts/{expert}/merge",
        {"into": 999999, "version": 1},
        statuses(401, 403, 403, 403, 422, 422),
    ),
    ("POST", "/api/v1/experts/<int:expert_id>/profile-requests"): (
        "/api/v1/experts/{expert}/profile-requests",
        None,
        statuses(401, 403, 403, 403, 202, 202),
    ),
    ("POST", "/api/v1/mailings"): ("/api/v1/mailings", "mailing_json", RSO_CREATED),
    ("POST", "/api/v1/mailings/preview"): ("/api/v1/mailings/preview", "mailing_json", RSO_API),
    ("GET", "/api/v1/mailings/<int:mailing_id>"): (
        "/api/v1/mailings/999999",
        None,
        statuses(401, 404, 404, 404, 404, 404),
    ),
    ("POST", "/api/v1/mail/bounces"): (
        "/api/v1/mail/bounces",
        {"email": "gone@example.org"},
        statuses(401, 403, 403, 403, 403, 202),
    ),
    ("POST", "/api/v1/focal-points/<int:focal_point_id>/nomination-requests"): (
        "/api/v1/focal-points/{focal_point}/nomination-requests",
        None,
        statuses(401, 403, 422, 403, 422, 422),
    ),
}


class Records(dict):
    """The records a case names, each made on first use (most routes need one or none)."""

    def __missing__(self, name):
        self[name] = record = getattr(self, f"_make_{name}")()
        return record

    def _make_agency(self):
        return AgencyFactory(member=member("IDN"))

    def _make_focal_point(self):
        return FocalPointFactory(agency=self["agency"])

    def _make_expert(self):
        return ExpertFactory()

    def _make_user(self):
        return UserFactory(role="viewer")

    def _make_activity(self):
        return ActivityFactory()

    def _make_assignment(self):
        return AssignmentFactory(activity=self["activity"])

    def _make_participant(self):
        return self._add(
            Participant(
                activity=self["activity"],
                full_name="Ana",
                member=member("TLS"),
                person_key="name:TLS:ana",
            )
        )

    def _make_proposal(self):
        focal_point = self["focal_point"]
        return self._add(
            CorrectionProposal(
                focal_point=focal_point,
                changes={"position": "Renamed"},
                based_on={"position": focal_point.position},
                proposed_by="holder@example.org",
            )
        )

    @staticmethod
    def _add(record):
        db.session.add(record)
        db.session.commit()
        return record


@pytest.fixture
def records():
    return Records()


def payload(name, records):
    if name == "agency_form":
        agency = records["agency"]
        return {"name": "Renamed agency", "sector": "labour", "version": str(agency.version)}
    if name == "user_form":
        user = records["user"]
        return {"role": "staff", "member": "", "is_enabled": "y", "version": str(user.version)}
    if name == "mailing_json":
        records["focal_point"]  # someone to write to
        return {"audience": {"focal_points": {}}, "subject": "Hi", "body": "Text"}
    if name == "focal_point_json":
        agency = records["agency"]
        return {"member": "IDN", "agency": agency.name, "position": "NCP", "full_name": "Dewi"}
    if name == "activity_json":
        return {
            "title": "Roundtable",
            "type": "roundtable",
            "start": "2027-05-02",
            "end": "2027-05-02",
        }
    if name == "assignment_json":
        return {"expert_id": records["expert"].id}
    if name == "assignment_form":
        return {"expert_id": str(records["expert"].id)}
    if name == "move_form":
        return {"status": "invited", "version": str(records["assignment"].version)}
    return name


def user_for(role, make_user):
    if role == "anonymous":
        return None
    if role.startswith("editor"):
        return make_user("editor", "IDN" if role == "editor_a" else "THA")
    return make_user(role)


def expand(path, records):
    names = re.findall(r"{(\w+)}", path)
    return path.format(**{name: records[name].id for name in names})


def cases(routes):
    return [
        pytest.param(method, *case, id=f"{method} {rule}")
        for (method, rule), case in sorted(routes.items())
    ]


def test_every_route_of_the_app_is_in_the_matrix(app):
    routes = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    listed = set(PAGES) | set(API)

    assert sorted(routes - listed) == [], "routes missing from the access matrix"
    assert sorted(listed - routes) == [], "routes in the access matrix that the app lacks"
    assert all(rule.startswith("/api/") for _, rule in API)
    assert not any(rule.startswith("/api/") for _, rule in PAGES)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "expected"), cases(PAGES))
def test_page_access(client, make_user, sign_in, records, role, method, path, body, expected):
    user = user_for(role, make_user)
    if user is not None:
        sign_in(user)
    url = expand(path, records)
    data = payload(body, records)
    db.session.expire_all()

    response = client.open(url, method=method, data=data)

    assert response.status_code == expected[role], url
    if role == "anonymous" and expected[role] == 302 and path not in ("/logout",):
        assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("method", "path", "body", "expected"), cases(API))
def test_api_access(client, make_user, api_token, records, role, method, path, body, expected):
    user = user_for(role, make_user)
    headers = api_token(user) if user is not None else {}
    url = expand(path, records)
    data = payload(body, records)

    response = client.open(url, method=method, json=data, headers=headers)

    assert response.status_code == expected[role], url
    if response.status_code >= 400:
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == response.status_code
