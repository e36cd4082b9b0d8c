"""A chapter's events and their iCal feeds."""
