"""Sends the reminder to everyone with a place at an event that starts within a day (run hourly)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from chapters.registrations.service import send_reminders


class Command(BaseCommand):
    help = "Remind people registered for events that start within the next day (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Remind for events starting within this many hours (default 24).",
        )

    def handle(self, *args, hours, **options):
        if hours < 1:
            raise CommandError(f"--hours must be a whole number of hours, 1 or more (got {hours}).")
        count = send_reminders(within=datetime.timedelta(hours=hours))
        self.stdout.write(f"Sent {count} reminder(s).")
