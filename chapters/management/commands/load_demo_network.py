from django.core.management.base import BaseCommand
from django.db import transaction

from chapters.demo import load_chapters
from home.demo import load_alliance


class Command(BaseCommand):
    help = (
        "Load the demo network: the Alliance site, shared principles, resources and rights, "
        "and several fictional chapters. Does nothing for what is already there."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        created = load_alliance() + load_chapters()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo network loaded ({created} objects)."))
        else:
            self.stdout.write("Demo network already loaded; nothing to do.")
