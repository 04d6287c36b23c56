"""The local mail outbox, for admins."""

from flask import abort, render_template
from flask_login import current_user, login_required
from sqlalchemy import select

from roster.api.auth import api_user, require
from roster.api.pagination import collection, page_args, page_number, paginate_query
from roster.auth.permissions import can_read_mail
from roster.extensions import db
from roster.mail.models import MailMessage

NEWEST_FIRST = select(MailMessage).order_by(MailMessage.created_at.desc(), MailMessage.id.desc())


@login_required
def mail_list():
    if not can_read_mail(current_user):
        abort(403)
    pagination = db.paginate(NEWEST_FIRST, page=page_number(), per_page=50, error_out=False)
    return render_template("mail/messages.html", pagination=pagination)


def api_mail_list():
    require(can_read_mail(api_user()))
    page, per_page = page_args()
    messages, total = paginate_query(NEWEST_FIRST, page, per_page)
    return collection([message.to_api() for message in messages], page, per_page, total)
