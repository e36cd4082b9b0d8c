"""A chapter's stories."""
