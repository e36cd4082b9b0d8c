"""The admin as a chapter's people see it: allowlist, scope, views, API and hooks."""
