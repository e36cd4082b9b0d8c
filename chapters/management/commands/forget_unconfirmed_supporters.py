"""Deletes sign-ups to chapters that nobody confirmed within SUPPORTER_CONFIRM_DAYS (run daily)."""

from django.core.management.base import BaseCommand

from chapters.supporters.service import forget_unconfirmed


class Command(BaseCommand):
    help = "Delete chapter sign-ups never confirmed by email within SUPPORTER_CONFIRM_DAYS."

    def handle(self, *args, **options):
        count = forget_unconfirmed()
        self.stdout.write(f"Deleted {count} unconfirmed sign-up(s).")
