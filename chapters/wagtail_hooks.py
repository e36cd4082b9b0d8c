"""Wagtail imports each app's wagtail_hooks module; the chapters app's hooks live in
chapters/admin/hooks.py, beside the views and scope rules they wire."""

from chapters.admin import hooks  # noqa: F401
