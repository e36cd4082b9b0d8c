import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from chapters.lifecycle.common import is_within
from chapters.lifecycle.exporting import export_chapter
from chapters.management.chapter_command import ChapterCommand


class Command(ChapterCommand):
    help = (
        "Export a chapter (pages in every language, drafts, media, settings and the shared "
        "snippets it uses) to one zip file. The file holds private content: keep it safe."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--output", required=True, help="The zip file to write (a new file).")

    def handle(self, *args, output, **options):
        """The output must be a new file in a folder the web server does not serve."""
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
        super().handle(*args, path=path, **options)

    def act(self, chapter, *, path, **options) -> str:
        try:
            with open(path, "xb") as out:
                os.chmod(path, 0o600)
                manifest = export_chapter(chapter, out)
        except BaseException:
            path.unlink(missing_ok=True)  # never half an export
            raise
        counts = manifest["counts"]
        return (
            f"Exported chapter '{chapter.name}' ({counts['pages']} pages, "
            f"{counts['images']} images, {counts['documents']} documents) to {path}"
        )
