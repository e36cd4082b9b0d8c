from django.core.management.base import BaseCommand, CommandError

from home.setup import ensure_alliance_site
from home.sites import clean_hostname


class Command(BaseCommand):
    help = "Create the Alliance home page and make it the default site. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", default="localhost", help="The Alliance's hostname.")
        parser.add_argument(
            "--title", default="US Human Rights Cities Alliance", help="The Alliance's name."
        )

    def handle(self, *args, hostname, title, **options):
        try:
            hostname = clean_hostname(hostname)
        except ValueError as error:
            raise CommandError(f"hostname: {error}") from None
        home = ensure_alliance_site(title=title, hostname=hostname)
        self.stdout.write(self.style.SUCCESS(f"The Alliance site '{home.title}' is on {hostname}"))
