import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from chapters.lifecycle.common import OffboardingError, chapter_for_hostname, is_within
from chapters.lifecycle.exporting import export_chapter


class Command(BaseCommand):
    help = (
        "Export a chapter (pages in every language, drafts, media, settings and the shared "
        "snippets it uses) to one zip file. The file holds private content: keep it safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True, help="The chapter site's hostname.")
        parser.add_argument("--output", required=True, help="The zip file to write (a new file).")

    def handle(self, *args, hostname, output, **options):
        path = Path(output).expanduser()
        if path.exists():
            raise CommandError(f"output: '{path}' already exists; choose a new file name")
        if not path.parent.is_dir():
            raise CommandError(f"output: the folder '{path.parent}' does not exist")
        for public in (settings.MEDIA_ROOT, settings.STATIC_ROOT):
            if public and is_within(path, Path(public)):
                raise CommandError(
                    f"output: '{path}' is inside {public}, which the web server may serve; "
                    "exports hold private content, so write it elsewhere"
                )
        try:
            chapter = chapter_for_hostname(hostname)
            with open(path, "xb") as out:
                os.chmod(path, 0o600)
                manifest = export_chapter(chapter, out)
        except OffboardingError as error:
            path.unlink(missing_ok=True)
            raise CommandError(f"{error.field.replace('_', '-')}: {error}") from None
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        counts = manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported chapter '{chapter.name}' ({counts['pages']} pages, "
                f"{counts['images']} images, {counts['documents']} documents) to {path}"
            )
        )
