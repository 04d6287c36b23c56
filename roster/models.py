"""Imports every model so that metadata (and Alembic) sees all tables."""

from roster.activities.models import Activity, ActivityLanguage, Assignment, Participant
from roster.audit.models import AuditEntry
from roster.auth.models import ApiToken, Invitation, PasswordReset, User, UserSession
from roster.auth.oidc.models import SignInDomain
from roster.auth.two_factor.models import RecoveryCode, TwoFactorCredential
from roster.directory.models import Agency, FocalPoint, FocalPointHolder, FocalPointLanguage
from roster.experts.models import AvailabilityWindow, Expert, ExpertLanguage
from roster.freshness.models import ConfirmationRequest, CorrectionProposal, NominationRequest
from roster.mail.models import MailMessage
from roster.mailings.models import Mailing, MailingRecipient
from roster.profiles.models import ProfileRequest
from roster.reference.models import Member, ThematicArea
from roster.search.models import SearchLease, SearchOutbox, SearchText

__all__ = [
    "Activity",
    "ActivityLanguage",
    "Agency",
    "ApiToken",
    "Assignment",
    "AuditEntry",
    "AvailabilityWindow",
    "ConfirmationRequest",
    "CorrectionProposal",
    "Expert",
    "ExpertLanguage",
    "FocalPoint",
    "FocalPointHolder",
    "FocalPointLanguage",
    "Invitation",
    "MailMessage",
    "Mailing",
    "MailingRecipient",
    "Member",
    "NominationRequest",
    "Participant",
    "PasswordReset",
    "ProfileRequest",
    "RecoveryCode",
    "SearchLease",
    "SearchOutbox",
    "SearchText",
    "SignInDomain",
    "ThematicArea",
    "TwoFactorCredential",
    "User",
    "UserSession",
]
