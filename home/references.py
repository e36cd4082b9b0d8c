"""Rules about what a saved object may refer to (images, documents), asked by the models.

`home` owns the page base classes and the shared snippets but knows nothing of
chapters; the rules that decide which chapter's files a page may use live in
`chapters.files.rules`, which registers them here when the app is ready. A
model's `clean()` calls `check_references(self)`, so the page editor shows the
message on its form, and every other path that cleans (wagtail-localize's
sync, `save_revision()`, `save()`) is refused with the same message.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import Model

_rules: list[Callable[[Model], dict]] = []


def register_reference_rule(rule: Callable[[Model], dict]) -> None:
    """`rule(obj)` returns {field name: [ValidationError, ...]}, empty when all is well."""
    if rule not in _rules:
        _rules.append(rule)


def reference_errors(obj: Model) -> dict:
    errors: dict = {}
    for rule in _rules:
        for field, messages in rule(obj).items():
            errors.setdefault(field, []).extend(messages)
    return errors


def check_references(obj: Model) -> None:
    """Raise a ValidationError naming each file the object may not use, and why."""
    errors = reference_errors(obj)
    if errors:
        raise ValidationError(errors)
