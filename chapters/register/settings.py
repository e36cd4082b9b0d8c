from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from chapters.register.settings_translations import (
    UP_TO_DATE,
    record_digests,
    settings_translation_states,
)
from home.colours import DEFAULT_ACCENT, Palette, palette
from home.references import check_references
from home.translation.state import LABELS

TIME_ZONES = [
    ("America/New_York", "Eastern (New York)"),
    ("America/Chicago", "Central (Chicago)"),
    ("America/Denver", "Mountain (Denver)"),
    ("America/Phoenix", "Mountain, no DST (Phoenix)"),
    ("America/Los_Angeles", "Pacific (Los Angeles)"),
    ("America/Anchorage", "Alaska (Anchorage)"),
    ("Pacific/Honolulu", "Hawaii (Honolulu)"),
    ("America/Puerto_Rico", "Atlantic (Puerto Rico)"),
]


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=40, help_text="As readers know it, e.g. Instagram.")
    url = blocks.URLBlock(label="URL")

    class Meta:
        icon = "link"
        label = "Social link"


class ChapterSettingsForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The languages this site publishes in; the first checked is its default. "
        "Its language switcher offers only these, and other languages redirect to the default.",
    )

    def clean_languages(self):
        chosen = self.cleaned_data["languages"]
        # The network's default language first, if chosen: untranslated pages fall back to it.
        return sorted(chosen, key=lambda code: code != settings.LANGUAGE_CODE)


class SettingsTranslationBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=settings.LANGUAGES)
    contact_note = blocks.CharBlock(required=False, max_length=200)
    support_resources = blocks.RichTextBlock(required=False, features=["bold", "link", "ul"])

    class Meta:
        icon = "globe"
        label = "Translation"


class TranslationStatesPanel(Panel):
    """Above the translations: each of the site's languages, and whether its translation
    of the contact note and support resources is up to date, out of date or missing."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Translation state")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translation_states"

    class BoundPanel(Panel.BoundPanel):
        template_name = "chapters/admin/settings_translation_states.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            states = settings_translation_states(self.instance) if self.instance else {}
            names = dict(settings.LANGUAGES)
            context["states"] = [
                {
                    "code": code,
                    "name": names.get(code, code),
                    "state": state,
                    "label": LABELS[state],
                    "current": state == UP_TO_DATE,
                }
                for code, state in states.items()
            ]
            return context


@register_setting(icon="site")
class ChapterSettings(BaseSiteSetting):
    """What each site (a chapter, or the Alliance) configures about itself."""

    select_related = ["logo"]
    base_form_class = ChapterSettingsForm

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown in the site header. A wide image about 300 by 80 pixels works best.",
    )
    accent_colour = models.CharField(
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour like #1d5c8c.")],
        help_text="A colour like #1d5c8c: the stripe at the top of every page, and links, "
        "headings and buttons. Too light a colour to read is darkened for text until it "
        "meets WCAG AA contrast; the stripe keeps it as chosen.",
    )
    contact_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line for the public in the footer, e.g. 'We meet every second Tuesday.'",
    )
    contact_email = models.EmailField(
        blank=True, help_text="Where the public can write to the chapter."
    )
    time_zone = models.CharField(
        max_length=40,
        choices=TIME_ZONES,
        default="America/New_York",
        help_text="Event times are entered and shown in this zone.",
    )
    languages = models.JSONField(
        default=list,
        blank=True,
        help_text="The languages this site publishes in, its default first. "
        "Empty means every language of the network.",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        help_text="The chapter's pages elsewhere, listed in the site footer.",
    )
    support_resources = RichTextField(
        blank=True,
        features=["bold", "link", "ul"],
        help_text="Where a reader affected by difficult content can find support: "
        "local organizations, hotlines. Shown with every content warning.",
    )

    translations = StreamField(
        [("translation", SettingsTranslationBlock())],
        blank=True,
        help_text="The contact note and support resources in the site's other languages. "
        "Readers of a language without one here see the text above.",
    )
    # Per language, the digests of the source texts a translation was written against
    # and of the translation itself; kept by save() (chapters.register.settings_translations).
    translation_digests = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        FieldPanel("languages"),
        FieldPanel("logo"),
        FieldPanel("accent_colour"),
        FieldPanel("contact_email"),
        FieldPanel("social_links"),
        FieldPanel("time_zone"),
        FieldPanel("contact_note"),
        FieldPanel("support_resources"),
        TranslationStatesPanel(),
        FieldPanel("translations"),
    ]

    class Meta:
        verbose_name = "chapter settings"

    @property
    def accent(self) -> Palette:
        """The accent as the pages use it: as chosen for the stripe, readable for text."""
        return palette(self.accent_colour or DEFAULT_ACCENT)

    def save(self, *args, **kwargs):
        # Every path that saves settings records which source each translation follows.
        record_digests(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "translations" in update_fields:
            kwargs["update_fields"] = {*update_fields, "translation_digests"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        # The logo (and any file in the texts) only from the site's own chapter's
        # collections or the Alliance's shared media (chapters.files.rules).
        check_references(self)

    @property
    def localized(self) -> dict:
        """The contact note and support resources in the reader's language,
        falling back to the site's own text where there is no translation."""
        texts = {"contact_note": self.contact_note, "support_resources": self.support_resources}
        language = translation.get_language()
        for block in self.translations:
            if block.value["language"] == language:
                for name in texts:
                    value = block.value[name]
                    if value and str(value).strip():
                        texts[name] = value
        return texts

    @property
    def language_codes(self) -> list[str]:
        """The site's languages, default first: its choice, or every network language."""
        network = [code for code, _name in settings.LANGUAGES]
        chosen = [code for code in self.languages or [] if code in network]
        return chosen or network
