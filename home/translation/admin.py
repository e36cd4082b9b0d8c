"""The translation editor's second line: who may publish, and how others finish.

The rule itself is on the data (`home.translation.publishing`). Here the admin
screens say it: someone who may not publish a translated page gets "Submit for
moderation" in the translation editor (wagtail-localize offers them no way to
finish at all), and "Convert to alias page" is refused and hidden for them,
since an alias mirrors the original's live state and content at once.
"""

import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from home.translation.publishing import may_publish, submit_for_moderation

SUBMIT = "localize-submit-for-moderation"


@hooks.register("before_edit_page", order=-1)
def submit_translation_for_moderation(request, page):
    """Before wagtail-localize's own hook: the editor's "Submit for moderation".

    Wagtail's edit view has already checked that the person may edit the page."""
    if request.method != "POST" or SUBMIT not in request.POST:
        return None
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return None
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(
            request,
            _("The translation has errors: fix them, then submit it again."),
        )
        return redirect(request.path)
    page = page.specific_class.objects.get(pk=page.pk)
    if submit_for_moderation(page, request.user) is None:
        messages.warning(request, _("Saved as a draft: this page has no moderation workflow."))
    else:
        messages.success(
            request,
            _("'%(title)s' has been submitted for moderation.")
            % {"title": page.get_admin_display_title()},
        )
    return redirect(request.path)


def guard_convert_to_alias(view):
    """Converting a translation back to an alias publishes the original's content
    there at once: only someone who may publish the page may do it."""

    @functools.wraps(view)
    def wrapped(request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_id)
        if not may_publish(request.user, page):
            raise PermissionDenied
        return view(request, page_id, *args, **kwargs)

    return wrapped


def install() -> None:
    """Wrap wagtail-localize's convert view and hide its menu item from people
    who may not publish. Runs before the admin's URLs are built."""
    from wagtail_localize import wagtail_hooks as localize_hooks
    from wagtail_localize.views import convert

    if not getattr(convert.convert_to_alias, "_publish_guarded", False):
        convert.convert_to_alias = guard_convert_to_alias(convert.convert_to_alias)
        convert.convert_to_alias._publish_guarded = True
        item = localize_hooks.ConvertToAliasPageActionMenuItem
        shown = item.is_shown

        def is_shown(self, context):
            # wagtail-localize's own test first: it rules out the create view.
            return shown(self, context) and (
                self.get_user_page_permissions_tester(context).can_publish()
            )

        item.is_shown = is_shown
