"""The archive: entries and their consent, trauma-informed display and feeds, the public
intake, and the leak matrix."""
