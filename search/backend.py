"""The search backend: Wagtail's database backend, for any question a person can type.

Every search goes through here: the public search page, both APIs' `?search=`,
the admin's listings, its page search and its choosers. Wagtail's database
backend picks PostgreSQL's full-text search or, on the demo's SQLite, FTS5 (see
`modelsearch.backends.database`); this wraps whichever it picks, so that:

* a double quote is no longer half of an FTS5 string: SQLite read `"water` as an
  unterminated string, and every search holding a `"` was a 500;
* NUL and other control characters, which PostgreSQL refuses in any query, are
  gone before the database sees them;
* on PostgreSQL, each language's words are indexed and searched with that
  language's stemming (`search/languages.py`). SQLite's FTS5 stems no language.

Both are spaces now, which both databases' tokenizers treat a quote and a
control character as anyway, so the words searched for stay the same. A question
left with no words finds nothing, as an empty one does.
"""

from functools import cache

from django.db import connection
from django.db.models import QuerySet
from modelsearch.backends.base import EmptySearchResults
from modelsearch.backends.database import SearchBackend as database_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from home.params import without_control_characters


def clean_words(text: str) -> str:
    return " ".join(without_control_characters(text).replace('"', " ").split())


def clean_query(query):
    """The same question without quotes inside its words or control characters: a string,
    or a query Wagtail's parser built (`parse_query_string`), term by term."""
    if isinstance(query, str):
        return clean_words(query)
    if isinstance(query, PlainText):
        return PlainText(
            clean_words(query.query_string), operator=query.operator, boost=query.boost
        )
    if isinstance(query, Phrase):
        return Phrase(clean_words(query.query_string))
    if isinstance(query, And | Or):
        return type(query)([clean_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(clean_query(query.subquery))
    return query


class NoWordsLeft(EmptySearchResults):
    """Nothing found, for a question that was only quotes or control characters. Unlike
    Wagtail's empty results (for an empty question, which no listing asks), it keeps
    its model: the admin's listings read it."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


class CleanQueriesMixin:
    def search(self, query, model_or_queryset, *args, **kwargs):
        return self._clean_search(super().search, query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        search = super().autocomplete
        return self._clean_search(search, query, model_or_queryset, *args, **kwargs)

    def _clean_search(self, search, query, model_or_queryset, *args, **kwargs):
        cleaned = clean_query(query)
        if cleaned == "" and query != "":
            model = model_or_queryset
            return NoWordsLeft(model.model if isinstance(model, QuerySet) else model)
        return search(cleaned, model_or_queryset, *args, **kwargs)


@cache
def _with_clean_queries(backend_class: type) -> type:
    return type(backend_class.__name__, (CleanQueriesMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The database's own backend (see the module's docstring), with clean queries; on
    PostgreSQL, the one that stems each language as that language."""
    if connection.vendor == "postgresql":
        from search.languages import LanguageSearchBackend

        backend_class = LanguageSearchBackend
    else:
        backend_class = type(database_backend(params))
    return _with_clean_queries(backend_class)(params)
