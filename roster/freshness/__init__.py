"""Keeping focal point records fresh: review dates, one-click confirmation, proposed corrections."""
