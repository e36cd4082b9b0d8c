from chapters.lifecycle.archiving import archive_chapter
from chapters.management.chapter_command import ChapterCommand


class Command(ChapterCommand):
    help = (
        "Archive a chapter: unpublish every live page (every language) and remember which "
        "were live. Content, revisions, the site, media and groups are kept."
    )

    def act(self, chapter, **options) -> str:
        count = archive_chapter(chapter)
        return (
            f"Archived chapter '{chapter.name}': {count} pages unpublished; "
            f"http://{chapter.site.hostname}/ shows a notice that the chapter is archived "
            "until it is restored."
        )
