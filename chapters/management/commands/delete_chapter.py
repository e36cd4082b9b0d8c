from chapters.lifecycle.deletion import delete_chapter
from chapters.management.chapter_command import ChapterCommand


class Command(ChapterCommand):
    help = (
        "Delete a chapter: first export it to CHAPTER_EXPORT_DIR, then delete its pages "
        "(every language), site, media, groups, workflow and settings."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--confirm-name",
            required=True,
            help="The chapter's name, typed exactly, to confirm.",
        )

    def act(self, chapter, *, confirm_name, **options) -> str:
        name = chapter.name
        path = delete_chapter(chapter, confirm_name=confirm_name)
        return f"Deleted chapter '{name}'; its export is at {path}"
