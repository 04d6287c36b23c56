"""Activities of the office: staffing them from the roster of experts, and their participants."""
