"""Site search and network search."""
