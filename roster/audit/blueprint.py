from flask import Blueprint

from roster.audit import views
from roster.extensions import csrf

bp = Blueprint("audit", __name__)
bp.add_url_rule("/audit/<record_type>/<int:record_id>", view_func=views.record_history)

api_bp = Blueprint("audit_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/audit", view_func=views.api_record_history)
