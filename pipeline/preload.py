"""Imported once by the ingest fork server, so that every per-document worker starts warm.

Workers are forked from the server: whatever is loaded here (modules, the Voikko lexicon, the
common-word list of the needs-OCR check, compiled regular expressions, ~0.5 s together) is shared
copy-on-write instead of being loaded again for each document. OCR (numpy, PIL) and wordfreq's
large tables (repair of damaged text) are not loaded here: most batches never need them, and the
few workers that do load them for themselves.
"""

import gc
import os

from extractors import chain, document, municipality, vocab  # noqa: F401 - loaded for their side effect
from extractors.goals import followup, linking, plans  # noqa: F401
from extractors.minutes import decisions, meeting, roles  # noqa: F401
from extractors.text import htmltext, ocrfix, repair  # noqa: F401

# A short invented minutes text: run once through the whole chain, it compiles the regular
# expressions that the stages build at call time and fills their caches before any fork.
WARM_TEXT = """Lapuan kaupunki
Sivistyslautakunta
PÖYTÄKIRJA 1/2025
Aika 13.03.2025 klo 16.45 - 18.30
Paikka Kaupungintalo
Saapuvilla olleet jäsenet
Matti Virtanen, puheenjohtaja
Liisa Järvinen, jäsen

§ 1 Kokouksen laillisuus ja päätösvaltaisuus
Valmistelija sivistysjohtaja Matti Virtanen, puh. 040 123 4567, matti.virtanen@lapua.fi
Päätösehdotus Sivistysjohtaja: Lautakunta toteaa kokouksen laillisesti koolle kutsutuksi.
Käsittely Liisa Järvinen esitti, että asia palautetaan. Äänestyksessä jaa 5 ääntä, ei 2 ääntä.
Liisa Järvinen ilmoitti olevansa esteellinen ja poistui kokouksesta.
Päätös Hyväksyttiin.
"""

# The fork server and the workers it forks leave the terminal's process group: a Ctrl-C reaches
# only the parent, which stops them, instead of printing a traceback from every worker.
os.setpgrp()


def compile_cues() -> int:
    """Compile every cue pattern the decision reader looks for (`vocab`'s ``*_CUES`` and
    ``*_NEGATIONS``: outcomes, votes, recusals) and the document-kind markers, which the warm
    text below reaches only in part: each worker compiled ~30 of them again (~0.5 ms each).
    Returns how many there are."""
    count = 0
    for name, value in vars(vocab).items():
        if name.endswith(("_CUES", "_NEGATIONS")):
            for group in value.values() if isinstance(value, dict) else (value,):
                for pattern in group:
                    roles.compile_folded(pattern)
                    count += 1
    for pattern in (*vocab.FOLLOWUP_MARKERS, *vocab.GOAL_MARKERS, *vocab.MINUTES_MARKERS):
        municipality.folded_marker(pattern)  # the kind markers: most are absent from the warm text
        count += 1
    return count


def warm() -> None:
    """Touch the lazily loaded lexicons and run the chain once, so forked workers inherit them."""
    compile_cues()
    municipality.recognise_municipality("Lapuan kaupunki")
    ocrfix.common_words()
    ocrfix.unreadable_words(WARM_TEXT.split())
    roles.parse_person_lines("Sivistysjohtaja Matti Virtanen", "valmistelija")
    linking.link_followups([], [])
    data = WARM_TEXT.encode()
    document.extract_document(data, document.Source("warm.txt", "warm.txt"))
    # objects made so far live as long as the server: keep the collector from touching (and so
    # copying) their pages in every worker
    gc.freeze()


warm()
