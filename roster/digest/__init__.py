"""The weekly digest: what needs attention, mailed to staff and, per member, to its editors."""
