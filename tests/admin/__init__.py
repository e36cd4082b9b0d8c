"""Admin: the Chapters admin, deny-by-default routes, the permission matrices, publishing in
the admin, and the regression test per Wagtail security advisory."""
