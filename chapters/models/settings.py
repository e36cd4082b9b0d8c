from django.core.validators import RegexValidator
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

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


@register_setting(icon="site")
class ChapterSettings(BaseSiteSetting):
    """What each site (a chapter, or the Alliance) configures about itself."""

    select_related = ["logo"]

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
        default="#1d5c8c",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour like #1d5c8c.")],
        help_text="A colour like #1d5c8c, used for the stripe at the top of every page.",
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

    panels = [
        FieldPanel("logo"),
        FieldPanel("accent_colour"),
        FieldPanel("contact_email"),
        FieldPanel("social_links"),
        FieldPanel("time_zone"),
        FieldPanel("support_resources"),
    ]

    class Meta:
        verbose_name = "chapter settings"
