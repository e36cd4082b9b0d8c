"""What the permission matrix acts on, and how: each kind of object (pages, snippets,
images and documents, settings, sites, users, groups), made with a canary in its title,
and each action done the way the admin's own pages do (GET a listing, a chooser or a
form; POST a form). An action returns whether its effect happened: the object is
listed, the form opens, the change was saved, the page went live, the object is gone.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from chapters.models import ChapterSettings
from home.models import ChapterRequest, Principle, PrincipleSet, Resource, Right, StandardPage
from home.setup import SHARED_COLLECTION
from tests.admin_forms import form_data
from tests.conftest import ALLIANCE_HOST, HILLTOP_HOST, PASSWORD, RIVERSIDE_HOST
from tests.sample_files import png, text_file

ADMIN = {"host": "localhost"}
PAGE_ACTIONS = ("list", "view", "choose", "add", "edit", "publish", "delete")
ACTIONS = PAGE_ACTIONS + ("export", "approve")
CANARY = "Zanzibar canary"  # in every object's title, so a leak is easy to spot
Image = get_image_model()
Document = get_document_model()


@dataclass
class Target:
    """One object a case acts on, and where it lives."""

    instance: object
    title: str
    parent: Page | None = None
    collection: Collection | None = None
    site: Site | None = None


def body(response) -> str:
    if response.status_code != 200:
        return ""
    if response.get("content-type", "").startswith("application/json"):
        return response.json().get("html", "")
    return response.content.decode()


class Kind:
    actions: tuple[str, ...] = PAGE_ACTIONS

    def run(self, action, client, superuser, target) -> bool:
        return getattr(self, action)(client, superuser, target)


class PageKind(Kind):
    def make(self, parent: Page, label: str) -> Target:
        title = f"{CANARY} {label}"
        page = StandardPage(title=title, slug=label.lower().replace(" ", "-"), intro="Canary.")
        parent.add_child(instance=page)
        page.save_revision().publish()
        return Target(page, title, parent=parent)

    def edit_url(self, target):
        return reverse("wagtailadmin_pages:edit", args=[target.instance.pk])

    def form(self, superuser, url, **changes):
        return form_data(body(superuser.get(url, headers=ADMIN)), **{"body-count": "0"}, **changes)

    def list(self, client, superuser, target):
        url = reverse("wagtailadmin_explore", args=[target.parent.pk])
        return target.title in body(client.get(url, headers=ADMIN))

    def view(self, client, superuser, target):
        return target.title in body(client.get(self.edit_url(target), headers=ADMIN))

    def choose(self, client, superuser, target):
        url = reverse("wagtailadmin_choose_page_child", args=[target.parent.pk])
        return target.title in body(client.get(url, headers=ADMIN))

    def add(self, client, superuser, target):
        url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", target.parent.pk])
        data = self.form(superuser, url, title="Added page", slug="added-page")
        client.post(url, data, headers=ADMIN)
        return StandardPage.objects.child_of(target.parent).filter(slug="added-page").exists()

    def edit(self, client, superuser, target):
        data = self.form(superuser, self.edit_url(target), title="Edited page")
        client.post(self.edit_url(target), data, headers=ADMIN)
        return Page.objects.get(pk=target.instance.pk).get_latest_revision().content["title"] == (
            "Edited page"
        )

    def publish(self, client, superuser, target):
        data = self.form(
            superuser, self.edit_url(target), title="Published page", **{"action-publish": "1"}
        )
        client.post(self.edit_url(target), data, headers=ADMIN)
        page = Page.objects.get(pk=target.instance.pk)
        return page.live and page.title == "Published page"

    def delete(self, client, superuser, target):
        url = reverse("wagtailadmin_pages:delete", args=[target.instance.pk])
        client.post(url, headers=ADMIN)
        return not Page.objects.filter(pk=target.instance.pk).exists()


class SnippetKind(Kind):
    actions = ("list", "view", "choose", "add", "edit", "delete")

    def __init__(self, model, title_field, make, add_fields=dict):
        self.model, self.title_field, self._make = model, title_field, make
        self.add_fields = add_fields  # the other required fields, for a new one

    def make(self) -> Target:
        instance = self._make(f"{CANARY} {self.model._meta.model_name}")
        return Target(instance, getattr(instance, self.title_field))

    def url(self, name, *args):
        return reverse(self.model.snippet_viewset.get_url_name(name), args=args)

    def list(self, client, superuser, target):
        return target.title in body(client.get(self.url("list"), headers=ADMIN))

    def view(self, client, superuser, target):
        url = self.url("edit", target.instance.pk)
        return target.title in body(client.get(url, headers=ADMIN))

    def choose(self, client, superuser, target):
        url = reverse(self.model.snippet_viewset.chooser_viewset.get_url_name("choose"))
        return target.title in body(client.get(url, headers=ADMIN))

    def add(self, client, superuser, target):
        url = self.url("add")
        data = form_data(body(superuser.get(url, headers=ADMIN)), **self.add_fields())
        data[self.title_field] = "Added snippet"
        client.post(url, data, headers=ADMIN)
        return self.model.objects.filter(**{self.title_field: "Added snippet"}).exists()

    def edit(self, client, superuser, target):
        url = self.url("edit", target.instance.pk)
        data = form_data(body(superuser.get(url, headers=ADMIN)))
        data[self.title_field] = "Edited snippet"
        client.post(url, data, headers=ADMIN)
        instance = self.model.objects.get(pk=target.instance.pk)
        return getattr(instance, self.title_field) == "Edited snippet"

    def delete(self, client, superuser, target):
        client.post(self.url("delete", target.instance.pk), headers=ADMIN)
        return not self.model.objects.filter(pk=target.instance.pk).exists()


class MediaKind(Kind):
    actions = ("list", "view", "choose", "add", "edit", "delete")

    def __init__(self, model, app, file_factory):
        self.model, self.app, self.file_factory = model, app, file_factory

    def make(self, collection_name: str) -> Target:
        collection = Collection.objects.get(name=collection_name)
        title = f"{CANARY} {self.app} in {collection_name}"
        instance = self.model.objects.create(
            title=title, file=self.file_factory(), collection=collection
        )
        return Target(instance, title, collection=collection)

    def list(self, client, superuser, target):
        return target.title in body(client.get(reverse(f"{self.app}:index"), headers=ADMIN))

    def view(self, client, superuser, target):
        url = reverse(f"{self.app}:edit", args=[target.instance.pk])
        return target.title in body(client.get(url, headers=ADMIN))

    def choose(self, client, superuser, target):
        url = reverse(f"{self.app}_chooser:choose")
        return target.title in body(client.get(url, headers=ADMIN))

    def add(self, client, superuser, target):
        url = reverse(f"{self.app}:add")
        data = form_data(body(superuser.get(url, headers=ADMIN)))
        data.update(title="Added media", collection=str(target.collection.pk))
        data["file"] = self.file_factory("added")
        client.post(url, data, headers=ADMIN)
        return self.model.objects.filter(title="Added media", collection=target.collection).exists()

    def edit(self, client, superuser, target):
        url = reverse(f"{self.app}:edit", args=[target.instance.pk])
        data = form_data(body(superuser.get(url, headers=ADMIN)), title="Edited media")
        client.post(url, data, headers=ADMIN)
        return self.model.objects.get(pk=target.instance.pk).title == "Edited media"

    def delete(self, client, superuser, target):
        client.post(reverse(f"{self.app}:delete", args=[target.instance.pk]), headers=ADMIN)
        return not self.model.objects.filter(pk=target.instance.pk).exists()


class SettingsKind(Kind):
    actions = ("view", "edit")

    def make(self, hostname: str) -> Target:
        site = Site.objects.get(hostname=hostname)
        settings = ChapterSettings.for_site(site)
        settings.contact_email = f"canary@{hostname}"
        settings.save()
        return Target(settings, settings.contact_email, site=site)

    def url(self, target):
        return reverse("wagtailsettings:edit", args=["chapters", "chaptersettings", target.site.pk])

    def view(self, client, superuser, target):
        return target.title in body(client.get(self.url(target), headers=ADMIN))

    def edit(self, client, superuser, target):
        data = form_data(
            body(superuser.get(self.url(target), headers=ADMIN)),
            contact_email="changed@example.org",
            **{"social_links-count": "0", "translations-count": "0"},
        )
        client.post(self.url(target), data, headers=ADMIN)
        return ChapterSettings.for_site(target.site).contact_email == "changed@example.org"


class AdminKind(Kind):
    """Sites, users and groups: Wagtail's own model viewsets."""

    actions = ("list", "view", "add", "edit", "delete")

    def __init__(self, namespace, model, title_field, make, add_changes, edit_field):
        self.namespace, self.model, self.title_field = namespace, model, title_field
        self._make, self.add_changes, self.edit_field = make, add_changes, edit_field

    def make(self) -> Target:
        instance = self._make()
        return Target(instance, getattr(instance, self.title_field))

    def url(self, name, *args):
        return reverse(f"{self.namespace}:{name}", args=args)

    def list(self, client, superuser, target):
        return target.title in body(client.get(self.url("index"), headers=ADMIN))

    def view(self, client, superuser, target):
        url = self.url("edit", target.instance.pk)
        return target.title in body(client.get(url, headers=ADMIN))

    def add(self, client, superuser, target):
        changes = {k: v() if callable(v) else v for k, v in self.add_changes.items()}
        data = form_data(body(superuser.get(self.url("add"), headers=ADMIN)), **changes)
        client.post(self.url("add"), data, headers=ADMIN)
        return self.model.objects.filter(
            **{self.title_field: self.add_changes[self.title_field]}
        ).exists()

    def edit(self, client, superuser, target):
        url = self.url("edit", target.instance.pk)
        field_name, value = self.edit_field
        data = form_data(body(superuser.get(url, headers=ADMIN)), **{field_name: value})
        client.post(url, data, headers=ADMIN)
        return getattr(self.model.objects.get(pk=target.instance.pk), field_name) == value

    def delete(self, client, superuser, target):
        client.post(self.url("delete", target.instance.pk), headers=ADMIN)
        return not self.model.objects.filter(pk=target.instance.pk).exists()


class ChapterRequestKind(Kind):
    """Requests to start a chapter: personal data, for the network admins only."""

    actions = ("list", "view", "export", "approve", "delete")

    def make(self) -> Target:
        title = f"{CANARY} place"
        instance = ChapterRequest.objects.create(
            place=title,
            locality_type="city",
            contact_name="Canary Person",
            contact_email="canary-request@example.org",
            languages=["en"],
            consent_text="You may contact me.",
            consented_at=timezone.now(),
            language="en",
        )
        return Target(instance, title)

    def url(self, name, *args):
        return reverse(f"chapter_requests:{name}", args=args)

    def list(self, client, superuser, target):
        return target.title in body(client.get(self.url("index"), headers=ADMIN))

    def view(self, client, superuser, target):
        url = self.url("inspect", target.instance.pk)
        return "canary-request@example.org" in body(client.get(url, headers=ADMIN))

    def export(self, client, superuser, target):
        response = client.get(self.url("index") + "?export=csv", headers=ADMIN)
        content = b"".join(response.streaming_content) if response.streaming else b""
        return response.status_code == 200 and b"canary-request@example.org" in content

    def approve(self, client, superuser, target):
        data = {"name": "Canary Chapter", "hostname": "canary-request.localhost"}
        data["time_zone"] = "America/Chicago"
        client.post(self.url("approve", target.instance.pk), data, headers=ADMIN)
        target.instance.refresh_from_db()
        return target.instance.status == ChapterRequest.APPROVED

    def delete(self, client, superuser, target):
        # Retention: a declined request is the one that may be deleted.
        ChapterRequest.objects.filter(pk=target.instance.pk).update(status="declined")
        client.post(self.url("delete", target.instance.pk), headers=ADMIN)
        return not ChapterRequest.objects.filter(pk=target.instance.pk).exists()


def _principle(title):
    principle_set = PrincipleSet.objects.get(title="Test Principles for Organizing")
    return Principle.objects.create(
        principle_set=principle_set,
        sort_order=9,
        title=title,
        statement="Canary.",
        locale=Locale.get_default(),
    )


def _person():
    return get_user_model().objects.create_user(
        username="zanzibar-canary-person",
        email="canary@example.org",
        first_name="Canary",
        last_name="Person",
        password=PASSWORD,
    )


PAGE = PageKind()
IMAGE = MediaKind(Image, "wagtailimages", lambda name="canary": png(f"{name}.png"))
DOCUMENT = MediaKind(Document, "wagtaildocs", lambda name="canary": text_file(f"{name}.txt"))
SETTINGS = SettingsKind()
KINDS = {
    "own chapter page": (PAGE, lambda n: PAGE.make(n.riverside, "own chapter page")),
    "other chapter page": (PAGE, lambda n: PAGE.make(n.hilltop, "other chapter page")),
    "Alliance page": (PAGE, lambda n: PAGE.make(n.alliance, "Alliance page")),
    "principle": (
        SnippetKind(
            Principle,
            "title",
            _principle,
            lambda: {
                "principle_set": str(PrincipleSet.objects.get(title__startswith="Test").pk),
                "statement": "Added.",
            },
        ),
        None,
    ),
    "resource": (
        SnippetKind(
            Resource,
            "title",
            lambda t: Resource.objects.create(title=t, year=2020, locale=Locale.get_default()),
        ),
        None,
    ),
    "right": (
        SnippetKind(
            Right,
            "name",
            lambda t: Right.objects.create(
                name=t,
                slug="canary",
                instrument="UDHR",
                article="Article 1",
                locale=Locale.get_default(),
            ),
            lambda: {"slug": "added", "instrument": "UDHR", "article": "Article 2"},
        ),
        None,
    ),
    "own image": (IMAGE, lambda n: IMAGE.make("Riverside")),
    "other image": (IMAGE, lambda n: IMAGE.make("Hilltop")),
    "Alliance image": (IMAGE, lambda n: IMAGE.make(SHARED_COLLECTION)),
    "own document": (DOCUMENT, lambda n: DOCUMENT.make("Riverside")),
    "other document": (DOCUMENT, lambda n: DOCUMENT.make("Hilltop")),
    "Alliance document": (DOCUMENT, lambda n: DOCUMENT.make(SHARED_COLLECTION)),
    "own chapter settings": (SETTINGS, lambda n: SETTINGS.make(RIVERSIDE_HOST)),
    "other chapter settings": (SETTINGS, lambda n: SETTINGS.make(HILLTOP_HOST)),
    "Alliance settings": (SETTINGS, lambda n: SETTINGS.make(ALLIANCE_HOST)),
    "site": (
        AdminKind(
            "wagtailsites",
            Site,
            "hostname",
            lambda: Site.objects.create(
                hostname="zanzibar-canary.localhost",
                port=80,
                root_page=Page.objects.get(depth=2, sites_rooted_here__is_default_site=True),
                site_name="Canary",
            ),
            {
                "hostname": "added.localhost",
                "port": "80",
                "site_name": "Added",
                "root_page": lambda: str(Page.objects.get(depth=2, title="Hilltop").pk),
            },
            ("site_name", "Edited site"),
        ),
        None,
    ),
    "user": (
        AdminKind(
            "wagtailusers_users",
            get_user_model(),
            "username",
            _person,
            {
                "username": "added-person",
                "email": "added@example.org",
                "first_name": "Added",
                "last_name": "Person",
                "password1": "a-long-enough-password-42",
                "password2": "a-long-enough-password-42",
            },
            ("first_name", "Edited"),
        ),
        None,
    ),
    "chapter request": (ChapterRequestKind(), None),
    "group": (
        AdminKind(
            "wagtailusers_groups",
            Group,
            "name",
            lambda: Group.objects.create(name=f"{CANARY} group"),
            {"name": "Added group"},
            ("name", "Edited group"),
        ),
        None,
    ),
}
for name, (kind, _make) in KINDS.items():
    if _make is None:
        KINDS[name] = (kind, lambda n, kind=kind: kind.make())
