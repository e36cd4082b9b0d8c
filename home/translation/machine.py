"""Machine translation is a draft until a person approves it, segment by segment.

wagtail-localize's "Machine translate" (the translation editor, and "Use machine
translation" on the sync screen) stores each string it fills as a
`StringTranslation` of type "machine". A person approves a segment by saving
it in the editor (Edit, then Save, changed or not): wagtail-localize's string
API then stores it as "manual". So the data says what no person has read yet,
and the rule sits on it:

- `Translation.save_target(publish=True)` with unreviewed machine segments
  saves a draft (pages; the shared snippets have no drafts, so nothing changes
  there) and raises `UnreviewedMachineTranslation`, naming how many segments
  need review. Every wagtail-localize path that publishes passes through
  `save_target`: the editor's "Publish in …", the sync screen's "Publish
  immediately", "Translate" (submit), and code.
- Publishing a revision of such a translation is refused too
  (`PublishRevisionAction.execute`, which pages' and snippets' publishing
  both run), so workflow approval, bulk publish and the page editor obey.

The screens say why: the translation editor lists the count and marks each
machine segment "needs review" (in place of wagtail-localize's error page or
its generic "validation errors" message), and a LibreTranslate that does not
answer is a message, not a 500. The wrappers are installed once, from
`home.apps`, and each calls whatever was there before, so other patches of the
same methods compose with them.
"""

import functools
import sys

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.actions.publish_revision import PublishPermissionError, PublishRevisionAction
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import DraftStateMixin

from home.translation.publishing import may_publish

_originals: dict = {}


def needs_review(count: int) -> str:
    return ngettext(
        "%(count)d machine-translated segment still needs a person's review: "
        "open it with Edit, correct it or keep it, and Save to approve it.",
        "%(count)d machine-translated segments still need a person's review: "
        "open each with Edit, correct it or keep it, and Save to approve it.",
        count,
    ) % {"count": count}


class MachineTextNotPublished(PublishPermissionError):
    """Wagtail's publish refused: the admin says why (see `say_why_not_published`)."""


class UnreviewedMachineTranslation(ValidationError):
    """Publishing asked for while machine text awaits a person's review."""

    def __init__(self, count: int, saved_draft: bool):
        self.count = count
        reason = _("Not published.") + " " + needs_review(count)
        if saved_draft:
            reason += " " + _("The translation is saved as a draft.")
        super().__init__(reason, code="unreviewed_machine_translation")


def unreviewed_count(translation) -> int:
    """The source's segments whose text in the target language a machine wrote and
    no person has saved since (segments the source no longer has don't count)."""
    from wagtail_localize.models import StringSegment, StringTranslation

    machine = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .filter(Exists(machine))
        .count()
    )


def translation_of(instance):
    """The enabled wagtail-localize translation that makes this page or snippet."""
    from wagtail_localize.models import Translation

    key = getattr(instance, "translation_key", None)
    if key is None:
        return None
    return Translation.objects.filter(
        source__object_id=key, target_locale_id=instance.locale_id, enabled=True
    ).first()


def save_target(self, user=None, publish=True):
    """wagtail-localize's save of the target, refusing to publish unreviewed machine text."""
    count = unreviewed_count(self) if publish else 0
    if count:
        draftable = issubclass(self.source.specific_content_type.model_class(), DraftStateMixin)
        if draftable:
            _originals["save_target"](self, user=user, publish=False)
        raise UnreviewedMachineTranslation(count, saved_draft=draftable)
    return _originals["save_target"](self, user=user, publish=publish)


def execute_publish(self, skip_permission_checks=False):
    """No revision of a translation with unreviewed machine segments goes live, whoever
    publishes (workflow approval, bulk action, editor, API); pages and snippets."""
    translation = translation_of(self.object)
    count = unreviewed_count(translation) if translation is not None else 0
    if count:
        raise MachineTextNotPublished(_("Not published.") + " " + needs_review(count))
    return _originals["execute"](self, skip_permission_checks=skip_permission_checks)


def machine_comment(self):
    """The editor's note on a segment says that machine text awaits review."""
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated with %(tool)s on %(date)s: needs review") % {
            "tool": self.tool_name or _("a machine translator"),
            "date": date_format(self.updated_at, "DATE_FORMAT"),
        }
    return _originals["get_comment"](self)


def answer_unreachable_translator(view):
    """A machine translator that does not answer leaves everything as it was and
    says so, instead of a server error."""
    import requests

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except requests.RequestException:
            messages.error(
                request,
                _(
                    "The machine translator did not answer; nothing was translated. "
                    "Try again later."
                ),
            )
            return redirect(
                get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
            )

    return wrapped


def say_why_not_published(denied):
    """Wagtail's admin answers any refusal with "Sorry, you do not have permission to
    access this area." (`wagtail.admin.auth.permission_denied`, called while the
    refusal is being handled). A moderator who approves, or bulk-publishes, machine
    text may publish: they are told what is missing instead."""

    @functools.wraps(denied)
    def wrapped(request):
        refusal = sys.exc_info()[1]
        if not isinstance(refusal, MachineTextNotPublished):
            return denied(request)
        messages.error(request, str(refusal))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))

    return wrapped


def _editor_says_why(request, instance):
    """Before wagtail-localize's editor: "Publish" with unreviewed machine text saves a
    draft and says how many segments need review; opening the editor says it too."""
    translation = translation_of(instance)
    count = unreviewed_count(translation) if translation is not None else 0
    if not count:
        return None
    if request.method == "POST" and request.POST.get("action") == "publish":
        if isinstance(instance, DraftStateMixin) and not may_publish(request.user, instance):
            return None  # wagtail-localize refuses it (a snippet without drafts needs edit only)
        try:
            translation.save_target(user=request.user, publish=True)
        except UnreviewedMachineTranslation as refusal:
            messages.error(request, refusal.messages[0])
        except ValidationError:
            messages.error(request, _("The translation has errors: fix them, then publish again."))
        return redirect(request.path)
    if request.method == "GET" and not list(messages.get_messages(request)):
        messages.warning(request, needs_review(count))
    return None


@hooks.register("before_edit_page", order=-1)
def unreviewed_page_translation(request, page):
    return _editor_says_why(request, page)


@hooks.register("before_edit_snippet", order=-1)
def unreviewed_snippet_translation(request, instance):
    return _editor_says_why(request, instance)


def install() -> None:
    """Wrap once: the target's save, the publish check, the segment note and the
    machine-translate view (before the admin's URLs are built)."""
    from wagtail.admin import auth
    from wagtail_localize.models import StringTranslation, Translation
    from wagtail_localize.views import edit_translation

    if _originals:
        return
    _originals["save_target"] = Translation.save_target
    Translation.save_target = save_target
    _originals["execute"] = PublishRevisionAction.execute
    PublishRevisionAction.execute = execute_publish
    _originals["get_comment"] = StringTranslation.get_comment
    StringTranslation.get_comment = machine_comment
    auth.permission_denied = say_why_not_published(auth.permission_denied)
    edit_translation.machine_translate = answer_unreachable_translator(
        edit_translation.machine_translate
    )
