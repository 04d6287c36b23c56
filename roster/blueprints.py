"""Every blueprint of the service, in registration order."""

from roster import health
from roster.activities import blueprint as activities
from roster.audit import blueprint as audit
from roster.auth import blueprint as auth
from roster.auth.oidc import blueprint as oidc
from roster.auth.two_factor import blueprint as two_factor
from roster.directory import blueprint as directory
from roster.duplicates import blueprint as duplicates
from roster.experts import blueprint as experts
from roster.exports import blueprint as exports
from roster.freshness import blueprint as freshness
from roster.imports import blueprint as imports
from roster.mail import blueprint as mail
from roster.mailings import blueprint as mailings
from roster.mapping import blueprint as mapping
from roster.privacy import blueprint as privacy
from roster.profiles import blueprint as profiles
from roster.reference import blueprint as reference

BLUEPRINTS = (
    health.bp,
    auth.bp,
    auth.api_bp,
    two_factor.bp,
    oidc.bp,
    reference.bp,
    reference.api_bp,
    audit.bp,
    audit.api_bp,
    directory.bp,
    directory.api_bp,
    experts.bp,
    experts.api_bp,
    activities.bp,
    activities.api_bp,
    mapping.bp,
    mapping.api_bp,
    freshness.bp,
    freshness.api_bp,
    mail.bp,
    mail.api_bp,
    imports.bp,
    imports.api_bp,
    exports.bp,
    exports.api_bp,
    duplicates.bp,
    duplicates.api_bp,
    privacy.bp,
    privacy.api_bp,
    profiles.bp,
    profiles.api_bp,
    mailings.bp,
    mailings.api_bp,
)
