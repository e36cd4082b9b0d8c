"""Reading filters from a query string: whatever a stranger sends is a filter or none, never a 500.

Every filter, paging and API parameter that becomes a number or a database value
is read here, because the obvious checks are not enough:

* `str.isdigit()` is true for '²' and '١٢': `int()` refuses the first and reads
  the second as 12;
* `int()` takes '9' * 30, which no database column holds (and a year past 9999,
  which no date holds); it refuses more than 4,300 digits;
* PostgreSQL refuses a NUL character in any string it is sent, and no filter
  value has a control character in it.

So a number is ASCII digits within a range, and text is text without control
characters; anything else counts as no filter (`None` or ""). The API answers 400
for the same values (home/api_checks.py).
"""

import unicodedata

# PostgreSQL's `integer`, the smallest column a filter compares a number with.
MAX_INTEGER = 2**31 - 1
# The last year a date holds.
MAX_YEAR = 9999
# Longer than any slug, choice or name a filter takes.
MAX_TEXT = 200


def has_control_characters(value: str) -> bool:
    """NUL, escape, newlines...: Unicode's "Cc" category (and "Cs", lone surrogates)."""
    return any(unicodedata.category(char) in ("Cc", "Cs") for char in value)


def without_control_characters(text: str) -> str:
    """The text with each control character a space (for text shown back or searched)."""
    if not has_control_characters(text):
        return text
    return "".join(" " if has_control_characters(char) else char for char in text)


def clean_text(value, max_length: int = MAX_TEXT) -> str:
    """The value without surrounding spaces, or "" if it is not plain text of at most
    `max_length` characters."""
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if len(value) > max_length or has_control_characters(value):
        return ""
    return value


def parse_integer(value, minimum: int = 0, maximum: int = MAX_INTEGER) -> int | None:
    """A whole number written in ASCII digits within [minimum, maximum], else None."""
    text = clean_text(value, max_length=len(str(maximum)))
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def query_text(request, name: str, max_length: int = MAX_TEXT) -> str:
    return clean_text(request.GET.get(name, ""), max_length)


def query_integer(request, name: str, minimum: int = 0, maximum: int = MAX_INTEGER) -> int | None:
    return parse_integer(request.GET.get(name, ""), minimum, maximum)


def query_year(request, name: str) -> int | None:
    return query_integer(request, name, minimum=1, maximum=MAX_YEAR)


def query_choice(request, name: str, allowed) -> str:
    """The value if it is one of `allowed`, else ""."""
    value = query_text(request, name)
    return value if value in allowed else ""
