"""Event pages and the calendar page that lists them."""

import zoneinfo
from datetime import UTC, datetime, time, timedelta
from functools import cache

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from civic_wagtail.conf import civic_settings
from civic_wagtail.models import ClassifiedMixin

from .. import recurrence


@cache
def _all_zones():
    return sorted(zoneinfo.available_timezones())


def time_zone_choices():
    zones = civic_settings.EVENTS_TIME_ZONES or _all_zones()
    return [(z, z.replace("_", " ")) for z in zones]


def default_time_zone():
    return civic_settings.EVENTS_DEFAULT_TIME_ZONE


def validate_time_zone(value):
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            _("“%(zone)s” is not a time zone. Choose one such as Europe/Paris."),
            params={"zone": value},
        ) from exc


class EventType(models.TextChoices):
    WEBINAR = "webinar", _("Webinar")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    MEETUP = "meetup", _("Meetup")
    TRAINING = "training", _("Training")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")


class EventStatus(models.TextChoices):
    CONFIRMED = "CONFIRMED", _("Confirmed")
    TENTATIVE = "TENTATIVE", _("Tentative")
    CANCELLED = "CANCELLED", _("Cancelled")


class Repeat(models.TextChoices):
    NONE = recurrence.NONE, _("Does not repeat")
    DAILY = recurrence.DAILY, _("Every N days")
    WEEKLY = recurrence.WEEKLY, _("Every N weeks, on the days ticked")
    MONTHLY = recurrence.MONTHLY, _("Every N months, on the nth weekday ticked")


WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
POSITION_CHOICES = [
    ("1", _("First")),
    ("2", _("Second")),
    ("3", _("Third")),
    ("4", _("Fourth")),
    ("-1", _("Last")),
]


class EventPageForm(WagtailAdminPageForm):
    """Ticks for weekdays and positions, stored as JSON lists on the page."""

    repeat_weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    repeat_positions = forms.TypedMultipleChoiceField(
        label=_("which weeks of the month"),
        choices=POSITION_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Monthly only: e.g. First and Third with Monday ticked."),
    )
    time_zone = forms.ChoiceField(label=_("time zone"), choices=time_zone_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.repeat_positions:
            self.initial["repeat_positions"] = [str(p) for p in self.instance.repeat_positions]


class EventPage(RoutablePageMixin, ClassifiedMixin, Page):
    """A webinar, workshop, conference, meetup or training, possibly repeating."""

    event_type = models.CharField(_("type"), max_length=20, choices=EventType.choices)
    event_format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.CONFIRMED,
        help_text=_("A cancelled event stays in subscribers' calendars, marked as cancelled."),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_date = models.DateField(_("end date"))
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_time_zone],
        default=default_time_zone,
        help_text=_("Where the event happens, or where its host is."),
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    join_url = models.URLField(_("online join link"), blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    #: Members who speak at the event, chosen by editors: shown on the event page and, as
    #: "Events they spoke at", on each speaker's public profile.
    speakers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("speakers"),
        blank=True,
        related_name="civic_events_spoken_at",
        limit_choices_to={"is_active": True},
        help_text=_("Members who speak at this event. Their public profiles list it."),
    )

    repeat = models.CharField(
        _("repeats"), max_length=10, choices=Repeat.choices, default=Repeat.NONE, blank=True
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1 = every week (or day, month); 2 = every other.")
    )
    repeat_weekdays = models.JSONField(_("on these days"), default=list, blank=True)
    repeat_positions = models.JSONField(_("which weeks of the month"), default=list, blank=True)
    repeat_until = models.DateField(_("until (inclusive)"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(_("number of times"), null=True, blank=True)

    #: First start and last end in UTC, for ordering and "upcoming"/"past" (None = forever).
    first_start_utc = models.DateTimeField(null=True, editable=False, db_index=True)
    last_end_utc = models.DateTimeField(null=True, editable=False, db_index=True)

    base_form_class = EventPageForm
    parent_page_types = ["civic_wagtail_events.EventIndexPage"]
    subpage_types = []
    template = "civic_wagtail/events/event_page.html"

    content_panels = Page.content_panels + [
        FieldRowPanel(
            [FieldPanel("event_type"), FieldPanel("event_format"), FieldPanel("status")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("time_zone")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("repeat_interval"),
                FieldPanel("repeat_weekdays"),
                FieldPanel("repeat_positions"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                InlinePanel("occurrence_changes", label=_("Skipped, cancelled or moved dates")),
            ],
            heading=_("Repeats"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("join_url"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
                FieldPanel("organiser"),
            ],
            heading=_("Where and how to attend"),
        ),
        FieldPanel("description"),
        FieldPanel("speakers"),
        MultiFieldPanel(ClassifiedMixin.taxonomy_panels, heading=_("Classification")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.FilterField("event_type"),
        index.FilterField("event_format"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("venue"),
        TranslatableField("address"),
        TranslatableField("organiser"),
        *(
            SynchronizedField(name)
            for name in (
                "event_type",
                "event_format",
                "status",
                "start_date",
                "start_time",
                "end_date",
                "end_time",
                "all_day",
                "time_zone",
                "join_url",
                "registration_url",
                "capacity",
                "repeat",
                "repeat_interval",
                "repeat_weekdays",
                "repeat_positions",
                "repeat_until",
                "repeat_count",
                "occurrence_changes",
                "topics",
                "government_levels",
                "regions",
                "organisation_types",
                "speakers",
            )
        ),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # --- time -------------------------------------------------------------------------

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        """Naive wall-clock start (midnight for all-day events)."""
        return datetime.combine(self.start_date, time() if self.all_day else self.start_time)

    @property
    def local_end(self):
        """Naive wall-clock end; for all-day events the midnight after the last day."""
        if self.all_day:
            return datetime.combine(self.end_date + timedelta(days=1), time())
        return datetime.combine(self.end_date, self.end_time)

    @property
    def start(self):
        return recurrence.localize(self.local_start, self.tz)

    @property
    def end(self):
        return recurrence.localize(self.local_end, self.tz)

    @property
    def rule(self):
        if not self.repeat:
            return None
        return recurrence.Rule(
            frequency=self.repeat,
            interval=self.repeat_interval or 1,
            weekdays=tuple(self.repeat_weekdays or ()),
            positions=tuple(int(p) for p in self.repeat_positions or ()),
            until=self.repeat_until,
            count=self.repeat_count,
        )

    def change_map(self, changes=None):
        """``{local date: (action, new local start, new local end)}`` for :func:`expand`."""
        result = {}
        for change in self.occurrence_changes.all() if changes is None else changes:
            new_start = new_end = None
            if change.action == OccurrenceChange.Action.MOVE:
                new_start = datetime.combine(change.new_date, change.new_start_time)
                new_end = datetime.combine(change.new_date, change.new_end_time)
            result[change.original_date] = (change.action, new_start, new_end)
        return result

    def occurrences(self, window=None, limit=None):
        """Occurrences of this event (aware, in its zone), optionally within ``window``."""
        return recurrence.expand(
            self.local_start,
            self.local_end,
            self.time_zone,
            self.rule,
            self.change_map(),
            window=window,
            limit=limit or civic_settings.EVENTS_MAX_OCCURRENCES,
        )

    def next_occurrence(self, now):
        found = self.occurrences(window=(now, now + timedelta(days=3660)), limit=50)
        return found[0] if found else None

    # --- validation and bookkeeping ----------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.time_zone:
            try:
                validate_time_zone(self.time_zone)
            except ValidationError as exc:
                errors["time_zone"] = exc
        if not self.all_day and (self.start_time is None or self.end_time is None):
            if self.start_time is None:
                errors["start_time"] = _("Give a start time, or tick “all day”.")
            if self.end_time is None:
                errors["end_time"] = _("Give an end time, or tick “all day”.")
        elif self.start_date and self.end_date and "time_zone" not in errors:
            if self.all_day and self.end_date < self.start_date:
                errors["end_date"] = _("The last day cannot be before the first day.")
            elif not self.all_day and self.local_end <= self.local_start:
                errors["end_time"] = _("The event must end after it starts.")
        if self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID):
            if not (self.join_url or self.registration_url):
                errors["join_url"] = _(
                    "An online or hybrid event needs a join link or a registration link."
                )
        if self.repeat:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("End the series by a date or a number, not both.")
            if self.repeat_until and self.start_date and self.repeat_until < self.start_date:
                errors["repeat_until"] = _("The series cannot end before the first date.")
            monthly = self.repeat == Repeat.MONTHLY
            if monthly and self.repeat_positions and not self.repeat_weekdays:
                errors["repeat_weekdays"] = _("Tick the weekday, e.g. Monday for “first Monday”.")
            if not errors and self.start_date and (self.all_day or self.start_time):
                message = self.out_of_step_message()
                if message:
                    errors["start_date"] = message
        if errors:
            raise ValidationError(errors)

    def out_of_step_message(self):
        """Why the first date does not fit the repeat pattern, or ``None`` when it does.

        Calendar clients disagree about a series whose first date its rule does not produce
        (RFC 5545 leaves it undefined), so such a series is never published.
        """
        nearest = recurrence.out_of_step(self.rule, self.local_start)
        if nearest is None:
            return None
        dates = [date_format(day, "l j F Y") for day in nearest if day is not None]
        return _(
            "The first date must be one of the dates the series repeats on. Start on "
            "%(dates)s, or change the repeat pattern."
        ) % {"dates": _(" or ").join(dates)}

    def save(self, *args, **kwargs):
        self.update_span()
        return super().save(*args, **kwargs)

    def update_span(self):
        if not (self.start_date and self.end_date and self.time_zone):
            return
        if self.all_day or (self.start_time and self.end_time):
            self.first_start_utc = self.start.astimezone(UTC)
            rule = self.rule
            if rule is None:
                self.last_end_utc = self.end.astimezone(UTC)
            elif rule.until is None and not rule.count:
                self.last_end_utc = None
            else:
                found = recurrence.expand(
                    self.local_start, self.local_end, self.time_zone, rule, limit=100_000
                )
                self.last_end_utc = max((o.end for o in found), default=self.end).astimezone(UTC)

    @property
    def uid(self):
        """Stable for the life of the event: its translation key, never its URL or slug."""
        return f"{self.translation_key}@{civic_settings.EVENTS_UID_DOMAIN}"

    def get_cached_paths(self):
        return ["/", "/ical/"]

    @path("ical/", name="ics")
    def ics(self, request):
        from ..feeds import SingleEventFeed

        return SingleEventFeed()(request, page=self)

    def get_context(self, request, *args, **kwargs):
        from ..listing import event_context
        from ..speakers import speaker_profiles

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        context["speakers"] = speaker_profiles(self)
        return context


class OccurrenceChange(Orderable):
    """One date of a series skipped (EXDATE), cancelled or moved (an override VEVENT)."""

    class Action(models.TextChoices):
        EXCLUDE = "exclude", _("Skip this date (no event that day)")
        CANCEL = "cancel", _("Cancel this date (subscribers see it cancelled)")
        MOVE = "move", _("Move this date")

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrence_changes")
    original_date = models.DateField(_("date in the series"))
    action = models.CharField(_("change"), max_length=10, choices=Action.choices)
    new_date = models.DateField(_("new date"), null=True, blank=True)
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("action")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("changed date")

    def clean(self):
        super().clean()
        if self.action == self.Action.MOVE:
            missing = {
                name: _("A moved date needs its new date, start and end time.")
                for name in ("new_date", "new_start_time", "new_end_time")
                if getattr(self, name) is None
            }
            if missing:
                raise ValidationError(missing)
            if self.new_end_time <= self.new_start_time:
                raise ValidationError({"new_end_time": _("The end must be after the start.")})


class EventIndexPage(RoutablePageMixin, Page):
    """The calendar: upcoming list, month view, past events, filters and iCal feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    subpage_types = ["civic_wagtail_events.EventPage"]
    template = "civic_wagtail/events/event_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("title"), TranslatableField("intro")]

    class Meta:
        verbose_name = _("calendar page")
        verbose_name_plural = _("calendar pages")

    def get_cached_paths(self):
        return ["/", "/feed/"]

    @path("feed/", name="feed")
    def feed(self, request):
        from ..feeds import CalendarPageFeed

        return CalendarPageFeed()(request, page=self)

    @path("")
    def listing(self, request):
        from ..listing import calendar_context

        return self.render(request, context_overrides=calendar_context(self, request))
