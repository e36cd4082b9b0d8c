"""An archive entry's own image and document, for the readers who may see them.

    {% load archive_tags %}
    {% archive_media page as media %}

`media.image` (src, srcset, webp_srcset, sizes, width, height, alt) and `media.document` (url,
title, extension) are None when the reader may not see the file: no consent
for it, or not for this reader. Addresses are the gated /archive-media/ ones,
never a file's name. In the editor's preview, files the editor may manage are
shown through the admin-only address, whatever their consent.
"""

import os

from django import template
from django.contrib.auth.models import AnonymousUser

from chapters.files.private import (
    archive_document_url,
    archive_image_url,
    is_image,
    may_manage,
    visible_in,
)
from home.renditions import ARCHIVE, offers_webp, output_width, specs_for, webp
from network_site.storage import is_private_name

register = template.Library()


def _reader(context):
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    return user, bool(getattr(request, "is_preview", False))


def _shown(context, page, item) -> bool:
    """May this reader see the file here? In the editor's preview: if they may manage
    it; on the site: if it is shown in an archive entry and visible to them there."""
    user, preview = _reader(context)
    if item is None:
        return False
    if preview:
        return may_manage(user, item)
    if not getattr(page, "is_archive_entry", False):
        return False
    # On the entry's own page the consent gate has just let this reader in.
    checked = getattr(context.get("request"), "consent_gate_passed", None) == page.pk
    return visible_in(page, item, user, entry_checked=checked)


@register.simple_tag(takes_context=True)
def archive_media(context, page) -> dict:
    _user, preview = _reader(context)
    image = page.image if _shown(context, page, page.image) else None
    document = page.document if _shown(context, page, page.document) else None
    return {
        # Never the image's title for alt text: it is often the uploaded file's name.
        "image": image and image_data(image, preview=preview, alt=image.description or page.title),
        "document": document and document_data(document, preview=preview),
    }


def image_data(image, *, preview: bool = False, alt: str = "") -> dict:
    """The archive image's sizes (home/renditions.py: ARCHIVE), as WebP and as stored,
    at gated addresses (the rendition's own in the editor's preview)."""

    def url(spec):
        return image.get_rendition(spec).url if preview else archive_image_url(image, spec)

    # width-N never enlarges: a small image is offered once, at its own size.
    kept = specs_for(ARCHIVE, image)
    widths = {spec: output_width(spec, image) for spec in kept}

    def srcset(make_spec):
        return ", ".join(f"{url(make_spec(spec))} {widths[spec]}w" for spec in kept)

    width = widths[kept[0]]
    return {
        "src": url(kept[0]),
        "srcset": srcset(str),
        "webp_srcset": srcset(webp) if offers_webp(ARCHIVE, image) else "",
        "sizes": ARCHIVE.sizes,
        "width": width,
        "height": round(image.height * width / image.width) if image.width else image.height,
        "alt": alt,
    }


def document_data(document, *, preview: bool = False) -> dict:
    return {
        "url": document.url if preview else archive_document_url(document),
        "title": document.title,
        "extension": os.path.splitext(document.file.name)[1].lstrip(".").upper(),
    }


@register.simple_tag(takes_context=True)
def archive_block_file(context, item) -> dict:
    """For a body block's image or document: is it an archive file, and if so the
    gated data for this reader (None when they may not see it).

        {% archive_block_file value.image as file %}
        {% if not file.private %}…as usual…{% elif file.data %}…file.data.src…{% endif %}
    """
    # Archive files are stored under private names (no query to ask which they are).
    if item is None or not is_private_name(item.file.name):
        return {"private": False, "data": None}
    if not _shown(context, context.get("page"), item):
        return {"private": True, "data": None}
    _user, preview = _reader(context)
    data = (
        image_data(item, preview=preview)  # the block's own alt text is used
        if is_image(item)
        else document_data(item, preview=preview)
    )
    return {"private": True, "data": data}
