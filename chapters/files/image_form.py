"""Wagtail's image form (upload, multiple upload, edit) with the move rule of
`chapters.files.rules` as a form error on the collection, so the editor is told why
(and keeps what they typed) before the image's own save would refuse it."""

from wagtail.images.forms import BaseImageForm

from chapters.files.rules import move_refusal


def check_collection_move(form) -> None:
    """A file moved to another collection while a page, setting or snippet uses it
    that may not use files there: the message names the file, its user and the rule."""
    if form.instance.pk is None or "collection" not in form.fields or form.has_error("collection"):
        return
    if message := move_refusal(form.instance):
        form.add_error("collection", message)


class ImageForm(BaseImageForm):
    def _post_clean(self):
        super()._post_clean()
        check_collection_move(self)
