"""The entry editor's Consent tab: what the record says, and (for moderators) where to change it.

Consent is not a field of the page (see chapters/archive/consent_records.py), so this
panel only shows it. Editors see the status, scope, channels and dates; the
names of who gave consent and the narrator's real name are for moderators.
"""

from wagtail.admin.panels import Panel

from chapters.archive.access import may_manage_consent
from chapters.archive.consent_records import consent_of


class ConsentPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Consent")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "consent"

    class BoundPanel(Panel.BoundPanel):
        template_name = "chapters/admin/consent_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            entry = self.instance
            saved = bool(entry and entry.pk)
            context.update(
                saved=saved,
                record=consent_of(entry) if saved else None,
                can_manage=saved and may_manage_consent(self.request.user, entry),
                entry=entry,
            )
            return context
