"""Each language's words stemmed as that language: PostgreSQL's text search configurations.

Wagtail's PostgreSQL backend indexes and queries every object with one
configuration (`SEARCH_CONFIG`, by default the server's, English), so Spanish
"organizaciones" never found a page saying "organización". Here:

* an object is indexed with the configuration of its own locale's language
  (pages and the translatable snippets have a `locale`); an object without a
  locale (images, documents, users) with the default language's;
* a search matches each row with the configuration of that row's language, so the
  Spanish reader's question is read as Spanish on Spanish pages, and the Alliance's
  "All languages" still finds an English page by its English stems.

The configuration of a language is named after its English name in Django's
LANG_INFO, lowercased (`es` -> `spanish`), if the database has one by that name,
else `simple` (lowercased words, no stemming). The check is in the SQL itself
(`pg_ts_config`), so it costs no query of its own, and a language added to
LANGUAGES, or a configuration created in the database later, needs no code.
Autocomplete keeps Wagtail's `simple`: it matches prefixes of words as typed.
"""

import copy

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.postgres.search import SearchVectorExact
from django.db.models import Case, F, Func, Q, TextField, Value, When
from django.db.models.lookups import Exact
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, TranslatableMixin
from wagtail.search.query import Fuzzy, MatchAll, Not

SIMPLE = "simple"


def config_name(language_code: str) -> str:
    """The configuration a language would be called: its English name, lowercased."""
    info = LANG_INFO.get(language_code, {})
    return info.get("name", SIMPLE).lower()


class NamedConfig(Func):
    """The configuration called `name` where the database has one, else `simple` (text)."""

    template = (
        "COALESCE((SELECT cfgname::text FROM pg_catalog.pg_ts_config"
        " WHERE cfgname = %(expressions)s LIMIT 1), 'simple')"
    )
    output_field = TextField()

    def __init__(self, name: str):
        super().__init__(Value(name))


class LocaleLanguage(Func):
    """The language code of the locale with this id, read in the same SQL statement."""

    template = "(SELECT language_code FROM wagtailcore_locale WHERE id = %(expressions)s)"
    output_field = TextField()


def language_config(code):
    """The text search configuration (text) for a language code: a string or an expression.

    Every network language (settings.LANGUAGES) has its branch; a code outside them
    is read as the default language.
    """
    if isinstance(code, str):
        return NamedConfig(config_name(code))
    branches = [
        When(Exact(code, Value(lang)), then=NamedConfig(config_name(lang)))
        for lang, _name in settings.LANGUAGES
    ]
    return Case(*branches, default=NamedConfig(config_name(settings.LANGUAGE_CODE)))


def has_locale(model) -> bool:
    """Pages and the translatable snippets: each row says its language."""
    return issubclass(model, TranslatableMixin)


class LanguageSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Reads the question with each row's own language (see the module's docstring)."""

    def get_config(self, backend):
        model = self.queryset.model
        if has_locale(model):
            return language_config(F("locale__language_code"))
        return language_config(settings.LANGUAGE_CODE)

    def search(self, config, start, stop, score_field=None, backend=None):
        """Rows of a translatable model match with one condition per language: the
        row's language and its vector against the question read in that language, a
        constant. PostgreSQL then answers from the GIN index on `title || body`
        (search/migrations) instead of reading the question again for every row of the
        table; only matching rows are ranked (with each row's own configuration)."""
        query = self.query
        if (
            not has_locale(self.queryset.model)
            or self.fields is not None
            or isinstance(query, MatchAll | Fuzzy)
            or (isinstance(query, Not) and isinstance(query.subquery, MatchAll))
        ):
            return super().search(config, start, stop, score_field, backend)
        vectors = self.get_index_vectors(None)
        rank_expression = self._build_rank_expression(vectors, config)
        codes = [code for code, _name in settings.LANGUAGES]
        match = Q(pk__in=[])
        for code in codes:
            question = self.build_tsquery(query, config=NamedConfig(config_name(code)))
            match |= Q(Q(locale__language_code=code), SearchVectorExact(F("_vector_"), question))
        default = NamedConfig(config_name(settings.LANGUAGE_CODE))
        match |= Q(
            ~Q(locale__language_code__in=codes),
            SearchVectorExact(F("_vector_"), self.build_tsquery(query, config=default)),
        )
        vector = F("index_entries__title")._combine(F("index_entries__body"), "||", False)
        queryset = self.queryset.annotate(_vector_=vector).filter(match)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class LanguageIndex(PostgresIndex):
    """Indexes each object with its locale's configuration.

    Wagtail's `add_items` builds every entry with the backend's one `config`; the
    objects are grouped by locale and each group is added through a copy of the
    backend whose `config` is that locale's (one statement per locale, none per object).
    The configuration is read first, in one query per locale, and written into the
    statement as a name: as an expression it was planned again for every field of
    every row (500 pages took ten seconds to index, not a fraction of one).
    """

    def add_items(self, model, objs):
        groups: dict = {}
        for obj in objs:
            locale_id = obj.locale_id if isinstance(obj, TranslatableMixin) else None
            groups.setdefault(locale_id, []).append(obj)
        for locale_id, group in groups.items():
            backend = copy.copy(self.backend)
            backend.config = configuration_of(locale_id)
            index = copy.copy(self)
            index.backend = backend
            super(LanguageIndex, index).add_items(model, group)


def configuration_of(locale_id: int | None) -> str:
    """The configuration's name for the locale with this id (None: the default
    language's), read from the database now. One query."""
    if locale_id is None:
        expression = language_config(settings.LANGUAGE_CODE)
    else:
        expression = language_config(LocaleLanguage(Value(locale_id)))
    found = Locale.objects.annotate(config=expression).values_list("config", flat=True).first()
    return found or SIMPLE


class LanguageSearchBackend(PostgresSearchBackend):
    query_compiler_class = LanguageSearchQueryCompiler
    index_class = LanguageIndex
