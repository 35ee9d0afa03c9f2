"""Imported once by the ingest fork server, so that every per-document worker starts warm.

Workers are forked from the server: whatever is loaded here (modules, the Voikko lexicon, the
word-frequency table, ~0.5 s together) is shared copy-on-write instead of being loaded again
for each document.
"""

import os

from extractors import (  # noqa: F401 - imported for their side effect of being loaded
    decisions,
    document,
    followup,
    goals,
    htmltext,
    linking,
    meeting,
    minutes,
    municipality,
    repair,
    roles,
)
from pipeline import ocr  # noqa: F401

# The fork server and the workers it forks leave the terminal's process group: a Ctrl-C reaches
# only the parent, which stops them, instead of printing a traceback from every worker.
os.setpgrp()


def warm() -> None:
    """Touch the lazily loaded lexicons so that forked workers inherit them loaded."""
    municipality.recognise_municipality("Lapuan kaupunki")
    repair.repair_text("Paatdsehdotus hyvaksyttiin")
    roles.parse_person_lines("Sivistysjohtaja Matti Virtanen", "valmistelija")
    linking.link_followups([], [])


warm()
