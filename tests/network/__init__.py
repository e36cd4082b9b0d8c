"""The Alliance's network pages: the chapter directory, every chapter's stories and events,
browse by right."""
