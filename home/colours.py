"""A site's accent colour, made readable: WCAG 2.2 contrast, computed.

A chapter picks any colour (ChapterSettings.accent_colour). The stripe at the top
of every page shows it as chosen; links, headings and buttons use it only as a
shade that reads at AA (4.5:1 for text) on the page's backgrounds (white and the
light tint of panels): the colour itself where it does, otherwise the same hue
darkened step by step until it does. White text on a button of that shade then
reads at AA too (the ratio is symmetric).
"""

import functools
from dataclasses import dataclass

AA_TEXT = 4.5
DEFAULT_ACCENT = "#1d5c8c"
# The lightest and darkest backgrounds text in the accent sits on (site.css --paper, --tint).
BACKGROUNDS = ("#ffffff", "#f3f5f7")


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(channel):02x}" for channel in rgb)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.2, 'relative luminance')."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(colour: str, amount: float) -> str:
    """The colour mixed with `amount` (0..1) of black: the same hue, darker."""
    return _hex(channel * (1 - amount) for channel in _rgb(colour))


def readable(colour: str, backgrounds=BACKGROUNDS, ratio: float = AA_TEXT) -> str:
    """The colour, or the least darkened shade of it, that reads at `ratio` on every one
    of `backgrounds`. Black reads on them all, so there is always an answer."""
    for step in range(0, 101, 2):
        shade = darker(colour, step / 100)
        if all(contrast(shade, background) >= ratio for background in backgrounds):
            return shade
    return "#000000"


@dataclass(frozen=True)
class Palette:
    stripe: str  # as chosen: decoration only
    text: str  # links and headings
    hover: str  # a button under the pointer
    darkened: bool  # the chosen colour did not read and was darkened


@functools.lru_cache(maxsize=256)
def palette(colour: str) -> Palette:
    """Worked out once per colour (every page render asks for its site's)."""
    text = readable(colour)
    return Palette(stripe=colour, text=text, hover=darker(text, 0.25), darkened=text != colour)
