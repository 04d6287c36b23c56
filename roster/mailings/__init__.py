"""Mailings: one message, personalised per recipient, to an audience chosen by search filters."""
