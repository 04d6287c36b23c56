"""Files out of the service: spreadsheets of searches, vCards and country packs."""
