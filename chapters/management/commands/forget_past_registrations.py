"""Deletes registrations of events that ended EVENT_REGISTRATION_RETENTION_DAYS ago (daily)."""

from django.core.management.base import BaseCommand

from chapters.registrations.service import forget_past


class Command(BaseCommand):
    help = (
        "Delete registrations of events that ended more than EVENT_REGISTRATION_RETENTION_DAYS ago."
    )

    def handle(self, *args, **options):
        count = forget_past()
        self.stdout.write(f"Deleted {count} registration(s) of past events.")
