from django.core.management.base import BaseCommand, CommandError

from chapters.lifecycle.archiving import restore_chapter
from chapters.lifecycle.common import OffboardingError, chapter_for_hostname


class Command(BaseCommand):
    help = "Restore an archived chapter: republish exactly the pages that were live."

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The chapter site's hostname.")

    def handle(self, *args, hostname, **options):
        try:
            chapter = chapter_for_hostname(hostname)
            count = restore_chapter(chapter)
        except OffboardingError as error:
            raise CommandError(f"{error.field.replace('_', '-')}: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored chapter '{chapter.name}': {count} pages republished "
                f"at http://{chapter.site.hostname}/"
            )
        )
