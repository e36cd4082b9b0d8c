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
        parser.add_argument(
            "--port",
            type=int,
            help="The port readers use: 443 behind HTTPS, which every absolute address "
            "(canonical, sitemap, emails) carries. Kept as it is when not given; 80 at first.",
        )

    def handle(self, *args, hostname, title, port, **options):
        try:
            hostname = clean_hostname(hostname)
        except ValueError as error:
            raise CommandError(f"hostname: {error}") from None
        if port is not None and not 0 < port < 65536:
            raise CommandError(f"port: {port} is not a port (1 to 65535)")
        home = ensure_alliance_site(title=title, hostname=hostname, port=port)
        self.stdout.write(self.style.SUCCESS(f"The Alliance site '{home.title}' is on {hostname}"))
