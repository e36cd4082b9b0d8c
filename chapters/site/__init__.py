"""A chapter's own site: its home page, root redirect and sitemap."""
