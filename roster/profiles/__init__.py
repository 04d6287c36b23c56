"""Expert self-service: a signed link to update one's own profile, consent and CV, no account."""
