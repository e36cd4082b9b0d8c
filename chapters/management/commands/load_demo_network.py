from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from chapters.demo.loader import load_demo_network, serve_on_port


class Command(BaseCommand):
    help = (
        "Load the demo network: the Alliance site, shared principles, resources and rights, "
        "and several fictional chapters. Does nothing for what is already there, except "
        "give the demo's sites the port it is served on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=settings.DEMO_PORT,
            help="The port the demo is served on (default: DEMO_PORT, 8000); its sites "
            "carry it, so canonical addresses, the sitemap, the API and emails use it.",
        )

    @transaction.atomic
    def handle(self, *args, port, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        created = load_demo_network()
        moved = serve_on_port(port)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo network loaded ({created} objects)."))
        else:
            self.stdout.write("Demo network already loaded; nothing to do.")
        if moved:
            self.stdout.write(f"The demo's sites now answer on port {port} ({moved} sites).")
