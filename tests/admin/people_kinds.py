"""The people who joined a chapter, as the permission matrix acts on them: listed (the
admin's list and its CSV export), inspected, deleted. Nobody adds or edits a person
in the admin: people join and change themselves (chapters/supporters)."""

from django.urls import reverse
from django.utils import timezone

from chapters.models import Chapter, Supporter
from tests.admin.permission_kinds import ADMIN, CANARY, Kind, Target, body


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


SUPPORTER = SupporterKind()
PEOPLE_KINDS = {
    "own chapter person": (SUPPORTER, lambda n: SUPPORTER.make("Riverside")),
    "other chapter person": (SUPPORTER, lambda n: SUPPORTER.make("Hilltop")),
}
