"""Every image rendition the site shows, in one place, and making them on upload.

A template names a *use* (`{% responsive_image image "content" %}`,
home/templatetags/image_tags.py); the use lists its widths, from small to large, and
the `sizes` the browser needs to choose among them. Each width is offered as WebP and
in the image's own format (the fallback), so a page shows a `<picture>` with a WebP
`<source>` and an `<img>` with `srcset`, `width` and `height` (no layout shift).

Renditions are made when an image is saved, by a background task (`make_renditions`,
on the `background` task backend: the database and `manage.py db_worker` in
production, at once in the demo and the tests), so no reader waits for one. The task
makes exactly what the templates will ask for: the same `renditions_for(image)`.
Archive files (private names) get only the sizes of the gated /archive-media/ view.
"""

import os
import re
from dataclasses import dataclass

from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model

from network_site.storage import is_private_name

# The task backend alias of work no request waits for (settings TASKS).
BACKGROUND = "background"
WEBP = "format-webp"


@dataclass(frozen=True)
class Use:
    """One way the templates show an image: its specs from small to large, the one
    whose rendition is the `<img>`'s own `src`/`width`/`height`, and `sizes`."""

    specs: tuple[str, ...]
    src: str
    sizes: str
    webp: bool = True
    # Made for every image on upload; otherwise when a page first shows the image this
    # way (a logo, a home's cover: one image each per site, not worth it for every photo).
    on_upload: bool = True


USES = {
    # A story's lead image and an image block: the text column, 60rem at most.
    "content": Use(
        ("width-480", "width-960", "width-1440"), "width-960", "(min-width: 62rem) 60rem, 100vw"
    ),
    # A story card: a third of the column on a wide screen, half or all of a narrow one.
    "card": Use(
        ("fill-480x270", "fill-960x540"),
        "fill-480x270",
        "(min-width: 62rem) 20rem, (min-width: 36rem) 50vw, 100vw",
    ),
    # A site's logo in its header: at most 4rem tall (a wide logo is about 15rem wide).
    "logo": Use(("width-240", "width-480"), "width-240", "15rem", on_upload=False),
    # A chapter home's cover: the width of the column, cut to 2:1.
    "cover": Use(
        ("fill-640x320", "fill-1280x640", "fill-1920x960"),
        "fill-1280x640",
        "(min-width: 62rem) 60rem, 100vw",
        on_upload=False,
    ),
    # og:image and the structured data: one size, in a format every card reader takes.
    "share": Use(("fill-1200x630",), "fill-1200x630", "", webp=False),
}
SHARE_SPEC = USES["share"].src
# Archive photographs, served only by the consent-gated /archive-media/ view: what
# `archive_media` shows, and every spec that view may make (it cannot fill the disk).
ARCHIVE = Use(("width-800", "width-1600"), "width-800", "(min-width: 50rem) 50rem, 100vw")

_WIDTH = re.compile(r"^width-(\d+)$")
_FILL = re.compile(r"^fill-(\d+)x(\d+)(?:-c\d+)?$")


def output_width(spec: str, image) -> int:
    """The width Wagtail's rendition for `spec` will have (neither operation enlarges)."""
    if match := _WIDTH.match(spec):
        return min(int(match[1]), image.width)
    if match := _FILL.match(spec):
        width, height = int(match[1]), int(match[2])
        crop = min(image.width, image.height * width / height)
        return round(min(width, crop))
    raise ValueError(f"no width known for the rendition spec {spec!r}")


def specs_for(use: Use, image) -> list[str]:
    """The use's specs that give this image distinct widths: a small image is offered
    once at its own size, never twice (a srcset may not repeat a width)."""
    widths, kept = set(), []
    for spec in use.specs:
        width = output_width(spec, image)
        if width not in widths:
            widths.add(width)
            kept.append(spec)
    return kept


def src_spec(use: Use, kept: list[str]) -> str:
    """The kept spec closest to (not above) the use's `src`."""
    limit = use.specs.index(use.src)
    return [spec for spec in kept if use.specs.index(spec) <= limit][-1]


def offers_webp(use: Use, image) -> bool:
    return use.webp and os.path.splitext(image.file.name)[1].lower() != ".webp"


def webp(spec: str) -> str:
    return f"{spec}|{WEBP}"


ARCHIVE_SPECS = (*ARCHIVE.specs, *(webp(spec) for spec in ARCHIVE.specs))


def with_webp(use: Use, image) -> list[str]:
    """The use's specs for this image, and their WebP twins where WebP is offered."""
    kept = specs_for(use, image)
    return kept + ([webp(spec) for spec in kept] if offers_webp(use, image) else [])


def prefetch_specs(use_name: str) -> list[str]:
    """Every spec a use may ask for, for `prefetch_renditions` on a list of images."""
    use = USES[use_name]
    return list(use.specs) + ([webp(spec) for spec in use.specs] if use.webp else [])


def renditions_for(image) -> list[str]:
    """Every rendition the site will ask for this image."""
    if is_private_name(image.file.name):
        return with_webp(ARCHIVE, image)
    return [spec for use in USES.values() if use.on_upload for spec in with_webp(use, image)]


@task(backend=BACKGROUND)
def make_renditions(image_id: int) -> int:
    """Make every rendition of an image the site shows; returns how many it asked for."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None or not image.file:
        return 0  # deleted since it was saved
    specs = renditions_for(image)
    image.get_renditions(*specs)
    return len(specs)


# Saves that cannot change what a rendition looks like (Wagtail stores the file's
# size and hash on their own).
_UNCHANGED = {"file_size", "file_hash"}


def renditions_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save of the image model, whoever saves (admin and chooser uploads, the API,
    commands, the demo, an import): after the commit, the task is queued."""
    if raw or not instance.file or (update_fields and set(update_fields) <= _UNCHANGED):
        return
    image_id = instance.pk
    transaction.on_commit(lambda: make_renditions.enqueue(image_id))


def connect_signals() -> None:
    from django.db.models.signals import post_save

    post_save.connect(
        renditions_on_save, sender=get_image_model(), dispatch_uid="home.renditions_on_save"
    )
