from django.core.management.base import BaseCommand
from django.db import transaction

from chapters.demo.loader import load_demo_network


class Command(BaseCommand):
    help = (
        "Load the demo network: the Alliance site, shared principles, resources and rights, "
        "and several fictional chapters. Does nothing for what is already there."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = load_demo_network()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo network loaded ({created} objects)."))
        else:
            self.stdout.write("Demo network already loaded; nothing to do.")
