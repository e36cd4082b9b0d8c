from django.core.management.base import BaseCommand, CommandError

from chapters.lifecycle.archiving import archive_chapter
from chapters.lifecycle.common import OffboardingError, chapter_for_hostname


class Command(BaseCommand):
    help = (
        "Archive a chapter: unpublish every live page (every language) and remember which "
        "were live. Content, revisions, the site, media and groups are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The chapter site's hostname.")

    def handle(self, *args, hostname, **options):
        try:
            chapter = chapter_for_hostname(hostname)
            count = archive_chapter(chapter)
        except OffboardingError as error:
            raise CommandError(f"{error.field.replace('_', '-')}: {error}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Archived chapter '{chapter.name}': {count} pages unpublished; "
                f"http://{chapter.site.hostname}/ answers 404 until it is restored."
            )
        )
