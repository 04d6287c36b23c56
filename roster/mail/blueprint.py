from flask import Blueprint

from roster.extensions import csrf
from roster.mail import views

bp = Blueprint("mail", __name__)
bp.add_url_rule("/admin/mail", view_func=views.mail_list)

api_bp = Blueprint("mail_api", __name__, url_prefix="/api/v1")
csrf.exempt(api_bp)
api_bp.add_url_rule("/mail", view_func=views.api_mail_list)
