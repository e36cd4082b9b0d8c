"""The addresses that send private files, each with `file_response_headers`.

* `/archive-media/image/<id>/<spec>/` and `/archive-media/document/<id>/`:
  archive files, through the entry's and the file's consent
  (`chapters.files.private.file_visible_to`);
* `/restricted-media/<name>`: files of view-restricted collections, through
  the collection's restrictions;
* `/admin/private-media/<name>` (`admin_file`): any private file, to people
  who manage it in the admin;
* `/documents/<id>/<name>`: Wagtail's own document view, with our headers.

Images (re-encoded rasters) are shown in place; everything else downloads.
Every response carries `Content-Security-Policy: default-src 'none'; sandbox`
and `X-Content-Type-Options: nosniff`, set on the response itself.
"""

import functools
import mimetypes
import os

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_document_serve
from wagtail.images import get_image_model

from chapters.files.file_safety import file_response_headers
from chapters.files.private import (
    ALLOWED_SPECS,
    ARCHIVE,
    RESTRICTED,
    file_visible_to,
    is_image,
    may_manage,
    stored_state,
)
from network_site.storage import is_private_name


def outside_languages(view):
    """A 404 here stays a 404: LocaleMiddleware would redirect it to /en/archive-media/…
    (which the page-serving pattern matches). Under `urlpatterns` below, it doesn't."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.urlconf = __name__
        return view(request, *args, **kwargs)

    return wrapper


@outside_languages
@require_safe
def serve_image(request, image_id: int, spec: str):
    if spec not in ALLOWED_SPECS:
        raise Http404
    image = get_object_or_404(get_image_model(), pk=image_id)
    # Only archive files (cleaned, privately stored) are served here.
    if stored_state(image.file.name) != ARCHIVE or not file_visible_to(image, request.user):
        raise Http404
    rendition = image.get_rendition(spec)
    with rendition.file.open("rb") as stored:
        data = stored.read()
    content_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
    # A re-encoded raster image, shown in place (no file name: the stored one is
    # nobody's business), sandboxed like every private file.
    response = HttpResponse(data, content_type=content_type)
    return file_response_headers(response, inline=True)


@outside_languages
@require_safe
def serve_document(request, document_id: int):
    document = get_object_or_404(get_document_model(), pk=document_id)
    if stored_state(document.file.name) != ARCHIVE or not file_visible_to(document, request.user):
        raise Http404
    extension = os.path.splitext(document.file.name)[1].lower()
    filename = f"{slugify(document.title) or 'document'}{extension}"
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
    )
    return file_response_headers(response)


def owner_of(name: str):
    """The image or document a stored private file belongs to (a rendition's image)."""
    Image, Document = get_image_model(), get_document_model()
    Rendition = Image.get_rendition_model()
    rendition = Rendition.objects.filter(file=name).select_related("image").first()
    return (
        Image.objects.filter(file=name).first()
        or (rendition.image if rendition else None)
        or Document.objects.filter(file=name).first()
    )


def admin_file(request, name: str):
    """A private file for the admin (thumbnails, the original), to people with rights
    on its collection. Registered under /admin/, so Wagtail's admin login applies too."""
    item = owner_of(name) if is_private_name(name) else None
    if item is None or not may_manage(request.user, item):
        raise Http404
    storage = item.file.storage
    if not storage.exists(name):
        raise Http404
    return _stored_file_response(item, name)


def _stored_file_response(item, name: str):
    """An image (or its rendition) in place, a document as a download; both sandboxed."""
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(item.file.storage.open(name, "rb"), content_type=content_type)
    if is_image(item):
        response["Content-Disposition"] = "inline"
        return file_response_headers(response, inline=True)
    response["Content-Disposition"] = (
        f'attachment; filename="{slugify(item.title) or "document"}'
        f'{os.path.splitext(name)[1].lower()}"'
    )
    return file_response_headers(response)


@outside_languages
@require_safe
def restricted_file(request, name: str):
    """A file of a view-restricted collection (an image, a rendition): to whoever every
    restriction on the collection lets in (Wagtail's rule for documents), and to the
    people who manage it. Archive files never: they go through consent."""
    item = owner_of(name) if stored_state(name) == RESTRICTED else None
    if item is None or stored_state(item.file.name) != RESTRICTED:
        raise Http404
    if not may_manage(request.user, item) and not all(
        restriction.accept_request(request)
        for restriction in item.collection.get_view_restrictions()
    ):
        raise Http404
    if not item.file.storage.exists(name):
        raise Http404
    return _stored_file_response(item, name)


def serve_wagtail_document(request, document_id, document_filename):
    """Wagtail's /documents/<id>/<name> with the file headers: a download, sandboxed,
    never sniffed (Wagtail sets `default-src 'none'` only, and serves PDFs inline)."""
    response = wagtail_document_serve.serve(request, document_id, document_filename)
    if response.streaming or response.has_header("Content-Disposition"):
        file_response_headers(response)
    return response


# Included by network_site.urls, outside the language prefix.
urlpatterns = [
    path(
        "archive-media/image/<int:image_id>/<str:spec>/",
        serve_image,
        name="archive_media_image",
    ),
    path(
        "archive-media/document/<int:document_id>/",
        serve_document,
        name="archive_media_document",
    ),
    path("restricted-media/<path:name>", restricted_file, name="restricted_media"),
]
