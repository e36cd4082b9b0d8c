"""The US states' outlines and where a place falls on them: the network's map.

The outlines (`us_outlines.json`, made by scripts/us_outlines.py) come from the npm
package us-atlas 3.0.1 (ISC licence), built from the US Census Bureau's cartographic
boundary files, which are public domain. They are already projected with d3's
Albers USA projection (scale 1300, translate [487.5, 305]) into a 975×610 box, with
Alaska and Hawaii as insets. `project` is that projection, written out as d3-geo
computes it, so a chapter's latitude and longitude land where its state is drawn.
Everything is in the repository: no tile server, no request to anyone.
"""

import functools
import json
import math
from pathlib import Path

VIEWBOX = "0 0 975 610"
SCALE, X, Y = 1300, 487.5, 305
EPSILON = 1e-6


@functools.cache
def outlines() -> dict[str, str]:
    """Postal code -> the state's SVG path (in VIEWBOX's coordinates)."""
    data = json.loads((Path(__file__).with_name("us_outlines.json")).read_text())
    return data["states"]


class _ConicEqualArea:
    """d3.geoConicEqualArea().rotate([rotate, 0]).center(center).parallels(parallels),
    scaled and translated; `extent` is the clip extent d3's albersUsa gives it."""

    def __init__(self, rotate, center, parallels, scale, translate, extent):
        phi0, phi1 = (math.radians(p) for p in parallels)
        self.n = (math.sin(phi0) + math.sin(phi1)) / 2
        self.c = 1 + math.sin(phi0) * (2 * self.n - math.sin(phi0))
        self.r0 = math.sqrt(self.c) / self.n
        self.rotate = math.radians(rotate)
        self.k = scale
        cx, cy = self._raw(math.radians(center[0]), math.radians(center[1]))
        self.dx = translate[0] - scale * cx
        self.dy = translate[1] + scale * cy
        self.extent = extent

    def _raw(self, lam, phi):
        r = math.sqrt(max(self.c - 2 * self.n * math.sin(phi), 0)) / self.n
        return r * math.sin(lam * self.n), self.r0 - r * math.cos(lam * self.n)

    def __call__(self, latitude, longitude):
        lam = math.radians(longitude) + self.rotate
        lam = (lam + math.pi) % (2 * math.pi) - math.pi  # d3 wraps the rotated longitude
        x, y = self._raw(lam, math.radians(latitude))
        x, y = self.dx + self.k * x, self.dy - self.k * y
        (x0, y0), (x1, y1) = self.extent
        return (x, y) if x0 <= x <= x1 and y0 <= y <= y1 else None


k, e = SCALE, EPSILON
_PROJECTIONS = (
    _ConicEqualArea(
        96, (-0.6, 38.7), (29.5, 45.5), k, (X, Y),
        ((X - 0.455 * k, Y - 0.238 * k), (X + 0.455 * k, Y + 0.238 * k)),
    ),
    _ConicEqualArea(
        154, (-2, 58.5), (55, 65), 0.35 * k, (X - 0.307 * k, Y + 0.201 * k),
        ((X - 0.425 * k + e, Y + 0.120 * k + e), (X - 0.214 * k - e, Y + 0.234 * k - e)),
    ),
    _ConicEqualArea(
        157, (-3, 19.9), (8, 18), k, (X - 0.205 * k, Y + 0.212 * k),
        ((X - 0.214 * k + e, Y + 0.166 * k + e), (X - 0.115 * k - e, Y + 0.234 * k - e)),
    ),
)  # fmt: skip


def project(latitude: float, longitude: float) -> tuple[float, float] | None:
    """Where the place is on the outlines (x, y), or None if it is off the map: d3's
    albersUsa tries the lower 48, then Alaska's inset, then Hawaii's."""
    if not -90 <= latitude <= 90:
        raise ValueError(f"latitude {latitude} is not between -90 and 90")
    if not -180 <= longitude <= 180:
        raise ValueError(f"longitude {longitude} is not between -180 and 180")
    for projection in _PROJECTIONS:
        point = projection(latitude, longitude)
        if point is not None:
            return round(point[0], 1), round(point[1], 1)
    return None
