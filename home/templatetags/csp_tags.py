"""Inline code allowed by its hash instead of the request's nonce.

A page that carries no nonce is the same for every reader, so the page cache
and shared caches may keep it (home/pagecache/): `{% hashed_style %}…{% endhashed_style %}`
renders the style and asks network_site.headers to allow exactly that text
(`'sha256-…'` in style-src). The policy stays strict: nothing else inline runs.
"""

import base64
import hashlib

from django import template
from django.utils.html import format_html

register = template.Library()


def allow_by_hash(request, directive: str, text: str) -> None:
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    if request is not None:
        hashes = request.__dict__.setdefault("csp_hashes", {})
        hashes.setdefault(directive, set()).add(f"'sha256-{digest}'")


class HashedStyleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        text = self.nodelist.render(context)
        allow_by_hash(context.get("request"), "style-src", text)
        return format_html("<style>{}</style>", text)


@register.tag
def hashed_style(parser, token):
    nodelist = parser.parse(("endhashed_style",))
    parser.delete_first_token()
    return HashedStyleNode(nodelist)
