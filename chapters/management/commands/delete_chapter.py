from django.core.management.base import BaseCommand, CommandError

from chapters.lifecycle.common import OffboardingError, chapter_for_hostname
from chapters.lifecycle.deletion import delete_chapter


class Command(BaseCommand):
    help = (
        "Delete a chapter: first export it to CHAPTER_EXPORT_DIR, then delete its pages "
        "(every language), site, media, groups, workflow and settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The chapter site's hostname.")
        parser.add_argument(
            "--confirm-name",
            required=True,
            help="The chapter's name, typed exactly, to confirm.",
        )

    def handle(self, *args, hostname, confirm_name, **options):
        try:
            chapter = chapter_for_hostname(hostname)
            name = chapter.name
            path = delete_chapter(chapter, confirm_name=confirm_name)
        except OffboardingError as error:
            raise CommandError(f"{error.field.replace('_', '-')}: {error}") from None
        self.stdout.write(self.style.SUCCESS(f"Deleted chapter '{name}'; its export is at {path}"))
