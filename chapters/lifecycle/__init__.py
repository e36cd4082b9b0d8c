"""A chapter from start to end: onboarding, people, export, import, archive and delete."""
