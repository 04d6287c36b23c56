"""Outgoing mail: kept in the database, and sent through SMTP when one is configured."""
