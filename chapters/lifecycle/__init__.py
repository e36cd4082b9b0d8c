"""A chapter from start to end: onboarding, people, export, import, archive and delete.

`onboarding` makes a chapter (site, home, sections, collections, groups, workflow)
and `people` invites its people. Offboarding, behind the `archive_chapter`,
`restore_chapter`, `export_chapter`, `import_chapter` and `delete_chapter` commands
and the admin's offboarding views:

- `archiving`: archive (unpublish everything, remember what was live) and restore.
- `exporting`: the chapter as one private zip file; `export_format` says what is in
  it and reads one back, checked.
- `importing` (with `import_pages`, `import_media`): an export as a new chapter,
  every reference remapped by `references`.
- `deletion`: an export to CHAPTER_EXPORT_DIR first, then the chapter goes.
- `common`: the error they raise, finding a chapter by hostname, the export folder.

Callers import from the module that owns a function; this list is for readers.
"""
