"""The admin form every page type of the network uses."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BaseStructBlock, ChooserBlock, ListBlock, StreamBlock
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, TranslatableMixin
from wagtail.permissions import policy_registry


class NetworkPageForm(WagtailAdminPageForm):
    """Refuses references the editor could not have chosen.

    Choosers only offer the editor's own chapter's media and pages, but a form
    post can name any id: an image of another chapter's private collection, a
    draft page of another chapter. This checks every image, document and page
    the submitted fields, stream blocks, rich text and inline rows refer to:
    images and documents need the "choose" permission on their collection;
    pages must be live (public anyway) or editable by this person. References
    the page already had are left alone, so a page someone else set up still
    saves.

    This is the second line: which chapter's files a page may use at all is the
    page model's own rule (`clean()`, chapters.files.rules), for every path.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._references_before = set(self._references()) if self.instance.pk else set()
        self._only_this_locale()
        if not self.instance.path and self.parent_page is not None:
            # A new page has no place yet: the media rules judge it by its parent's.
            self.instance._reference_parent = self.parent_page

    def add_error(self, field, error):
        """The model's errors on a field this form lacks go to the top of the form
        (Django would raise instead)."""
        if field is None and isinstance(error, dict):
            error = ValidationError(error)
        if field is None and hasattr(error, "error_dict"):
            errors = {}
            for name, messages in error.error_dict.items():
                known = name == NON_FIELD_ERRORS or name in self.fields
                errors.setdefault(name if known else NON_FIELD_ERRORS, []).extend(messages)
            error = ValidationError(errors)
        super().add_error(field, error)

    def _only_this_locale(self):
        """Translatable things to pick (rights, ...) in the page's own language only:
        stock Wagtail offers every language's copy side by side."""
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        if locale_id is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            model = getattr(queryset, "model", None)
            if (
                model is not None
                and issubclass(model, TranslatableMixin)
                and not issubclass(model, Page)
            ):
                field.queryset = queryset.filter(locale_id=locale_id)

    def _references(self):
        fields = set(self.fields) | set(getattr(self, "formsets", {}))
        for (
            content_type_id,
            object_id,
            model_path,
            _path,
        ) in ReferenceIndex._extract_references_from_object(self.instance):
            if model_path.split(".", 1)[0] in fields:
                yield content_type_id, object_id

    def _post_clean(self):
        super()._post_clean()
        user = self.for_user
        if user is None or user.is_superuser:
            return
        new = set(self._references()) - self._references_before
        kinds = {
            ContentType.objects.get_for_model(get_image_model()).pk: get_image_model(),
            ContentType.objects.get_for_model(get_document_model()).pk: get_document_model(),
        }
        page_type = ContentType.objects.get_for_model(Page).pk
        refused = set()
        for content_type_id, object_id in sorted(new):
            if content_type_id in kinds:
                model = kinds[content_type_id]
                item = model.objects.filter(pk=object_id).first()
                policy = policy_registry.get_by_type(model)
                if item is None or not policy.user_has_permission_for_instance(
                    user, "choose", item
                ):
                    name = model._meta.verbose_name
                    refused.add(object_id)
                    self.add_error(
                        None, ValidationError(f"Choose a {name} you may use (#{object_id} is not).")
                    )
            elif content_type_id == page_type:
                page = Page.objects.filter(pk=object_id).first()
                if page is None or not (page.live or page.permissions_for_user(user).can_edit()):
                    refused.add(object_id)
                    self.add_error(
                        None,
                        ValidationError(f"Choose a page you may link to (#{object_id} is not)."),
                    )
        if refused:
            self._forget(refused)

    def _forget(self, refused: set[str]) -> None:
        """Empty the choosers that name a refused item, so the form shown again does
        not display its title or thumbnail; everything else the editor typed stays."""
        models = (get_image_model(), get_document_model())
        chooser_fields = set()
        for name, field in self.fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is not None and (model in models or issubclass(model, Page)):
                chooser_fields.add(name)
        stream_fields = [name for name, field in self.fields.items() if hasattr(field, "block")]
        chooser_blocks = set()
        for name in stream_fields:
            chooser_blocks |= _chooser_block_names(self.fields[name].block)
        data = self.data.copy()
        for key in list(data.keys()):
            if data.get(key) not in refused:
                continue
            in_stream = key.split("-", 1)[0] in stream_fields
            if key in chooser_fields or (in_stream and key.rsplit("-", 1)[-1] in chooser_blocks):
                data[key] = ""
        self.data = data


def _chooser_block_names(block) -> set[str]:
    """The names under which chooser blocks sit in a stream's posted data."""
    names = set()
    if isinstance(block, StreamBlock | BaseStructBlock):
        for name, child in block.child_blocks.items():
            if isinstance(child, ChooserBlock):
                names.add(name)
            names |= _chooser_block_names(child)
    elif isinstance(block, ListBlock):
        if isinstance(block.child_block, ChooserBlock):
            names.add("value")
        names |= _chooser_block_names(block.child_block)
    return names
