import datetime
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from chapters.content.rights import RightsAndPrinciplesMixin, right_filter
from chapters.content.sections import (
    ChapterContentPage,
    ChapterSectionPage,
    edit_tabs,
    paginate,
    public_children,
)
from chapters.events.ical import calendar_response
from chapters.register.settings import TIME_ZONES, ChapterSettings
from home.forms import NetworkPageForm
from home.locales import language_of

ACCESSIBILITY = [
    ("asl", _("ASL interpretation")),
    ("captioning", _("Live captioning")),
    ("step_free", _("Step-free access")),
    ("childcare", _("Childcare")),
    ("interpretation", _("Language interpretation")),
    ("quiet_room", _("Quiet room")),
]


class EventForm(NetworkPageForm):
    accessibility = forms.MultipleChoiceField(
        choices=ACCESSIBILITY,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="What the organizers have arranged so everyone can take part.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and self.parent_page is not None and not self.is_bound:
            # A new event starts in its chapter's time zone, not the model default.
            site = self.parent_page.get_site()
            if site is not None:
                self.initial["time_zone"] = ChapterSettings.for_site(site).time_zone


class EventIndexPage(ChapterSectionPage):
    """The chapter's events: upcoming first, past ones browsable; iCal feed at feed.ics."""

    subpage_types = ["chapters.EventPage"]

    def events(self):
        return public_children(self, EventPage)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        show_past = request.GET.get("when") == "past"
        events, right_context = right_filter(request, self.events())
        if show_past:
            events = events.filter(ends_at__lt=now).order_by("-starts_at")
        else:
            events = events.filter(ends_at__gte=now).order_by("starts_at")
        context.update(
            events=paginate(request, events),
            show_past=show_past,
            **right_context,
        )
        return context

    def ical_feed(self, request):
        events = self.events().order_by("starts_at")
        name = f"{self.get_parent().title}: {self.title}"
        return calendar_response(events, request, name, "events.ics")


class EventPage(RightsAndPrinciplesMixin, ChapterContentPage):
    """An event of the chapter, entered and shown in its own time zone."""

    start_date = models.DateField()
    start_time = models.TimeField(
        null=True, blank=True, help_text="Leave empty for an all-day event."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="Only if it ends on a later day than it starts."
    )
    end_time = models.TimeField(null=True, blank=True)
    all_day = models.BooleanField(default=False)
    time_zone = models.CharField(
        max_length=40,
        choices=TIME_ZONES,
        default="America/New_York",
        help_text="The times above are in this zone; visitors see them in it, with its name.",
    )
    # Derived from the fields above on every save, so listings and feeds can
    # sort and filter in SQL.
    starts_at = models.DateTimeField(editable=False, db_index=True)
    ends_at = models.DateTimeField(editable=False, db_index=True)

    venue = models.CharField(max_length=200, blank=True, help_text="e.g. 'Eastside Library'.")
    address = models.CharField(max_length=255, blank=True)
    online_url = models.URLField(blank=True, help_text="A link to join online, if it is online.")
    registration_url = models.URLField(
        blank=True, help_text="Where to sign up elsewhere, if people must and not here."
    )
    # Registration on the chapter's own site (chapters/registrations).
    takes_registrations = models.BooleanField(
        "take registrations here",
        default=False,
        help_text="People sign up on this page; you see who comes under Registrations.",
    )
    capacity = models.PositiveIntegerField(
        "places",
        null=True,
        blank=True,
        help_text="Leave empty for no limit. When it is full, people join a waiting "
        "list and get a place, in order, when someone cancels.",
    )
    cancelled = models.BooleanField(
        "this event is cancelled",
        default=False,
        help_text="Publishing tells everyone registered, and closes registration.",
    )
    cost = models.CharField(max_length=100, blank=True, default="Free")
    languages = models.CharField(
        max_length=200, blank=True, help_text="Languages spoken, e.g. 'English, Spanish'."
    )
    accessibility = models.JSONField(default=list, blank=True)
    accessibility_notes = models.TextField(
        blank=True,
        help_text="Anything else people need to know to take part: parking, transit, "
        "food, whom to ask for an accommodation.",
    )
    organizer = models.CharField(max_length=200, blank=True)
    related_principles = None  # an event is tagged with rights only

    parent_page_types = ["chapters.EventIndexPage"]
    subpage_types: list[str] = []
    base_form_class = EventForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("time_zone")]),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("online_url")],
            heading="Where",
        ),
        FieldPanel("body"),
    ]
    detail_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("takes_registrations"), FieldPanel("capacity")]),
                FieldPanel("cancelled"),
            ],
            heading="Registration",
        ),
        FieldRowPanel([FieldPanel("cost"), FieldPanel("registration_url")]),
        FieldPanel("languages"),
        FieldPanel("accessibility", heading="Accessibility"),
        FieldPanel("accessibility_notes"),
        FieldPanel("organizer"),
        RightsAndPrinciplesMixin.rights_panel,
    ]
    edit_handler = edit_tabs(("Event", content_panels), ("Access and details", detail_panels))
    search_fields = ChapterContentPage.search_fields + [
        index.SearchField("venue"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = "event"
        # The network's next events are read in this order and cut to a page (see
        # StoryPage's index).
        indexes = [models.Index(fields=["starts_at", "page_ptr"], name="event_starts_pk")]

    # --- times ----------------------------------------------------------------
    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def _compute_times(self) -> tuple[datetime.datetime, datetime.datetime]:
        end_date = self.end_date or self.start_date
        if self.all_day or self.start_time is None:
            start = datetime.datetime.combine(self.start_date, datetime.time(), self.zone)
            end = datetime.datetime.combine(
                end_date + datetime.timedelta(days=1), datetime.time(), self.zone
            )
        else:
            start = datetime.datetime.combine(self.start_date, self.start_time, self.zone)
            end_time = self.end_time or self.start_time
            end = datetime.datetime.combine(end_date, end_time, self.zone)
        return start, end

    def clean(self):
        super().clean()
        errors = {}
        if not self.all_day and self.start_time is None:
            errors["start_time"] = "Give a start time, or tick 'all day'."
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The event cannot end before it starts."
        elif self.start_date and not errors:
            start, end = self._compute_times()
            if end < start:
                errors["end_time"] = "The event cannot end before it starts."
        if self.takes_registrations and self.registration_url:
            errors["registration_url"] = (
                "People register either here or at this address: empty it, or untick "
                "'take registrations here'."
            )
        if self.capacity == 0:
            errors["capacity"] = "Give at least one place, or leave it empty for no limit."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.all_day = self.all_day or self.start_time is None
        self.starts_at, self.ends_at = self._compute_times()
        return super().save(*args, **kwargs)

    def local_start(self) -> datetime.datetime:
        return self.starts_at.astimezone(self.zone)

    def local_end(self) -> datetime.datetime:
        return self.ends_at.astimezone(self.zone)

    def has_ended(self) -> bool:
        return self.ends_at < timezone.now()

    def registration_is_open(self) -> bool:
        """People may sign up here: it takes registrations, goes ahead, has not ended."""
        return self.takes_registrations and not self.cancelled and not self.has_ended()

    def schedule(self) -> str:
        """What registered people are told about when it changes: when, where, whether."""
        # Moments as timestamps: the same instant reads the same from any zone.
        parts = [str(self.starts_at.timestamp()), str(self.ends_at.timestamp()), self.venue]
        parts += [self.address, self.online_url, "cancelled" if self.cancelled else ""]
        return "|".join(parts)

    def is_online(self) -> bool:
        return bool(self.online_url) and not self.venue

    def location_text(self) -> str:
        place = ", ".join(part for part in [self.venue, self.address] if part)
        return place or self.online_url

    def accessibility_labels(self) -> list[str]:
        labels = dict(ACCESSIBILITY)
        return [labels[key] for key in self.accessibility if key in labels]

    def structured_data(self) -> dict:
        """schema.org Event, for search engines and calendars."""
        online = "https://schema.org/OnlineEventAttendanceMode"
        offline = "https://schema.org/OfflineEventAttendanceMode"
        mixed = "https://schema.org/MixedEventAttendanceMode"
        locations = []
        if self.venue:
            locations.append({"@type": "Place", "name": self.venue, "address": self.address})
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        if self.all_day:
            start, end = self.start_date.isoformat(), (self.end_date or self.start_date).isoformat()
        else:
            start, end = self.local_start().isoformat(), self.local_end().isoformat()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "startDate": start,
            "endDate": end,
            "eventStatus": "https://schema.org/"
            + ("EventCancelled" if self.cancelled else "EventScheduled"),
            "eventAttendanceMode": (
                mixed if self.venue and self.online_url else online if self.online_url else offline
            ),
            "location": locations[0] if len(locations) == 1 else locations,
            "url": self.full_url,
            "inLanguage": language_of(self),
        }
        if self.organizer:
            data["organizer"] = {"@type": "Organization", "name": self.organizer}
        if self.share_image:
            data["image"] = self.share_image["url"]
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.tags_context())
        return context

    def ical(self, request):
        return calendar_response([self], request, self.title, f"{self.slug}.ics")
