"""The moderators' consent screens: record or change consent, withdraw it, read the form.

Only the entry's chapter's moderators (and network admins) reach them: consent
records hold who gave consent, the narrator's real name and the signed
document. Every change is written to the audit log (Chapters → History).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from chapters.archive.access import may_manage_consent
from chapters.archive.consent import WithdrawalError, apply_consent, withdraw_consent
from chapters.archive.consent_records import ConsentRecord, consent_of, file_kind
from chapters.archive.models import ArchiveEntryPage
from chapters.files.file_safety import file_response_headers
from chapters.files.rules import consent_refusal


def entry_for(user, pk: int) -> ArchiveEntryPage:
    entry = get_object_or_404(ArchiveEntryPage, pk=pk)
    if not may_manage_consent(user, entry):
        raise PermissionDenied
    return entry


def record_for(user, pk: int) -> ConsentRecord:
    record = get_object_or_404(ConsentRecord.objects.select_related("entry"), pk=pk)
    if not may_manage_consent(user, record.entry):
        raise PermissionDenied
    return record


class ConsentForm(forms.ModelForm):
    class Meta:
        model = ConsentRecord
        fields = [
            "status",
            "scope",
            "given_by",
            "given_by_role",
            "narrator_real_name",
            "channel_web",
            "channel_feeds",
            "channel_api",
            "channel_print",
            "embargo_until",
            "valid_until",
            "consent_document",
            "notes",
        ]
        widgets = {
            "embargo_until": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "valid_until": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status == ConsentRecord.WITHDRAWN and (
            self.instance.pk is None or self.instance.status != ConsentRecord.WITHDRAWN
        ):
            raise forms.ValidationError(
                "Use “Withdraw consent”: it asks for the reason and takes the entry down "
                "everywhere at once."
            )
        return status

    def clean(self):
        cleaned = super().clean()
        embargo, until = cleaned.get("embargo_until"), cleaned.get("valid_until")
        if embargo and until and until <= embargo:
            self.add_error("valid_until", "Consent cannot end before the embargo does.")
        return cleaned


class ConsentAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.entry.pk]),
                "label": self.entry.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]


def _subject(entry, kind: str | None, media_id: int | None):
    """The file a record is about (None for the entry itself), which the entry must use."""
    if kind is None:
        return None
    model = {"image": get_image_model(), "document": get_document_model()}.get(kind)
    if model is None:
        raise Http404
    item = get_object_or_404(model, pk=media_id)
    if item not in entry.files():
        raise Http404
    return item


class ConsentView(ConsentAdminMixin, FormView):
    """Record or change the consent for an entry (or for one of its files)."""

    template_name = "chapters/admin/consent.html"
    form_class = ConsentForm

    def dispatch(self, request, *args, pk, kind=None, media_id=None, **kwargs):
        self.entry = entry_for(request.user, pk)
        self.subject = _subject(self.entry, kind, media_id)
        self.record = self.get_record()
        return super().dispatch(request, *args, **kwargs)

    def get_record(self):
        if self.subject is None:
            return consent_of(self.entry)
        return ConsentRecord.objects.about_entry(self.entry).for_file(self.subject).first()

    def get_page_title(self):
        about = ""
        if self.subject is not None:
            # A file this entry may not use may be another chapter's: its id, not its title.
            refused = consent_refusal(self.entry, self.subject)
            name = f"{file_kind(self.subject)} #{self.subject.pk}" if refused else None
            about = f"{name or '“' + self.subject.title + '”'} in "
        return f"Consent for {about}{self.entry.title}"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.record or self._new_record()
        return kwargs

    def _new_record(self):
        record = ConsentRecord(entry=self.entry)
        if self.subject is not None:
            setattr(record, file_kind(self.subject), self.subject)
        return record

    def get_context_data(self, **kwargs):
        files = []
        if self.subject is None:
            records = ConsentRecord.objects.about_entry(self.entry).exclude(
                image__isnull=True, document__isnull=True
            )
            by_file = {(r.image_id, r.document_id): r for r in records}
            for item in self.entry.files():
                kind = file_kind(item)
                key = (item.pk, None) if kind == "image" else (None, item.pk)
                refused = consent_refusal(self.entry, item)
                files.append(
                    {"item": item, "kind": kind, "record": by_file.get(key), "refused": refused}
                )
        refused = self.subject is not None and consent_refusal(self.entry, self.subject)
        return super().get_context_data(
            entry=self.entry,
            subject=self.subject,
            record=self.record,
            files=files,
            refused=refused or "",
            **kwargs,
        )

    def form_valid(self, form):
        record = form.save(commit=False)
        record.recorded_by = self.request.user
        record.save()
        apply_consent(self.entry)
        log(
            instance=self.entry,
            action="chapters.record_consent",
            user=self.request.user,
            data={
                "file": self.subject.title if self.subject else "",
                "status": record.status,
                "scope": record.scope,
                "channels": record.channels,
            },
        )
        messages.success(self.request, f"Consent recorded: {record.get_status_display()}.")
        return redirect("chapters_admin:consent", self.entry.pk)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Kept in the chapter's audit log. Say who asked and how, not the story.",
    )


class WithdrawView(ConsentAdminMixin, FormView):
    template_name = "chapters/admin/withdraw_consent.html"
    form_class = WithdrawForm

    def dispatch(self, request, *args, pk, **kwargs):
        self.record = record_for(request.user, pk)
        self.entry = self.record.entry
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Withdraw consent: {self.entry.title}"

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, entry=self.entry, **kwargs)

    def form_valid(self, form):
        try:
            withdraw_consent(self.record, form.cleaned_data["reason"], self.request.user)
        except WithdrawalError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            f"Consent withdrawn. “{self.entry.title}” is no longer shown anywhere; "
            "its content is kept.",
        )
        return redirect("chapters_admin:consent", self.entry.pk)


def consent_document(request, pk):
    """The signed consent form: only to the chapter's moderators, never cached."""
    record = record_for(request.user, pk)
    if not record.consent_document:
        raise Http404
    response = FileResponse(record.consent_document.open("rb"), as_attachment=True)
    file_response_headers(response)
    response["Cache-Control"] = "private, no-store"
    return response
