"""Events: time zones, listings and iCalendar feeds."""
