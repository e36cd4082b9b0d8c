"""Wagtail's document form (single upload, multiple upload, edit) with our upload
rules (`chapters.files.file_safety.check_upload`) as a form error, so the editor sees
the message beside the file and keeps what they typed. The same rules run again
on the model's save, for every other path."""

import re

from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import UploadedFile

from chapters.files.file_safety import check_upload
from chapters.files.image_form import check_collection_move
from chapters.files.private import ARCHIVE, is_archive_item, original_name, stored_state

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
        check_collection_move(self)

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
