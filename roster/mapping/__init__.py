"""The stakeholder map: who covers which thematic area in which member, and the gaps."""
