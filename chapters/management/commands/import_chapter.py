from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chapters.lifecycle.common import OffboardingError
from chapters.lifecycle.importing import import_chapter
from chapters.management.chapter_command import command_error


class Command(BaseCommand):
    help = (
        "Import a chapter export as a new chapter of this install: onboards it, then "
        "recreates its pages, media and settings. Changes nothing if anything is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The zip file export_chapter wrote.")
        parser.add_argument("--name", default=None, help="A new name (default: the export's).")
        parser.add_argument(
            "--hostname", default=None, help="A new hostname (default: the export's)."
        )

    def handle(self, *args, file, name, hostname, **options):
        path = Path(file).expanduser()
        if not path.is_file():
            raise CommandError(f"file: '{path}' does not exist")
        try:
            with open(path, "rb") as source:
                chapter = import_chapter(source, name=name, hostname=hostname)
        except OffboardingError as error:
            raise command_error(error) from None
        state = " (archived: restore it to publish)" if chapter.is_archived else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported chapter '{chapter.name}' at http://{chapter.site.hostname}/ "
                f"({chapter.pages().count()} pages){state}"
            )
        )
