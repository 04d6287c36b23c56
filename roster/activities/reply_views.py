"""The page an invited expert reaches through an accept or decline link, without an account.

Opening the link shows the activity and one button: mail scanners that follow links must not
answer for the expert. The button posts back to the same link, which is the only credential.
"""

from flask import render_template, request

from roster.activities import calendar, replies
from roster.activities.periods import format_period
from roster.extensions import db
from roster.links import LinkExpired, LinkInvalid


def _problem(reason: str):
    status = 410 if reason == "expired" else 404
    return render_template("freshness/link_problem.html", reason=reason, for_expert=True), status


def reply(token: str):
    try:
        assignment, answer = replies.open_reply(token)
    except LinkExpired:
        return _problem("expired")
    except LinkInvalid:
        return _problem("invalid")
    activity = assignment.activity
    if request.method == "POST":
        try:
            replies.record_reply(assignment, answer)
        except LinkExpired:
            db.session.rollback()
            return _problem("expired")
        db.session.commit()
        return render_template("activities/reply_thanks.html", answer=answer, activity=activity)
    return render_template(
        "activities/reply.html",
        activity=activity,
        answer=answer,
        token=token,
        place=calendar.place(activity),
        period=format_period(activity.start, activity.end),
    )
