"""Translations follow the workflow: wagtail-localize saves, workflow copies, the editor."""
