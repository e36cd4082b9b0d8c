"""What every kind of chapter content shares: section pages, listings, filters."""
