"""A public image as a `<picture>`: WebP first, the image's own format as fallback.

    {% load image_tags %}
    {% responsive_image page.image "content" alt=page.image_alt %}
    {% responsive_image story.image "card" alt=story.image_alt class="card__image" %}

The use ("content", "card") names its widths and `sizes` in home/renditions.py, the
one list of renditions, which the upload task makes ahead of time. The `<img>` keeps
`width` and `height` (the page does not jump as images arrive) and the alt text it is
given; all of an image's renditions come in one query (none with prefetched ones).
"""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.renditions import USES, offers_webp, specs_for, src_spec, webp

register = template.Library()


def _srcset(renditions) -> dict:
    if len(renditions) == 1:
        return {"srcset": renditions[0].url}
    return {"srcset": ", ".join(f"{r.url} {r.width}w" for r in renditions)}


@register.simple_tag
def responsive_image(image, use_name: str, alt: str = "", **attrs):
    """The `<picture>` for `image` as the named use shows it; "" without an image."""
    if not image:
        return ""
    use = USES[use_name]
    kept = specs_for(use, image)
    with_webp = offers_webp(use, image)
    wanted = kept + ([webp(spec) for spec in kept] if with_webp else [])
    renditions = image.get_renditions(*wanted)
    sizes = {"sizes": use.sizes} if len(kept) > 1 else {}
    img_attrs = {**_srcset([renditions[s] for s in kept]), **sizes, **attrs, "alt": alt}
    img = renditions[src_spec(use, kept)].img_tag(img_attrs)
    if not with_webp:
        return format_html("<picture>{}</picture>", img)
    source = {"type": "image/webp", **_srcset([renditions[webp(s)] for s in kept]), **sizes}
    return format_html("<picture><source{}>{}</picture>", mark_safe(flatatt(source)), img)  # noqa: S308 - flatatt escapes
