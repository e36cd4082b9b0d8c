"""Events: entered and shown in the event's own zone, right across DST; iCalendar feeds."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.utils import timezone

from chapters.models import NetworkEventsPage
from tests.conftest import HILLTOP_HOST, RIVERSIDE_HOST
from tests.pages import add_event, publish, translate

pytestmark = pytest.mark.django_db
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def get(client, path, host=RIVERSIDE_HOST):
    return client.get(path, headers={"host": host})


def test_times_are_stored_aware_and_follow_daylight_saving(network):
    summer = add_event(
        network.riverside,
        "Summer meeting",
        start_date=datetime.date(2026, 7, 9),
        start_time=datetime.time(19, 0),
    )
    winter = add_event(
        network.riverside,
        "Winter meeting",
        start_date=datetime.date(2026, 12, 10),
        start_time=datetime.time(19, 0),
    )
    assert summer.starts_at == datetime.datetime(2026, 7, 9, 23, 0, tzinfo=datetime.UTC)
    assert winter.starts_at == datetime.datetime(2026, 12, 11, 0, 0, tzinfo=datetime.UTC)


def test_event_page_shows_local_time_with_zone_name(client, network):
    event = add_event(
        network.riverside,
        "Summer meeting",
        start_date=datetime.date(2026, 7, 9),
        start_time=datetime.time(19, 0),
        venue="Eastside Library",
        accessibility=["asl", "childcare"],
        accessibility_notes="Ramp at the back.",
    )
    text = get(client, f"/en/events/{event.slug}/").text
    assert "Thursday 9 July 2026, 7:00 PM EDT" in text
    assert "ASL interpretation" in text and "Childcare" in text
    assert '"@type": "Event"' in text and '"startDate": "2026-07-09T19:00:00-04:00"' in text


def test_event_across_the_dst_change_ends_at_the_right_hour(network):
    # US daylight saving ends on 1 November 2026: the clocks go back an hour overnight.
    retreat = add_event(
        network.riverside,
        "Weekend retreat",
        start_date=datetime.date(2026, 10, 31),
        start_time=datetime.time(9, 0),
        end_date=datetime.date(2026, 11, 1),
        end_time=datetime.time(17, 0),
    )
    assert retreat.local_start().utcoffset() == datetime.timedelta(hours=-4)
    assert retreat.local_end().utcoffset() == datetime.timedelta(hours=-5)
    retreat.refresh_from_db()  # read back what the database stores, in UTC
    assert retreat.ends_at - retreat.starts_at == datetime.timedelta(hours=33)


def test_index_lists_upcoming_first_and_past_on_request(client, network):
    today = timezone.localdate()
    add_event(network.riverside, "Later", start_date=today + datetime.timedelta(days=20))
    add_event(network.riverside, "Sooner", start_date=today + datetime.timedelta(days=3))
    add_event(network.riverside, "Last month", start_date=today - datetime.timedelta(days=30))
    add_event(
        network.riverside, "Draft event", start_date=today + datetime.timedelta(days=5), live=False
    )

    def titles(query):
        return [e.title for e in get(client, f"/en/events/{query}").context["events"]]

    assert titles("") == ["Sooner", "Later"]
    assert titles("?when=past") == ["Last month"]


def test_index_filters_by_right(client, network):
    from home.models import Right

    housing = Right.objects.get(slug="housing")
    soon = timezone.localdate() + datetime.timedelta(days=2)
    add_event(network.riverside, "Tenant clinic", start_date=soon, rights=[housing])
    add_event(network.riverside, "Potluck", start_date=soon)
    events = get(client, "/en/events/?right=housing").context["events"]
    assert [e.title for e in events] == ["Tenant clinic"]


def parse_calendar(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_chapter_calendar_feed_parses_with_times_and_zones(client, network):
    add_event(
        network.riverside,
        "Summer meeting",
        start_date=datetime.date(2026, 7, 9),
        start_time=datetime.time(19, 0),
    )
    add_event(
        network.riverside,
        "Day of action",
        start_date=datetime.date(2026, 8, 1),
        start_time=None,
        all_day=True,
    )
    add_event(network.riverside, "Hidden draft", start_date=datetime.date(2026, 8, 2), live=False)
    add_event(network.hilltop, "Hilltop supper", start_date=datetime.date(2026, 8, 3))

    calendar = parse_calendar(get(client, "/en/events/feed.ics"))
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Summer meeting", "Day of action"}
    start = events["Summer meeting"].decoded("DTSTART")
    assert start == datetime.datetime(2026, 7, 9, 19, 0, tzinfo=NEW_YORK)
    assert str(start.tzinfo) == "America/New_York"
    assert events["Day of action"].decoded("DTSTART") == datetime.date(2026, 8, 1)
    assert events["Day of action"].decoded("DTEND") == datetime.date(2026, 8, 2)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_single_event_calendar_file(client, network):
    event = add_event(network.riverside, "Summer meeting", start_date=datetime.date(2026, 7, 9))
    response = get(client, f"/en/events/{event.slug}/event.ics")
    (vevent,) = parse_calendar(response).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Summer meeting"
    assert str(vevent["URL"]) == "http://riverside.localhost/en/events/summer-meeting/"
    page = get(client, f"/en/events/{event.slug}/")
    assert 'href="/en/events/summer-meeting/event.ics"' in page.text


def test_calendar_of_another_chapter_is_not_reachable(client, network):
    event = add_event(network.riverside, "Summer meeting", start_date=datetime.date(2026, 7, 9))
    assert get(client, f"/en/events/{event.slug}/event.ics", host=HILLTOP_HOST).status_code == 404
    draft = add_event(network.riverside, "Draft", start_date=datetime.date(2026, 7, 9), live=False)
    assert get(client, f"/en/events/{draft.slug}/event.ics").status_code == 404


def test_end_before_start_is_refused(network):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        add_event(
            network.riverside,
            "Backwards",
            start_date=datetime.date(2026, 7, 9),
            start_time=datetime.time(19, 0),
            end_time=datetime.time(17, 0),
        )
    assert "end_time" in error.value.message_dict


def test_an_event_has_one_uid_in_every_feed_and_language(client, network):
    """A calendar subscribed to the chapter's and the network's feeds shows an event once:
    its own file, both feeds and its Spanish translation give it the same UID."""
    publish(network.alliance, NetworkEventsPage(title="Events", slug="events"))
    event = add_event(network.riverside, "Tenants assembly", start_date=datetime.date(2030, 5, 1))
    spanish = translate(event, title="Asamblea de inquilinos", slug="asamblea-de-inquilinos")

    def uids(path, host=RIVERSIDE_HOST):
        response = get(client, path, host=host)
        assert response.status_code == 200, path
        return {str(e["SUMMARY"]): str(e["UID"]) for e in parse_calendar(response).walk("VEVENT")}

    chapter_feed = uids("/en/events/feed.ics")["Tenants assembly"]
    assert uids("/en/events/tenants-assembly/event.ics") == {"Tenants assembly": chapter_feed}
    assert uids("/en/events/feed.ics", host="localhost")["Tenants assembly"] == chapter_feed
    assert uids("/es/events/feed.ics")[spanish.title] == chapter_feed
    assert str(event.translation_key) in chapter_feed
