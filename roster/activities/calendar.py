"""Activities as iCalendar (RFC 5545): one all-day VEVENT, for calendars and invitation mails."""

from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from icalendar import Calendar, Event

from roster.activities.models import Activity
from roster.database import utcnow

PRODUCT_ID = "-//Bali Process RSO//RSO Roster//EN"
CONTENT_TYPE = "text/calendar"


def place(activity: Activity) -> str:
    """Where the activity happens, as people read it: "Bangkok, Thailand, online"."""
    parts = [
        activity.city,
        activity.member.name if activity.member else "",
        "online" if activity.is_online else "",
    ]
    return ", ".join(part for part in parts if part)


def activity_calendar(activity: Activity) -> bytes:
    """The activity as a calendar holding one all-day event (DTEND is the day after the end)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    host = urlsplit(current_app.config["SERVER_URL"]).hostname or "localhost"
    event.add("uid", f"activity-{activity.id}@{host}")
    event.add("dtstamp", utcnow())
    event.add("last-modified", activity.updated_at)
    event.add("sequence", activity.version - 1)
    event.add("dtstart", activity.start)
    event.add("dtend", activity.end + timedelta(days=1))
    event.add("summary", activity.title)
    if place(activity):
        event.add("location", place(activity))
    if activity.description:
        event.add("description", activity.description)
    areas = [area.name for area in activity.thematic_areas]
    if areas:
        event.add("categories", areas)
    event.add("status", "CANCELLED" if activity.status == "cancelled" else "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()


def filename(activity: Activity) -> str:
    return f"activity-{activity.id}.ics"
