#!/usr/bin/env python3
"""Write chapters/register/us_outlines.json: the US states as SVG paths, from us-atlas.

The outlines come from the npm package `us-atlas` (ISC license), whose data is the
US Census Bureau's cartographic boundary files (public domain). Its
`states-albers-10m.json` is TopoJSON already projected with
d3.geoAlbersUsa().scale(1300).translate([487.5, 305]) into a 975×610 space, the
projection chapters/register/us_map.py implements for placing points on the map.

This script decodes that TopoJSON (quantized, delta-encoded arcs; negative arc
indices for reversed arcs; Polygon and MultiPolygon geometries) and writes one
SVG path per state (absolute M/L, each ring closed with Z), keyed by postal code,
coordinates rounded to 0.1 with consecutive repeats dropped.

Standard library only. Usage:

    python scripts/us_outlines.py                     # download us-atlas 3.0.1 from npm
    python scripts/us_outlines.py --version 3.0.2     # another 3.x release
    python scripts/us_outlines.py --tarball us-atlas-3.0.1.tgz   # a tarball already here
"""

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path

REGISTRY = "https://registry.npmjs.org/us-atlas"
DEFAULT_VERSION = "3.0.1"
MEMBER = "package/states-albers-10m.json"
OUTPUT = Path(__file__).resolve().parent.parent / "chapters" / "register" / "us_outlines.json"

# FIPS state code -> (USPS postal code, the name us-atlas gives the feature)
FIPS = {
    "01": ("AL", "Alabama"),
    "02": ("AK", "Alaska"),
    "04": ("AZ", "Arizona"),
    "05": ("AR", "Arkansas"),
    "06": ("CA", "California"),
    "08": ("CO", "Colorado"),
    "09": ("CT", "Connecticut"),
    "10": ("DE", "Delaware"),
    "11": ("DC", "District of Columbia"),
    "12": ("FL", "Florida"),
    "13": ("GA", "Georgia"),
    "15": ("HI", "Hawaii"),
    "16": ("ID", "Idaho"),
    "17": ("IL", "Illinois"),
    "18": ("IN", "Indiana"),
    "19": ("IA", "Iowa"),
    "20": ("KS", "Kansas"),
    "21": ("KY", "Kentucky"),
    "22": ("LA", "Louisiana"),
    "23": ("ME", "Maine"),
    "24": ("MD", "Maryland"),
    "25": ("MA", "Massachusetts"),
    "26": ("MI", "Michigan"),
    "27": ("MN", "Minnesota"),
    "28": ("MS", "Mississippi"),
    "29": ("MO", "Missouri"),
    "30": ("MT", "Montana"),
    "31": ("NE", "Nebraska"),
    "32": ("NV", "Nevada"),
    "33": ("NH", "New Hampshire"),
    "34": ("NJ", "New Jersey"),
    "35": ("NM", "New Mexico"),
    "36": ("NY", "New York"),
    "37": ("NC", "North Carolina"),
    "38": ("ND", "North Dakota"),
    "39": ("OH", "Ohio"),
    "40": ("OK", "Oklahoma"),
    "41": ("OR", "Oregon"),
    "42": ("PA", "Pennsylvania"),
    "44": ("RI", "Rhode Island"),
    "45": ("SC", "South Carolina"),
    "46": ("SD", "South Dakota"),
    "47": ("TN", "Tennessee"),
    "48": ("TX", "Texas"),
    "49": ("UT", "Utah"),
    "50": ("VT", "Vermont"),
    "51": ("VA", "Virginia"),
    "53": ("WA", "Washington"),
    "54": ("WV", "West Virginia"),
    "55": ("WI", "Wisconsin"),
    "56": ("WY", "Wyoming"),
    "72": ("PR", "Puerto Rico"),  # written only if the file has it (us-atlas 3.x does not)
}
BY_NAME = {name: code for code, name in FIPS.values()}
REQUIRED = {code for code, _name in FIPS.values()} - {"PR"}


def fetch(url: str) -> bytes:
    if not url.startswith("https://"):
        raise SystemExit(f"refusing a non-https URL: {url}")
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (https only, above)
        return response.read()


def download(version: str) -> bytes:
    """The tarball of that us-atlas version, checked against the registry's integrity hash."""
    meta = json.loads(fetch(f"{REGISTRY}/{version}"))
    dist = meta["dist"]
    data = fetch(dist["tarball"])
    integrity = dist.get("integrity", "")
    if integrity.startswith("sha512-"):
        digest = base64.b64encode(hashlib.sha512(data).digest()).decode()
        if digest != integrity.removeprefix("sha512-"):
            raise SystemExit(f"{dist['tarball']}: sha512 does not match the registry's")
    elif hashlib.sha1(data).hexdigest() != dist["shasum"]:  # noqa: S324 (npm's own checksum)
        raise SystemExit(f"{dist['tarball']}: shasum does not match the registry's")
    return data


def read_tarball(data: bytes) -> tuple[str, dict]:
    """(us-atlas version, the parsed states-albers-10m.json)."""
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        package = json.load(tar.extractfile("package/package.json"))
        topology = json.load(tar.extractfile(MEMBER))
    if package.get("name") != "us-atlas":
        raise SystemExit(f"not a us-atlas tarball: {package.get('name')!r}")
    return package["version"], topology


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as absolute points: undo the delta encoding, then the quantization."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_rest in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    """One ring from its arcs; ~i (negative) is arc i reversed. Shared ends appear once."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        if points:
            points.pop()
        points.extend(arc)
    return points


def number(value: float) -> str:
    """A coordinate rounded to 0.1 as SVG text: 12.34 -> "12.3", 4.0 -> "4"."""
    text = f"{round(value, 1):.1f}"
    return text.removesuffix(".0")


def ring_path(points: list[tuple[float, float]]) -> str:
    """M x,y L x,y … Z, absolute, rounded to 0.1; consecutive repeated points dropped."""
    rounded: list[tuple[str, str]] = []
    for x, y in points:
        point = (number(x), number(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return "M" + "L".join(f"{x},{y}" for x, y in rounded) + "Z"


def geometry_path(geometry: dict, arcs: list) -> str:
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        raise SystemExit(f"unexpected geometry type {geometry['type']!r}")
    return "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)


def postal_code(geometry: dict) -> str:
    fips = str(geometry.get("id", "")).zfill(2)
    name = geometry.get("properties", {}).get("name")
    if fips in FIPS:
        code, expected = FIPS[fips]
        if name is not None and name != expected:
            raise SystemExit(f"FIPS {fips} is named {name!r}, expected {expected!r}")
        return code
    if name in BY_NAME:
        return BY_NAME[name]
    raise SystemExit(f"unknown state: id {geometry.get('id')!r}, name {name!r}")


def outlines(version: str, topology: dict) -> dict:
    arcs = decode_arcs(topology)
    states = {}
    for geometry in topology["objects"]["states"]["geometries"]:
        if not geometry.get("arcs"):
            continue
        states[postal_code(geometry)] = geometry_path(geometry, arcs)
    missing = REQUIRED - states.keys()
    if missing:
        raise SystemExit(f"states missing from {MEMBER}: {', '.join(sorted(missing))}")
    return {
        "source": (
            f"us-atlas {version}, states-albers-10m.json: "
            "US Census Bureau cartographic boundaries (public domain), "
            "projected with d3.geoAlbersUsa scale 1300 translate [487.5, 305]"
        ),
        "viewbox": "0 0 975 610",
        "states": dict(sorted(states.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, help="a us-atlas .tgz already on disk")
    parser.add_argument("--version", default=DEFAULT_VERSION, help="us-atlas version to fetch")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)

    data = args.tarball.read_bytes() if args.tarball else download(args.version)
    version, topology = read_tarball(data)
    result = outlines(version, topology)
    text = json.dumps(result, separators=(",", ":"), ensure_ascii=False)
    args.output.write_text(text, encoding="utf-8")
    print(
        f"{args.output}: {len(result['states'])} outlines from us-atlas {version}, "
        f"{len(text.encode()) / 1024:.0f} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
