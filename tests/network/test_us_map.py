"""The network's map: public-domain outlines of every state, and places projected onto
them where their state is drawn (d3's Albers USA, checked against d3-geo's numbers)."""

import json
import re
from pathlib import Path

import pytest

from chapters.register.us_map import VIEWBOX, outlines, project
from chapters.register.us_states import STATES

TERRITORIES = {"PR", "GU", "VI", "AS", "MP"}

STATES_AND_DC = {code for code, *_ in STATES if code not in TERRITORIES}


def bbox(path: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def test_every_state_and_dc_has_an_outline_from_a_named_public_domain_source():
    assert set(outlines()) >= STATES_AND_DC
    data = json.loads(Path("chapters/register/us_outlines.json").read_text())
    assert "public domain" in data["source"] and data["viewbox"] == VIEWBOX


@pytest.mark.parametrize(
    ("latitude", "longitude", "state", "d3"),
    [
        (39.96, -82.99, "OH", (721.5, 260.9)),  # Columbus; d3-geo's own answer
        (39.74, -104.99, "CO", None),  # Denver
        (47.61, -122.33, "WA", (97.7, 46.2)),  # Seattle
        (25.76, -80.19, "FL", (822.8, 572.6)),  # Miami
        (61.22, -149.90, "AK", (112.3, 544.3)),  # Anchorage, in its inset
        (21.31, -157.86, "HI", (266.9, 549.1)),  # Honolulu, in its inset
    ],
)
def test_a_city_lands_inside_its_own_state(latitude, longitude, state, d3):
    x, y = project(latitude, longitude)
    x0, y0, x1, y1 = bbox(outlines()[state])
    assert x0 <= x <= x1 and y0 <= y <= y1
    if d3:
        assert (x, y) == d3


def test_a_place_outside_the_states_is_off_the_map_and_nonsense_is_refused():
    assert project(51.5, -0.13) is None  # London
    with pytest.raises(ValueError, match="latitude 123"):
        project(123, -82.99)
