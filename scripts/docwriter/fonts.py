"""DejaVu Sans for every document we write, from one place.

matplotlib (a dev dependency) ships a copy, the same bytes on every machine with the same version,
so written PDFs are reproducible byte for byte; the condensed bold that margin headings use is only
in Debian's fonts-dejavu-core (Makefile APT_PACKAGES). Both copies have the same glyph widths, so a
text wraps the same whichever copy a face comes from.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

DEBIAN_DIR = Path("/usr/share/fonts/truetype/dejavu")
FACES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "condensed B": "DejaVuSansCondensed-Bold.ttf"}


def _matplotlib_dir() -> Path | None:
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


def font_file(face: str = "") -> Path:
    """The file of ``face`` ('' regular, 'B' bold, 'condensed B'): matplotlib's copy, else Debian's."""
    name = FACES[face]
    for folder in (_matplotlib_dir(), DEBIAN_DIR):
        if folder is not None and (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"{name} not found: .venv/bin/pip install -e '.[dev]' (matplotlib) "
                            "or apt-get install fonts-dejavu-core")
