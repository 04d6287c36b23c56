"""Who may see or change what: the one place pages and the API ask."""

from roster.auth.models import User


def _signed_in(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def is_admin(user) -> bool:
    return _signed_in(user) and user.role == "admin"


def is_rso(user) -> bool:
    """RSO staff and admins: the office itself."""
    return _signed_in(user) and user.role in ("admin", "staff")


def can_use_two_factor(user) -> bool:
    """Two-factor sign-in is offered to the office's accounts."""
    return is_rso(user)


def can_read_directory(user) -> bool:
    """Every signed-in account reads the directory, the roster and the map."""
    return _signed_in(user)


def can_edit_member_records(user: User, member_id: int | None) -> bool:
    """Agencies and focal points of a member: the office, or that member's own editor."""
    if is_rso(user):
        return True
    return (
        _signed_in(user)
        and user.role == "editor"
        and user.member_id is not None
        and user.member_id == member_id
    )


def can_edit_focal_point(user: User, focal_point) -> bool:
    return can_edit_member_records(user, focal_point.member_id)


def can_create_focal_points(user: User) -> bool:
    """Whether the user may create focal points for at least one member."""
    return is_rso(user) or (_signed_in(user) and user.role == "editor")


def can_manage_experts(user: User) -> bool:
    return is_rso(user)


def can_import(user: User, kind: str) -> bool:
    """Experts: the office. Focal points: the office, or an editor for its own member's rows."""
    if kind == "experts":
        return is_rso(user)
    return can_create_focal_points(user)


def can_export(user: User) -> bool:
    """Downloads of searches, vCards and country packs: every signed-in account, each seeing
    only what it may see."""
    return _signed_in(user)


def can_merge_experts(user: User) -> bool:
    return is_rso(user)


def can_manage_activities(user: User) -> bool:
    """Planning activities, staffing them from the roster, rating experts: the office."""
    return is_rso(user)


def can_read_cv(user: User) -> bool:
    """CVs and the text taken from them: the office only."""
    return is_rso(user)


def can_send_mailings(user: User) -> bool:
    return is_rso(user)


def can_record_bounces(user: User) -> bool:
    return is_admin(user)


def can_read_audit(user: User) -> bool:
    return is_rso(user)


def can_manage_users(user: User) -> bool:
    return is_admin(user)


def can_invite(user: User, role: str) -> bool:
    """Admins invite any role; staff invite editors and viewers (and nobody else may invite)."""
    return is_admin(user) or (is_rso(user) and role not in ("admin", "staff"))


def can_invite_someone(user: User) -> bool:
    return is_rso(user)


def can_manage_sign_in_domains(user: User) -> bool:
    """The email domains whose people may sign up through the identity provider."""
    return is_admin(user)


def can_manage_reference_data(user: User) -> bool:
    return is_admin(user)


def editable_member_ids(user: User) -> list[int] | None:
    """Members whose records the user may change: None means all of them."""
    if is_rso(user):
        return None
    if _signed_in(user) and user.role == "editor" and user.member_id:
        return [user.member_id]
    return []


def can_erase_personal_data(user: User) -> bool:
    """Erasing a person's data everywhere, on request: administrators only."""
    return is_admin(user)


def can_read_mail(user: User) -> bool:
    return is_admin(user)


def can_review_focal_points(user: User, member_id: int | None) -> bool:
    """See due records, request confirmations, accept proposed corrections."""
    return can_edit_member_records(user, member_id)
