"""Evidence: photos, voice notes and files attached to a case, checked, stripped and stored."""
