"""The demo's illustrations, drawn here: each chapter's logo, its home's cover, and a
picture for its first stories. Nothing is downloaded and no image file is shipped:
the drawings are made from the chapter's accent colour and the kind of place it is
(a city skyline, a valley's orchards and mountains, a county's fields, a nation's
mesas), so every chapter looks like itself. Idempotent: a chapter that already has
a logo, a cover or a story picture keeps it.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

from chapters.register.chapter import Chapter
from chapters.register.settings import ChapterSettings
from chapters.stories.models import StoryIndexPage, StoryPage

SUN = "#f2c14e"
PEOPLE = ("#e76f51", "#2a9d8f", "#264653", "#e9c46a", "#8d5a97", "#f4a261", "#3d5a80")
SKIN = ("#8d5524", "#c68642", "#e0ac69", "#f1c27d", "#5c3a1e")
STORIES_ILLUSTRATED = 2
# What the pictures show, for people who cannot see them (the cover's is in the data).
STORY_ALT = "An illustration: neighbors standing together in front of {scene}, under a rising sun."
SCENES = {
    "city": "the city's skyline",
    "region": "the valley's orchards and mountains",
    "rural": "the county's fields and hills",
    "reservation": "the mesas",
}


def mix(colour: str, other: str, amount: float) -> tuple[int, int, int]:
    """`colour` moved `amount` (0..1) of the way to `other`."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(x + (y - x) * amount) for x, y in zip(a, b, strict=True))


def _skyline(draw, rnd, width, height, colour, window):
    x = 0
    while x < width:
        w = rnd.randint(width // 18, width // 9)
        h = rnd.randint(height // 5, height // 2)
        top = int(height * 0.78) - h
        draw.rectangle((x, top, x + w, height), fill=colour)
        for wy in range(top + 24, int(height * 0.74), 44):
            for wx in range(x + 14, x + w - 20, 34):
                if rnd.random() < 0.55:
                    draw.rectangle((wx, wy, wx + 14, wy + 20), fill=window)
        x += w + rnd.randint(4, 18)


def _mountains(draw, rnd, width, height, colour, base, peaks):
    step = width // peaks
    for n in range(-1, peaks + 1):
        cx = n * step + rnd.randint(-step // 4, step // 4)
        top = base - rnd.randint(height // 6, height // 3)
        draw.polygon([(cx - step, base), (cx, top), (cx + step, base)], fill=colour)
    draw.rectangle((0, base, width, height), fill=colour)


def _hills(draw, rnd, width, height, colour, base):
    for n in range(-1, 5):
        cx = n * width // 4 + rnd.randint(-80, 80)
        r = rnd.randint(width // 5, width // 3)
        draw.ellipse((cx - r, base - r // 3, cx + r, base + r), fill=colour)
    draw.rectangle((0, base + 40, width, height), fill=colour)


def _mesas(draw, rnd, width, height, colour, base):
    x = -50
    while x < width:
        w = rnd.randint(width // 6, width // 3)
        h = rnd.randint(height // 8, height // 4)
        slope = rnd.randint(30, 90)
        draw.polygon(
            [(x, base), (x + slope, base - h), (x + w - slope, base - h), (x + w, base)],
            fill=colour,
        )
        x += w + rnd.randint(20, 160)
    draw.rectangle((0, base, width, height), fill=colour)


def _people(draw, rnd, width, height, count):
    """A row of neighbors standing shoulder to shoulder, hands joined."""
    unit = width / (count + 1)
    ground = height * 0.97
    tops = []
    for n in range(count):
        cx = unit * (n + 1)
        tall = rnd.uniform(0.26, 0.34) * height
        body = PEOPLE[(n + rnd.randint(0, 6)) % len(PEOPLE)]
        head = unit * 0.16
        top = ground - tall
        draw.rounded_rectangle(
            (cx - unit * 0.22, top + head * 2.2, cx + unit * 0.22, ground),
            radius=unit * 0.12,
            fill=body,
        )
        draw.ellipse((cx - head, top, cx + head, top + head * 2), fill=SKIN[n % len(SKIN)])
        tops.append((cx, top + head * 3.4))
    for (x1, y1), (x2, y2) in zip(tops, tops[1:], strict=False):
        draw.line((x1 + unit * 0.2, y1 + 40, x2 - unit * 0.2, y2 + 40), fill="#3b2f2f", width=10)


def landscape(kind: str, accent: str, seed: str, size=(1920, 960), people=9) -> bytes:
    """A place of this kind, in the chapter's colours, with its people in front (PNG)."""
    width, height = size
    rnd = random.Random(seed)  # noqa: S311 - a drawing, the same each time, no secret
    image = Image.new("RGB", size, mix(accent, "#ffffff", 0.86))
    draw = ImageDraw.Draw(image)
    sun = (rnd.randint(width // 6, width - width // 6), int(height * 0.28))
    r = height // 8
    draw.ellipse((sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r), fill=SUN)
    far, mid, near = (mix(accent, "#ffffff", a) for a in (0.62, 0.35, 0.0))
    if kind == "city":
        _skyline(draw, rnd, width, height, far, mix(accent, "#ffffff", 0.75))
        _skyline(draw, rnd, width, height, mid, SUN)
    elif kind == "reservation":
        _mesas(draw, rnd, width, height, far, int(height * 0.62))
        _mesas(draw, rnd, width, height, mid, int(height * 0.74))
    elif kind == "region":
        _mountains(draw, rnd, width, height, far, int(height * 0.6), 5)
        _hills(draw, rnd, width, height, mid, int(height * 0.72))
        for x in range(40, width, 90):  # orchard rows
            y = int(height * 0.76) + (x // 90 % 2) * 16
            draw.ellipse((x, y, x + 56, y + 56), fill=mix(accent, "#2d6a4f", 0.5))
    else:
        _hills(draw, rnd, width, height, far, int(height * 0.6))
        _hills(draw, rnd, width, height, mid, int(height * 0.72))
        for n in range(0, width, 120):  # fields
            draw.line((n, height, width // 2, int(height * 0.72)), fill=far, width=6)
    draw.rectangle((0, int(height * 0.86), width, height), fill=near)
    _people(draw, rnd, width, height, people)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def mark(accent: str) -> bytes:
    """The chapter's logo mark: a sun rising behind three neighbors, in its colour (PNG)."""
    size = 480
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size, size), fill=accent)
    draw.pieslice((90, 110, 390, 410), 180, 360, fill=SUN)
    for n, cx in enumerate((150, 240, 330)):
        lift = 0 if n == 1 else 30
        draw.ellipse((cx - 34, 190 + lift, cx + 34, 258 + lift), fill="#ffffff")
        draw.rounded_rectangle((cx - 48, 268 + lift, cx + 48, 420), radius=40, fill="#ffffff")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _image(collection, title: str, description: str, content: bytes, name: str):
    model = get_image_model()
    existing = model.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    image = model(
        title=title,
        description=description,
        collection=collection,
        file=ImageFile(io.BytesIO(content), name=name),
    )
    image.save()
    return image


def load_illustrations(chapter: Chapter, data: dict) -> int:
    """The chapter's logo, its home's cover and its first stories' pictures, where it has
    none. Returns how many it gave."""
    if chapter.collection is None or chapter.site is None:
        return 0
    accent, kind, name = data["accent_colour"], data["locality_type"], data["name"]
    given = 0
    settings = ChapterSettings.for_site(chapter.site)
    if settings.logo_id is None:
        settings.logo = _image(
            chapter.collection, f"{name}: logo", "Logo mark", mark(accent), "logo.png"
        )
        settings.save()
        given += 1
    home = chapter.home
    if home.cover_image_id is None and data.get("cover_alt"):
        home.cover_image = _image(
            chapter.collection,
            f"{name}: cover",
            data["cover_alt"],
            landscape(kind, accent, data["hostname"]),
            "cover.png",
        )
        home.cover_alt = data["cover_alt"]
        home.save_revision().publish()
        given += 1
    stories = StoryIndexPage.objects.child_of(home).first()
    if stories is None:
        return given
    if len(data.get("languages", ["en"])) > 1:
        return given  # a picture's description would be English on the translated story
    alt = STORY_ALT.format(scene=SCENES.get(kind, "their neighborhood"))
    for n, story in enumerate(
        StoryPage.objects.child_of(stories).order_by("-date")[:STORIES_ILLUSTRATED]
    ):
        if story.image_id is not None:
            continue
        story.image = _image(
            chapter.collection,
            f"{name}: {story.title}",
            alt,
            landscape(kind, accent, f"{data['hostname']}-{n}", size=(1440, 810), people=6),
            "story.png",
        )
        story.image_alt = alt
        story.save_revision().publish()
        given += 1
    return given
