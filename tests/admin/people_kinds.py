"""The people who joined a chapter, and those registered for its events, as the
permission matrix acts on them: listed (the admin's list and its CSV export),
inspected, deleted. Nobody adds or edits them in the admin: people join, sign up
and change themselves (chapters/supporters, chapters/registrations)."""

import datetime

from django.urls import reverse
from django.utils import timezone

from chapters.models import Chapter, ChapterHomePage, EventPage, Registration, Supporter
from tests.admin.permission_kinds import ADMIN, CANARY, Kind, Target, body
from tests.pages import add_event


class SupporterKind(Kind):
    actions = ("list", "view", "delete")

    def make(self, chapter_title: str) -> Target:
        title = f"{CANARY} {chapter_title} person"
        instance = Supporter.objects.create(
            chapter=Chapter.objects.get(home__title=chapter_title),
            name=title,
            email=f"canary-{chapter_title.lower()}@example.org",
            language="en",
            consent_wording="I agree.",
            consented_at=timezone.now(),
            confirmed_at=timezone.now(),
        )
        return Target(instance, title)

    def list(self, client, superuser, target):
        """Listed, and in the CSV export with their email address."""
        url = reverse("supporters:index")
        listed = target.title in body(client.get(url, headers=ADMIN))
        export = client.get(url, {"export": "csv"}, headers=ADMIN)
        exported = export.status_code == 200 and target.instance.email in b"".join(
            export.streaming_content
        ).decode("utf-8-sig")
        assert listed == exported, "the list and its export disagree"
        return listed

    def view(self, client, superuser, target):
        url = reverse("supporters:inspect", args=[target.instance.pk])
        return target.instance.email in body(client.get(url, headers=ADMIN))

    def delete(self, client, superuser, target):
        client.post(reverse("supporters:delete", args=[target.instance.pk]), headers=ADMIN)
        return not Supporter.objects.filter(pk=target.instance.pk).exists()


class RegistrationKind(Kind):
    actions = ("list", "view", "delete")

    def make(self, chapter_title: str) -> Target:
        home = ChapterHomePage.objects.get(title=chapter_title)
        event = EventPage.objects.descendant_of(home).first() or add_event(
            home,
            f"{chapter_title} supper",
            start_date=timezone.now().date() + datetime.timedelta(days=9),
            takes_registrations=True,
        )
        title = f"{CANARY} {chapter_title} registrant"
        instance = Registration.objects.create(
            event=event,
            chapter=Chapter.objects.get(home=home),
            name=title,
            email=f"canary-{chapter_title.lower()}-registrant@example.org",
            status=Registration.REGISTERED,
            language="en",
        )
        return Target(instance, title)

    def list(self, client, superuser, target):
        """Listed, and in the CSV export with their email address."""
        url = reverse("registrations:index")
        listed = target.title in body(client.get(url, headers=ADMIN))
        export = client.get(url, {"export": "csv"}, headers=ADMIN)
        exported = export.status_code == 200 and target.instance.email in b"".join(
            export.streaming_content
        ).decode("utf-8-sig")
        assert listed == exported, "the list and its export disagree"
        return listed

    def view(self, client, superuser, target):
        url = reverse("registrations:inspect", args=[target.instance.pk])
        return target.instance.email in body(client.get(url, headers=ADMIN))

    def delete(self, client, superuser, target):
        client.post(reverse("registrations:delete", args=[target.instance.pk]), headers=ADMIN)
        return not Registration.objects.filter(pk=target.instance.pk).exists()


SUPPORTER = SupporterKind()
REGISTRATION = RegistrationKind()
PEOPLE_KINDS = {
    "own chapter person": (SUPPORTER, lambda n: SUPPORTER.make("Riverside")),
    "other chapter person": (SUPPORTER, lambda n: SUPPORTER.make("Hilltop")),
    "own chapter registration": (REGISTRATION, lambda n: REGISTRATION.make("Riverside")),
    "other chapter registration": (REGISTRATION, lambda n: REGISTRATION.make("Hilltop")),
}
