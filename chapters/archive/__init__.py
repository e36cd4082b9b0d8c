"""The truth-telling archive: entries, consent, and the public intake of stories."""
