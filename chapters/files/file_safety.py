"""What may be uploaded, and how a stored file is sent back.

Uploads (images and documents, whoever saves them: Wagtail's single and
multiple upload, chapter import, the demo, the shell) are checked on the
model's save (`check_upload`, a pre_save handler in `chapters.files.private`)
and, first, on Wagtail's document form (`chapters.files.document_form`), so an editor sees the
message beside the file and keeps what they typed:

* documents: an extension in WAGTAILDOCS_EXTENSIONS (no HTML, SVG, scripts,
  archives or macro-carrying office formats) and at most
  WAGTAILDOCS_MAX_UPLOAD_SIZE bytes;
* documents in an archive collection: only the formats whose metadata
  `chapters.files.file_cleaning` removes (and a file it can read);
* images: an extension in WAGTAILIMAGES_EXTENSIONS, at most
  WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes and WAGTAILIMAGES_MAX_IMAGE_PIXELS
  pixels (a few kilobytes of PNG can decode to gigabytes: the decompression
  bomb), read from the header without decoding.

`file_response_headers` is what every private or archive file is sent with.
"""

import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from wagtail.images import get_image_model

from chapters.files.file_cleaning import CLEANERS, UncleanableFile, clean_document

# Sent with every private or archive file: nothing in it runs, even if a browser
# is talked into rendering it, and its type is never guessed from its content.
FILE_CSP = "default-src 'none'; sandbox"
# The only types shown in place (admin thumbnails, the archive's renditions): raster
# images, re-encoded by Pillow before they were stored. Everything else downloads.
INLINE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")

ARCHIVE_DOCUMENT_EXTENSIONS = tuple(sorted(CLEANERS))


def file_response_headers(response, *, inline: bool = False):
    """Download (unless an inline raster image), sandboxed, no sniffing, not cached
    by shared caches. Set on the response itself, so site-wide middleware that adds
    a page CSP must leave a file response's own Content-Security-Policy alone."""
    if not inline or response.get("Content-Type", "").split(";")[0] not in INLINE_TYPES:
        disposition = response.get("Content-Disposition", "")
        if not disposition.startswith("attachment"):
            response["Content-Disposition"] = "attachment"
    response["Content-Security-Policy"] = FILE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-cache"
    return response


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _listed(extensions) -> str:
    return ", ".join(f".{extension}" for extension in extensions)


def check_upload(item, name: str, size: int | None, *, archive: bool, data=None) -> None:
    """Raise ValidationError (naming the file and the rule) if this file may not be
    stored on this image or document. `data`: the bytes, needed for archive documents."""
    shown = os.path.basename(name or "") or "the file"
    image = isinstance(item, get_image_model())
    if image:
        allowed = settings.WAGTAILIMAGES_EXTENSIONS
        limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    else:
        allowed = ARCHIVE_DOCUMENT_EXTENSIONS if archive else settings.WAGTAILDOCS_EXTENSIONS
        limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    extension = extension_of(name)
    if extension not in allowed:
        where = "in an archive collection " if archive and not image else ""
        raise ValidationError(
            f"“{shown}”: .{extension or '(no extension)'} files are not accepted {where}"
            f"(accepted: {_listed(allowed)}).",
            code="file_type",
        )
    if limit is not None and size is not None and size > limit:
        raise ValidationError(
            f"“{shown}” is {filesizeformat(size)}; the largest file accepted is "
            f"{filesizeformat(limit)}.",
            code="file_too_large",
        )
    if image:
        _check_pixels(item.file, shown)
    elif archive and data is not None:
        try:
            clean_document(data, extension)
        except UncleanableFile as error:
            raise ValidationError(
                f"“{shown}” cannot go into the archive: {error}, so its metadata "
                "(author, device, place) cannot be removed.",
                code="file_unreadable",
            ) from error


def _check_pixels(file, shown: str) -> None:
    """The image's size from its header (nothing is decoded)."""
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    if getattr(file, "closed", False):
        file.open("rb")
    position = file.tell()
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as opened:
                width, height = opened.size
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        width = height = None
    except (OSError, ValueError, SyntaxError) as error:
        raise ValidationError(
            f"“{shown}” could not be read as an image.", code="file_unreadable"
        ) from error
    finally:
        file.seek(position)
    if width is None or (limit and width * height > limit):
        raise ValidationError(
            f"“{shown}” is too large an image"
            + (f" ({width} × {height} pixels)" if width else "")
            + f"; the most accepted is {limit:,} pixels.",
            code="too_many_pixels",
        )
