"""A chapter from start to end: onboarding, archive and restore, export, import, delete."""
