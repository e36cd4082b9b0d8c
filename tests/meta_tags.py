"""The meta tags a search engine or a link preview reads from a page."""

import re


def meta(html, attribute, name):
    """The content of `<meta {attribute}="{name}">`, or None if the page has none."""
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return match and match.group(1)
