"""Text that ends up in an email header is one line.

A line break in a header is how header injection works, so Django refuses to
send a message whose subject has one (BadHeaderError) and Wagtail, which puts
page titles in its moderation emails' subjects, then drops the email with
only a log line. Titles are therefore kept on one line where they are saved
(every path: the page editor, wagtail-localize's editor and sync, the public
story form, imports, the shell), and every subject we write is passed through
`one_line` as a second line of defence.
"""

import re

# Every character str.splitlines() breaks on, and the tab: a title is one line.
LINE_BREAKS = re.compile(r"[\r\n\t\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """The text with every run of line breaks replaced by a single space."""
    if not text:
        return text
    return re.sub(r" {2,}", " ", LINE_BREAKS.sub(" ", text)).strip()


TITLE_FIELDS = ("title", "draft_title", "seo_title")


def single_line_page_titles(sender, instance, raw=False, **kwargs):
    """pre_save for every model: a page's title (and draft title) is kept on one line,
    and so is the title inside a revision, which Wagtail's approval and rejection
    emails read (a revision is written before the page itself is saved)."""
    from wagtail.models import Page, Revision

    if raw:
        return
    if isinstance(instance, Page):
        for field in TITLE_FIELDS:
            value = getattr(instance, field, None)
            if value and LINE_BREAKS.search(value):
                setattr(instance, field, one_line(value))
    elif isinstance(instance, Revision):
        if isinstance(instance.content, dict):
            for field in TITLE_FIELDS:
                value = instance.content.get(field)
                if isinstance(value, str) and LINE_BREAKS.search(value):
                    instance.content[field] = one_line(value)
        if instance.object_str and LINE_BREAKS.search(instance.object_str):
            instance.object_str = one_line(instance.object_str)
