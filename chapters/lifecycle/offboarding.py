"""Offboarding a chapter: archive, restore, export, import and delete.

The services behind the `archive_chapter`, `restore_chapter`, `export_chapter`,
`import_chapter` and `delete_chapter` commands and the admin's offboarding views
live in their own modules; this one names them in one place:

- `archiving`: archive (unpublish everything, remember what was live) and restore.
- `exporting`: the chapter as one private zip file; `export_format` says what is in
  it and reads one back, checked.
- `importing` (with `import_pages`, `import_media`): an export as a new chapter,
  every reference remapped by `references`.
- `deletion`: an export to CHAPTER_EXPORT_DIR first, then the chapter goes.
- `common`: the error they raise, finding a chapter by hostname, the export folder.

Callers import from the module that owns a function; this list is for readers.
"""

from chapters.lifecycle.archiving import archive_chapter, restore_chapter
from chapters.lifecycle.common import OffboardingError, chapter_for_hostname, export_dir, is_within
from chapters.lifecycle.deletion import delete_chapter
from chapters.lifecycle.export_format import consent_from_entry_fields
from chapters.lifecycle.exporting import export_chapter
from chapters.lifecycle.importing import import_chapter

__all__ = [
    "OffboardingError",
    "archive_chapter",
    "chapter_for_hostname",
    "consent_from_entry_fields",
    "delete_chapter",
    "export_chapter",
    "export_dir",
    "import_chapter",
    "is_within",
    "restore_chapter",
]
