from chapters.lifecycle.archiving import restore_chapter
from chapters.management.chapter_command import ChapterCommand


class Command(ChapterCommand):
    help = "Restore an archived chapter: republish exactly the pages that were live."

    def act(self, chapter, **options) -> str:
        count = restore_chapter(chapter)
        return (
            f"Restored chapter '{chapter.name}': {count} pages republished "
            f"at http://{chapter.site.hostname}/"
        )
