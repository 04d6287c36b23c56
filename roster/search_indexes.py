"""Every search index of the service, each declared by its feature."""

from roster.activities.index import ACTIVITIES
from roster.directory.index import FOCAL_POINTS
from roster.experts.index import EXPERTS

INDEXES = (EXPERTS, FOCAL_POINTS, ACTIVITIES)
