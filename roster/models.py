"""Imports every model so that metadata (and Alembic) sees all tables."""

from roster.audit.models import AuditEntry
from roster.auth.models import ApiToken, User
from roster.directory.models import Agency, FocalPoint, FocalPointHolder, FocalPointLanguage
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.reference.models import Member, ThematicArea

__all__ = [
    "Agency",
    "ApiToken",
    "AuditEntry",
    "AvailabilityWindow",
    "Expert",
    "ExpertLanguage",
    "FocalPoint",
    "FocalPointHolder",
    "FocalPointLanguage",
    "Member",
    "ThematicArea",
    "User",
]
