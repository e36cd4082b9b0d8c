"""Files: private archive files, file safety, documents, and which files a chapter may use."""
