"""An archive entry's own image and document, for the readers who may see them.

    {% load archive_tags %}
    {% archive_media page as media %}

`media.image` (src, srcset, width, height, alt) and `media.document` (url,
title, extension) are None when the reader may not see the file: no consent
for it, or not for this reader. Addresses are the gated /archive-media/ ones,
never a file's name. In the editor's preview, files the editor may manage are
shown through the admin-only address, whatever their consent.
"""

import os

from django import template
from django.contrib.auth.models import AnonymousUser

from chapters.private_media import (
    ALLOWED_SPECS,
    archive_document_url,
    archive_image_url,
    is_archive_item,
    is_image,
    may_manage,
    visible_in,
)

register = template.Library()

SRCSET_WIDTHS = {"width-800": 800, "width-1600": 1600}


@register.simple_tag(takes_context=True)
def archive_media(context, page) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    preview = bool(getattr(request, "is_preview", False))

    def shown(item) -> bool:
        if item is None:
            return False
        if preview:
            return may_manage(user, item)
        return visible_in(page, item, user)

    image = page.image if shown(page.image) else None
    document = page.document if shown(page.document) else None
    return {
        "image": image and image_data(image, preview=preview),
        "document": document and document_data(document, preview=preview),
    }


def image_data(image, *, preview: bool = False) -> dict:
    def url(spec):
        return image.get_rendition(spec).url if preview else archive_image_url(image, spec)

    # width-N never enlarges: a small image is offered once, at its own size.
    widths = {spec: min(width, image.width) for spec, width in SRCSET_WIDTHS.items()}
    specs = [spec for spec in SRCSET_WIDTHS if spec == ALLOWED_SPECS[0] or image.width > 800]
    width = widths[ALLOWED_SPECS[0]]
    return {
        "src": url(ALLOWED_SPECS[0]),
        "srcset": ", ".join(f"{url(spec)} {widths[spec]}w" for spec in specs),
        "width": width,
        "height": round(image.height * width / image.width) if image.width else image.height,
        # Wagtail 8: the image's description, or its title when it has none.
        "alt": image.default_alt_text,
    }


def document_data(document, *, preview: bool = False) -> dict:
    return {
        "url": document.url if preview else archive_document_url(document),
        "title": document.title,
        "extension": os.path.splitext(document.file.name)[1].lstrip(".").upper(),
    }


@register.simple_tag
def archive_image_src(image, spec: str = ALLOWED_SPECS[0]) -> str:
    """The gated address of an archive image (`{% archive_image_src value.image "width-800" %}`),
    for templates that show an entry's files themselves, such as body blocks."""
    return archive_image_url(image, spec)


@register.simple_tag
def archive_document_href(document) -> str:
    """The gated download address of an archive document."""
    return archive_document_url(document)


@register.simple_tag(takes_context=True)
def archive_block_file(context, item) -> dict:
    """For a body block's image or document: is it an archive file, and if so the
    gated data for this reader (None when they may not see it).

        {% archive_block_file value.image as file %}
        {% if not file.private %}…as usual…{% elif file.data %}…file.data.src…{% endif %}
    """
    if item is None or not is_archive_item(item):
        return {"private": False, "data": None}
    request = context.get("request")
    user = getattr(request, "user", None) or AnonymousUser()
    preview = bool(getattr(request, "is_preview", False))
    page = context.get("page")
    if preview:
        shown = may_manage(user, item)
    else:
        shown = page is not None and getattr(page, "is_archive_entry", False)
        shown = shown and visible_in(page, item, user)
    if not shown:
        return {"private": True, "data": None}
    data = (
        image_data(item, preview=preview)
        if is_image(item)
        else document_data(item, preview=preview)
    )
    return {"private": True, "data": data}
