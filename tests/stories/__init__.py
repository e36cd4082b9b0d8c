"""Stories: listings, filters, feeds."""
