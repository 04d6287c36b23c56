"""Dates and periods as people read them: "8 to 12 Mar 2027" (written with an en dash) and
ages ("3 months ago")."""

from datetime import date

# Periods are written with an en dash, as in typeset English.
DASH = "\u2013"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def format_period(start: date, end: date) -> str:
    """A period, with its month and year written once where they are shared."""
    if start == end:
        return f"{_day_month(start)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{DASH}{_day_month(end)} {end.year}"
    if start.year == end.year:
        return f"{_day_month(start)}{DASH}{_day_month(end)} {end.year}"
    return f"{_day_month(start)} {start.year}{DASH}{_day_month(end)} {end.year}"


def time_ago(days: int) -> str:
    """'less than a month ago', '3 months ago', '2 years ago' for an age in days."""
    if days < 30:
        return "less than a month ago"
    months = days // 30
    if months < 24:
        return f"{months} month{'s' if months != 1 else ''} ago"
    years = days // 365
    return f"{years} year{'s' if years != 1 else ''} ago"
