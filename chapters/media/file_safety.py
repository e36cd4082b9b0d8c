"""What may be uploaded, and how a stored file is sent back.

Uploads (images and documents, whoever saves them: Wagtail's single and
multiple upload, chapter import, the demo, the shell) are checked on the
model's save (`check_upload`, a pre_save handler in `chapters.media.private`)
and, first, on Wagtail's document form (`DocumentForm`), so an editor sees the
message beside the file and keeps what they typed:

* documents: an extension in WAGTAILDOCS_EXTENSIONS (no HTML, SVG, scripts,
  archives or macro-carrying office formats) and at most
  WAGTAILDOCS_MAX_UPLOAD_SIZE bytes;
* documents in an archive collection: only the formats whose metadata
  `chapters.media.file_cleaning` removes (and a file it can read);
* images: an extension in WAGTAILIMAGES_EXTENSIONS, at most
  WAGTAILIMAGES_MAX_UPLOAD_SIZE bytes and WAGTAILIMAGES_MAX_IMAGE_PIXELS
  pixels (a few kilobytes of PNG can decode to gigabytes: the decompression
  bomb), read from the header without decoding.

`file_response_headers` is what every private or archive file is sent with.
"""

import os
import re
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from chapters.media.file_cleaning import CLEANERS, UncleanableFile, clean_document

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


# --- Wagtail's document form (single upload, multiple upload, edit) -------------------

STAGED_PREFIX = re.compile(r"^uploaded-document-(\d+)$")


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form with our rules, as a form error on the file (or the
    form, when the file is not on it: the multiple uploader's second step). What
    the editor typed stays in the form."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # The same limit, checked below with a message that names the file.
            self.fields["file"].max_upload_size = None

    def _post_clean(self):
        staged = self._staged_upload() if "file" not in self.fields else None
        if staged is not None and not self.instance.file:
            # Wagtail's own check (Document.clean) reads the instance's file, which the
            # uploader sets only after this form: show it the staged one's name.
            self.instance.file.name = staged.file.name
        super()._post_clean()
        from chapters.media.private import ARCHIVE, is_archive_item, original_name, stored_state

        name, size, file = self._file_to_check()
        if file is None:
            return
        archive = is_archive_item(self.instance)
        new = self.instance.pk is None or "file" in self.changed_data
        if not new and not (archive and stored_state(name) != ARCHIVE):
            return  # a stored file that stays where it is: not checked again
        try:
            data = None
            if archive:
                file.open("rb")
                file.seek(0)
                data = file.read()
                file.seek(0)
            check_upload(self.instance, original_name(name), size, archive=archive, data=data)
        except ValidationError as error:
            if "file" in self.fields:
                self._errors.pop("file", None)  # Wagtail's words for the same rule
                self.add_error("file", error)
            else:
                self.add_error(None, error)

    def _file_to_check(self):
        """(name, size, file) of the file this form would store: the uploaded one, the
        document's own, or the staged upload the multiple uploader completes."""
        file = self.cleaned_data.get("file") if "file" in self.fields else None
        if file is None and self.instance.file:
            file = self.instance.file
        if file:
            return file.name, file.size, file
        staged = self._staged_upload()
        if staged is None:
            return None, None, None
        return staged.file.name, staged.file.size, staged.file

    def _staged_upload(self):
        match = STAGED_PREFIX.match(self.prefix or "")
        staged = UploadedFile.objects.filter(pk=match[1]).first() if match else None
        return staged if staged is not None and staged.file else None
