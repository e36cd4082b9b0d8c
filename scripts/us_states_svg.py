"""Writes home/static/home/maps/us-states.svg from chapters/register/us_outlines.json.

The directory's map places the states with <use href="us-states.svg#OH">, so a page
carries none of the outlines; the file is static and cached. Run after
scripts/us_outlines.py (the file is committed; nothing runs this at start-up):

    .venv/bin/python scripts/us_states_svg.py
"""

import json
from pathlib import Path
from xml.sax.saxutils import quoteattr

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "chapters" / "register" / "us_outlines.json"
TARGET = ROOT / "home" / "static" / "home" / "maps" / "us-states.svg"


def main() -> None:
    data = json.loads(SOURCE.read_text())
    paths = "\n".join(
        f'<path id="{code}" d={quoteattr(d)}/>' for code, d in sorted(data["states"].items())
    )
    TARGET.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="{viewbox}">\n'
        "<!-- {source} -->\n"
        '<g id="states">\n{paths}\n</g>\n</svg>\n'.format(
            viewbox=data["viewbox"], source=data["source"].replace("--", "-"), paths=paths
        )
    )
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes")  # noqa: T201


if __name__ == "__main__":
    main()
