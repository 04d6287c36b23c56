"""Experts as the API and the audit trail show them."""

from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.privacy.policy import shown, visibility_of
from roster.reference.languages import strongest_first


def ordered_languages(expert: Expert) -> list[ExpertLanguage]:
    """Strongest language first, then by code."""
    return strongest_first(expert.languages)


def ordered_windows(expert: Expert) -> list[AvailabilityWindow]:
    """Earliest window first."""
    return sorted(expert.availability, key=lambda window: (window.start, window.end))


def _iso(value):
    return value.isoformat() if value is not None else None


def expert_to_api(expert: Expert, viewer) -> dict:
    """The expert as the API contract describes it, plus `name_local`, as `viewer` may see it."""
    body = {
        "id": expert.id,
        "version": expert.version,
        "full_name": expert.full_name,
        "name_local": expert.name_local,
        "email": expert.email,
        "phone": expert.phone,
        "visibility": visibility_of("expert", expert),
        "nationality": expert.nationality,
        "organisation": expert.organisation,
        "position": expert.position,
        "bio": expert.bio,
        "thematic_areas": [area.code for area in expert.thematic_areas],
        "languages": [
            {"code": language.code, "level": language.level}
            for language in ordered_languages(expert)
        ],
        "availability": [
            {"start": window.start.isoformat(), "end": window.end.isoformat()}
            for window in ordered_windows(expert)
        ],
        "consent_at": _iso(expert.consent_at),
        "consent_purpose": expert.consent_purpose,
        "consent_source": expert.consent_source or None,
        "confirmed_at": _iso(expert.confirmed_at),
        "has_cv": bool(expert.cv_filename),
        "created_at": expert.created_at.isoformat(),
        "updated_at": expert.updated_at.isoformat(),
    }
    return shown(viewer, "expert", expert, body, ("email", "phone"))
