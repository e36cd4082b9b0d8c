"""Publishing a translation follows the page's workflow, whatever screen asks for it.

wagtail-localize saves every translated page or draftable snippet in one place,
`TranslationSource.create_or_update_translation`, and publishes there with no
user (so Wagtail checks no permission): its "Translate" (submit), "Sync
translated pages" with "Publish immediately", the translation editor's
"Publish in …" and the page-subtree task all pass through it, and most of them
check only `submit_translation`. The rule sits on that method:

- a translation created by this call (or an alias made a page of its own)
  starts as a draft, for everyone: a translation of a live page is not yet
  translated and must not go live by being started;
- an existing translation is published only for someone who may publish that
  very page (a chapter moderator on their chapter's pages in any language);
- anyone else who asks to publish it submits it to the page's workflow
  instead, so its moderators are notified as for any page.

The screens are the second line: the translation editor refuses "publish" to
people who may not publish (wagtail-localize's own check) and offers them
"Submit for moderation" (`home/translation/admin.py`); converting a page back
to an alias, which mirrors the original's live state at once, needs publish
rights there.
"""

from django.utils.text import slugify
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail.snippets.permissions import get_permission_name

_create_or_update_translation = None


def may_publish(user, instance) -> bool:
    """Whether `user` may publish this page or draftable snippet themselves."""
    if user is None or not user.is_authenticated:
        return False
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))


def submit_for_moderation(instance, user) -> WorkflowState | None:
    """Put the instance's latest revision into its workflow (its moderators are
    notified); resume a workflow that asked for changes. Approval publishes the
    latest revision, so a workflow already in progress carries this one too."""
    workflow = instance.get_workflow()
    if workflow is None or not workflow.active:
        return None
    state = instance.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        return state
    return workflow.start(instance, user)


def _existing_translation(source, locale):
    try:
        return source.get_translated_instance(locale)
    except source.specific_content_type.model_class().DoesNotExist:
        return None


def _draft_of_live_translation(source, locale, user, fallback):
    """A new revision of a live translation, leaving what the public reads as it is.

    wagtail-localize saves the translated content onto the page's row before it
    decides whether to publish, and a live page's row is its public content;
    Wagtail's own editor saves only a revision in that case, and so does this."""
    from wagtail_localize.models import TranslationLog

    translation = source.get_ephemeral_translated_instance(locale, fallback=fallback)
    if isinstance(translation, Page):
        # A translated slug ("vivienda digna", or a machine's "[es] …") made valid, as
        # wagtail-localize's own save does; Wagtail refuses the revision otherwise.
        translation.slug = find_available_slug(
            translation.get_parent(), slugify(translation.slug), ignore_page_id=translation.pk
        )
    revision = translation.save_revision(user=user)
    if isinstance(translation, Page):
        source.sync_view_restrictions(source.as_instance(), translation)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return translation, False


def create_or_update_translation(
    self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
):
    """wagtail-localize's own method, with publishing decided by the rules above."""
    if not issubclass(self.specific_content_type.model_class(), DraftStateMixin):
        return _create_or_update_translation(
            self, locale, user, publish, copy_parent_pages, fallback
        )
    existing = _existing_translation(self, locale)
    if existing is not None and getattr(existing, "alias_of_id", None) and existing.live:
        # A live alias becomes a page of its own with the content it showed; the
        # translation is then a draft of it, like any other change to a live page.
        ConvertAliasPageAction(existing, user=user).execute(skip_permission_checks=True)
        existing = _existing_translation(self, locale)
        new = True
    else:
        new = existing is None or getattr(existing, "alias_of_id", None) is not None
    allowed = publish and not new and may_publish(user, existing)
    if existing is not None and existing.live and not allowed:
        result = _draft_of_live_translation(self, locale, user, fallback)
    else:
        result = _create_or_update_translation(
            self, locale, user, allowed, copy_parent_pages, fallback
        )
    if publish and not new and not allowed:
        submit_for_moderation(result[0], user)
    return result


def install() -> None:
    """Route wagtail-localize's save of every translation through the rules above."""
    global _create_or_update_translation
    from wagtail_localize.models import TranslationSource

    if _create_or_update_translation is None:
        _create_or_update_translation = TranslationSource.create_or_update_translation
        TranslationSource.create_or_update_translation = create_or_update_translation
