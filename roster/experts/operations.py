"""Creating, changing and deleting experts; each write flushes and leaves an audit entry."""

from datetime import date

import pycountry
from sqlalchemy import func, select

from roster.audit import operations as audit
from roster.database import utcnow
from roster.errors import Conflict, VersionConflict
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.experts.serializers import ordered_languages, ordered_windows
from roster.extensions import db
from roster.privacy.policy import clean_visibility, without_personal_data
from roster.reference.models import ThematicArea
from roster.validation import (
    FieldErrors,
    clean_country,
    clean_email,
    clean_languages,
    clean_phone,
    clean_text,
    clean_thematic_areas,
    clean_windows,
)

TEXT_FIELDS = {
    "full_name": 200,
    "name_local": 200,
    "organisation": 200,
    "position": 200,
    "bio": 10_000,
}
SCALAR_FIELDS = (*TEXT_FIELDS, "email", "phone", "nationality")
CONSENT_PURPOSE_LENGTH = 500


def expert_snapshot(expert: Expert) -> dict:
    """The expert's editable state, as recorded in the audit trail."""
    snapshot = {field: getattr(expert, field) for field in SCALAR_FIELDS}
    snapshot["thematic_areas"] = [area.code for area in expert.thematic_areas]
    snapshot["languages"] = [
        f"{language.code}:{language.level}" for language in ordered_languages(expert)
    ]
    snapshot["email_visibility"] = expert.email_visibility
    snapshot["phone_visibility"] = expert.phone_visibility
    snapshot["availability"] = [
        f"{window.start.isoformat()}..{window.end.isoformat()}"
        for window in ordered_windows(expert)
    ]
    snapshot["consent"] = (
        f"{expert.consent_source}: {expert.consent_purpose}" if expert.consent_at else None
    )
    snapshot["cv"] = expert.cv_filename or None
    return snapshot


def phone_region(nationality: str | None) -> str | None:
    """The alpha-2 region used to read national phone formats, from an alpha-3 nationality."""
    country = pycountry.countries.get(alpha_3=nationality) if nationality else None
    return country.alpha_2 if country else None


def clean_expert_data(data: dict, expert: Expert | None = None) -> dict:
    """Validate the fields present in `data` (every field for a new expert), all errors at once."""
    errors = FieldErrors()
    values: dict = {}

    def wanted(field: str) -> bool:
        return expert is None or field in data

    for field, max_length in TEXT_FIELDS.items():
        if wanted(field):
            values[field] = errors.clean(
                field,
                clean_text,
                data.get(field),
                max_length,
                required=field == "full_name",
                multiline=field == "bio",
            )
    if wanted("email"):
        values["email"] = errors.clean("email", clean_email, data.get("email"))
    if wanted("nationality"):
        values["nationality"] = errors.clean("nationality", clean_country, data.get("nationality"))
    if wanted("phone"):
        # A national number is read in the country of the nationality being saved.
        nationality = values.get("nationality", expert.nationality if expert else "")
        values["phone"] = errors.clean(
            "phone", clean_phone, data.get("phone"), phone_region(nationality)
        )
    if wanted("thematic_areas"):
        values["thematic_areas"] = errors.clean(
            "thematic_areas", clean_thematic_areas, data.get("thematic_areas")
        )
    if wanted("languages"):
        values["languages"] = errors.clean("languages", clean_languages, data.get("languages"))
    if wanted("availability"):
        values["availability"] = errors.clean(
            "availability", clean_windows, data.get("availability")
        )
    if "visibility" in data:
        values["visibility"] = errors.clean("visibility", clean_visibility, data["visibility"])
    if "consent_purpose" in data:
        values["consent_purpose"] = errors.clean(
            "consent_purpose", clean_text, data.get("consent_purpose"), CONSENT_PURPOSE_LENGTH
        )
    errors.raise_if_any()
    return values


def _set_languages(expert: Expert, languages: list[tuple[str, str]]) -> None:
    # Rows are kept and changed in place: their key is (expert, code), so deleting and
    # re-inserting the same code within one flush would collide.
    wanted = dict(languages)
    for language in list(expert.languages):
        if language.code not in wanted:
            expert.languages.remove(language)
        elif language.level != wanted[language.code]:
            language.level = wanted[language.code]
    known = {language.code for language in expert.languages}
    for code, level in languages:
        if code not in known:
            expert.languages.append(ExpertLanguage(code=code, level=level))


def _set_availability(expert: Expert, windows: list[tuple[date, date]]) -> None:
    if [(window.start, window.end) for window in ordered_windows(expert)] != windows:
        expert.availability = [AvailabilityWindow(start=start, end=end) for start, end in windows]


def _set_thematic_areas(expert: Expert, areas: list[ThematicArea]) -> None:
    if [area.id for area in expert.thematic_areas] != [area.id for area in areas]:
        expert.thematic_areas = areas


def record_consent(expert: Expert, purpose: str, source: str) -> None:
    """Consent to be on the roster for `purpose`, given now; a blank purpose withdraws it."""
    if not purpose:
        expert.consent_at, expert.consent_purpose, expert.consent_source = None, "", source
    elif expert.consent_at is None or expert.consent_purpose != purpose:
        expert.consent_at, expert.consent_purpose, expert.consent_source = utcnow(), purpose, source


def _apply(expert: Expert, values: dict, consent_source: str = "staff") -> None:
    if "consent_purpose" in values:
        record_consent(expert, values["consent_purpose"] or "", consent_source)
    for field in SCALAR_FIELDS:
        if field in values:
            setattr(expert, field, values[field])
    if "thematic_areas" in values:
        _set_thematic_areas(expert, values["thematic_areas"])
    if "languages" in values:
        _set_languages(expert, values["languages"])
    if "availability" in values:
        _set_availability(expert, values["availability"])
    for field, level in (values.get("visibility") or {}).items():
        setattr(expert, f"{field}_visibility", level)


def _check_email_free(values: dict, expert_id: int | None = None) -> None:
    """An expert's email is theirs alone, case aside."""
    email = values.get("email")
    if not email:
        return
    other = db.session.scalar(
        select(Expert.id).where(func.lower(Expert.email) == email.lower(), Expert.id != expert_id)
    )
    if other is not None:
        raise Conflict(f"Expert {other} already has the email {email}.")


def create_expert(actor, data: dict) -> Expert:
    """Add an expert to the roster from API-shaped `data`."""
    values = clean_expert_data(data)
    _check_email_free(values)
    expert = Expert()
    _apply(expert, values)
    db.session.add(expert)
    db.session.flush()
    audit.record_create(actor, "expert", expert.id, expert_snapshot(expert))
    return expert


def create_experts(actor, values_list: list[dict]) -> list[Expert]:
    """Add many experts in one flush (imports), each from the values clean_expert_data returned
    for it; audited as by create_expert, and emails already on the roster refused the same way."""
    emails = [values["email"].lower() for values in values_list if values.get("email")]
    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        taken = db.session.execute(
            select(Expert.id, Expert.email).where(func.lower(Expert.email).in_(chunk))
        ).first()
        if taken is not None:
            raise Conflict(f"Expert {taken.id} already has the email {taken.email}.")
    experts = []
    for values in values_list:
        expert = Expert()
        _apply(expert, values)
        experts.append(expert)
    db.session.add_all(experts)
    db.session.flush()
    for expert in experts:
        audit.record_create(actor, "expert", expert.id, expert_snapshot(expert))
    return experts


def update_expert(
    actor, expert: Expert, data: dict, version: int, consent_source: str = "staff"
) -> Expert:
    """Change the fields present in `data`; `version` is the one the client last read.

    A `consent_purpose` records consent as given through `consent_source`: "staff" on the
    expert's behalf, "expert" through the self-service link.
    """
    if version != expert.version:
        raise VersionConflict(expert)
    values = clean_expert_data(data, expert)
    _check_email_free(values, expert.id)
    before = expert_snapshot(expert)
    _apply(expert, values, consent_source)
    # Languages, windows and areas live in other tables: touching the row bumps its version
    # whatever changed, so a concurrent save of any part is detected.
    expert.updated_at = utcnow()
    db.session.flush()
    audit.record_update(actor, "expert", expert.id, before, expert_snapshot(expert))
    return expert


def delete_expert(actor, expert: Expert) -> None:
    """Remove the expert with their languages and availability."""
    snapshot = expert_snapshot(expert)
    expert_id = expert.id
    db.session.delete(expert)
    db.session.flush()
    audit.record_delete(actor, "expert", expert_id, without_personal_data("expert", snapshot))
