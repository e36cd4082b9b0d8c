"""The APIs' query parameters, checked before Wagtail reads them: the open-data API
(network_site/api.py) and the admin's (chapters/admin/api.py).

Wagtail's API filters on any field it shows (`?first_published_at=`, `?translation_key=`)
and hands the value to the database as it came, and passes `?search_operator=` to
the search backend unchecked: a value the field cannot hold, a number past any
column, a '²' that `int()` refuses, a NUL PostgreSQL refuses, each was a 500. Here
every parameter is read the way the HTML pages read theirs (home/params.py) and a
value that cannot be used answers 400 with a message naming the parameter.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError

from home.params import MAX_INTEGER, has_control_characters, parse_integer

# Wagtail's parameters that take an id; child_of and descendant_of also take "root".
ID_PARAMETERS = {"id", "child_of", "ancestor_of", "descendant_of", "translation_of"}
ROOT_ALLOWED = {"child_of", "descendant_of"}
COUNT_PARAMETERS = {"limit", "offset"}
SEARCH_OPERATORS = {"and", "or"}
INTEGER_FIELDS = (models.IntegerField, models.AutoField, models.ForeignKey)


def _whole_number(name: str, value: str, signed: bool = False) -> None:
    digits = value[1:] if signed and value.startswith("-") else value
    if parse_integer(digits) is None:
        lowest = f"-{MAX_INTEGER + 1}" if signed else "0"
        raise BadRequestError(f"{name} must be a whole number from {lowest} to {MAX_INTEGER}")


def _model_field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_value(name: str, value: str, field) -> None:
    """A filter on a field: a value of the field's kind (a date, a UUID, a number...)."""
    if isinstance(field, TaggableManager | models.BooleanField) or not field.concrete:
        return  # tags are names; Wagtail answers 400 to a boolean other than true/false/1/0
    if isinstance(field, INTEGER_FIELDS):
        _whole_number(name, value, signed=not isinstance(field, models.ForeignKey))
        return
    try:
        field.get_prep_value(field.to_python(value))
    except (ValidationError, ValueError, TypeError, OverflowError) as error:
        raise BadRequestError(f"{name}: {value[:40]!r} is not a valid value") from error


def check_parameter(name: str, value: str, model, known=frozenset()) -> None:
    """Raise BadRequestError if Wagtail's API cannot use this value of this parameter.
    `known`: the viewset's own parameters; any other name is a filter on a field."""
    if has_control_characters(value):
        raise BadRequestError(f"{name}: control characters (such as NUL) are not allowed")
    if name == "search_operator":
        if value not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
    elif name in COUNT_PARAMETERS or name in ID_PARAMETERS:
        if not (name in ROOT_ALLOWED and value == "root"):
            _whole_number(name, value)
    elif name not in known:
        field = _model_field(model, name)
        if field is not None:
            _field_value(name, value, field)


def check_parameters(view, query, model) -> None:
    for name, values in query.lists():
        for value in values:
            check_parameter(name, value, model, view.known_query_parameters)


class CheckedParametersMixin:
    """For the API's viewsets: check every parameter before a filter, the paginator or
    the find view reads it."""

    def filter_queryset(self, queryset):
        check_parameters(self, self.request.GET, queryset.model)
        return super().filter_queryset(queryset)

    def find_object(self, queryset, request):
        check_parameters(self, request.GET, queryset.model)
        return super().find_object(queryset, request)
