"""Family 'damaged' of scripts/make_unseen_variants.py: the other families through a bad earlier OCR.

Written before the parser was run on it (issue 9). Many municipalities publish old minutes whose
text layer came from a poor OCR run (English data, an old scanner driver): the page looks right, but
the words under it are damaged. The dev corpus (d05) and seed 001 show one kind of that damage: ä/ö
read as a/o/d on otherwise clean lines. This family damages more, and differently, the way such
layers really look, at a rate drawn per document:

- letters: ä -> a / d / á, ö -> o / d / 6, å -> a, Ä/Ö/Å -> A/O/A (capital headings 'PAATOS',
  'KASITTELY'), 'rn' <-> 'm', l -> 1 / I, I -> l, O -> 0 in capitals and 0 -> O in numbers, '§' -> '$'
  / '8' / 'S';
- spacing: a space dropped between two words, doubled spaces;
- lines: words hyphenated at line ends ('päätös-' / 'ehdotus'), a stray '|' at the start or end of a
  line (table rules read as characters; more in the Word-table family);
- the damage touches everything printed: headings ('Paatdsehdotus', 'Esittelija'), names, headers.

The gold is the base document's gold (the clean text), marked ``ocr_damaged_text_layer``. Base
documents, by seed: make_variants' CloudNC, KTweb, Dynasty PDFs and plain-text exports (an OCR text
file like seed 001), and the unseen families word_table, caps, labels and svenska (PDFs); each from
its own generator at seeds none of the families' tests use.
"""

from __future__ import annotations

import contextlib
import random
import textwrap
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from scripts import make_variants as mv
from scripts.docwriter.deadline import deadline
from scripts.docwriter.pdf import DocPdf, with_page_total

BASES = ("cloudnc", "ktweb", "dynasty", "text", "word_table", "caps", "labels", "svenska")
BASE_OFFSET = 50_000  # base documents are drawn from here on, away from every family's tuned seeds


@dataclass(frozen=True)
class Profile:
    """Rates of one OCR run (per character, per space, per line)."""

    name: str
    umlaut: float  # ä/ö/å lost (-> a/o/a)
    umlaut_d: float  # ä/ö read as 'd'
    shapes: float  # rn/m, l/1/I, O/0 confusions
    section: float  # '§' misread
    drop_space: float
    double_space: float
    pipe: float  # stray '|' per line
    hyphen: float  # a line break inside the next word


PROFILES = (
    Profile("english_data", 0.78, 0.12, 0.01, 0.15, 0.006, 0.03, 0.02, 0.12),
    Profile("old_scanner", 0.35, 0.06, 0.05, 0.35, 0.012, 0.05, 0.05, 0.2),
    Profile("light", 0.12, 0.02, 0.02, 0.05, 0.004, 0.02, 0.02, 0.1),
)


class Damager:
    """Damages strings deterministically: the same string at the same occurrence gets the same damage
    in both passes of `with_page_total`, whatever else the page prints."""

    def __init__(self, seed: int, profile: Profile, pipes: float) -> None:
        self.seed, self.p = seed, profile
        self.pipes = pipes
        self.seen: dict[str, int] = {}

    def reset(self) -> None:
        self.seen = {}

    def _rng(self, kind: str, text: str) -> random.Random:
        key = f"{kind}|{text}"
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        return random.Random(zlib.crc32(f"{self.seed}|{key}|{n}".encode()))

    def line(self, text: str) -> str:
        """One printed line as a bad OCR read it."""
        if not text.strip():
            return text
        rng = self._rng("line", text)
        p = self.p
        out: list[str] = []
        i = 0
        while i < len(text):
            ch = text[i]
            nxt = text[i + 1] if i + 1 < len(text) else ""
            r = rng.random()
            if ch in "äÄöÖåÅ":
                base = {"ä": "a", "Ä": "A", "ö": "o", "Ö": "O", "å": "a", "Å": "A"}[ch]
                if r < p.umlaut:
                    out.append(base)
                elif r < p.umlaut + p.umlaut_d and ch in "äö":
                    out.append(rng.choice(("d", "d", "6" if ch == "ö" else "á")))
                else:
                    out.append(ch)
            elif ch == "r" and nxt == "n" and r < p.shapes * 4:
                out.append("m")
                i += 1
            elif ch == "m" and r < p.shapes:
                out.append("rn")
            elif ch == "l" and r < p.shapes:
                out.append(rng.choice(("1", "I")))
            elif ch == "I" and r < p.shapes * 2:
                out.append("l")
            elif ch == "O" and (nxt.isupper() or (out and out[-1].isupper())) and r < p.shapes * 2:
                out.append("0")
            elif ch == "0" and (nxt.isdigit() or (out and out[-1].isdigit())) and r < p.shapes:
                out.append("O")
            elif ch == "§" and r < p.section:
                out.append(rng.choice(("$", "8", "S")))
            elif ch == " " and out and out[-1] != " " and nxt not in ("", " "):
                if r < p.drop_space:
                    pass
                elif r < p.drop_space + p.double_space:
                    out.append("  ")
                else:
                    out.append(" ")
            else:
                out.append(ch)
            i += 1
        damaged = "".join(out)
        r = rng.random()
        if r < self.pipes / 2:
            damaged = "| " + damaged
        elif r < self.pipes:
            damaged = damaged + " |"
        return damaged

    def hyphenate(self, lines: list[str]) -> list[str]:
        """Break some lines inside the next line's first word, as a hyphenating typesetter did."""
        if len(lines) < 2:
            return lines
        rng = self._rng("wrap", "\n".join(lines))
        out = list(lines)
        for k in range(len(out) - 1):
            head, _, rest = out[k + 1].partition(" ")
            if len(head) >= 8 and head.isalpha() and rest and rng.random() < self.p.hyphen:
                cut = rng.randint(3, len(head) - 4)
                out[k] = f"{out[k]} {head[:cut]}-"
                out[k + 1] = head[cut:] + " " + rest
        return out


@contextlib.contextmanager
def damaged_printing(damager: Damager) -> Iterator[None]:
    """Every string a DocPdf prints goes through `damager` (text layer only: the page geometry stays)."""
    text, wrap = DocPdf.text, DocPdf.wrap

    def damaged_text(self, x, y, txt="", *args, **kwargs):  # noqa: ANN001, ANN202
        return text(self, x, y, damager.line(str(txt)), *args, **kwargs)

    def hyphenated_wrap(self, width, txt, bold=False, size=None):  # noqa: ANN001, ANN202
        return damager.hyphenate(wrap(self, width, txt, bold, size))

    DocPdf.text, DocPdf.wrap = damaged_text, hyphenated_wrap
    try:
        yield
    finally:
        DocPdf.text, DocPdf.wrap = text, wrap


def damaged_text_export(data: str, damager: Damager, margin: bool) -> str:
    """A plain-text export as an OCR program writes it: lines wrapped at ~80 columns (a wrapped line
    keeps its indent), hyphenated at some breaks, every line damaged."""
    out: list[str] = []
    for line in data.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if len(line) > 82:
            wrapped = textwrap.wrap(line, 80, subsequent_indent=" " * (indent or (22 if margin else 0)))
            out += damager.hyphenate(wrapped)
        else:
            out.append(line)
    return "\n".join(damager.line(x) for x in out)


def _base(seed: int) -> tuple[str, int]:
    return BASES[seed % len(BASES)], BASE_OFFSET + seed // len(BASES)


def _document(seed: int) -> tuple[mv.Doc, Callable[[mv.Doc, int], DocPdf] | None, str]:
    """The base document, its one-pass PDF renderer (None: a plain-text export) and the file suffix."""
    from scripts import make_unseen_variants as uv
    from scripts import unseen_svenska as sv

    base, k = _base(seed)
    if base in ("cloudnc", "ktweb", "dynasty", "text"):
        offset = mv.LAYOUT_PLAN.index(base)
        doc = mv.make_doc(len(mv.LAYOUT_PLAN) * k + offset)
        if base == "text":
            return doc, None, "txt"
        return doc, mv.render_pdf_once, "pdf"
    if base in ("word_table", "caps"):
        doc = uv.make_unseen_doc(len(uv.UNSEEN_PLAN) * k + uv.UNSEEN_PLAN.index(base))
        return doc, uv.RENDERERS.get(base, mv.render_pdf_once), "pdf"
    if base == "labels":
        return uv.make_labels_doc(k), uv.render_labels_once, "pdf"
    pdfs = [n for n, r in enumerate(sv.RENDERINGS) if r != "html"]
    k = len(sv.RENDERINGS) * k + pdfs[k % len(pdfs)]  # a PDF rendering of svenska
    return sv.make_svenska_doc(k), sv.render_svenska_pdf_once, "pdf"


def make_damaged_variant(seed: int) -> mv.Variant:
    """Document ``seed`` of the 'damaged' family: the damaged bytes and the base document's clean gold."""
    with deadline(mv.SECONDS_PER_DOCUMENT, f"make_unseen_variants damaged seed {seed}"):
        doc, once, suffix = _document(seed)
        rng = random.Random(seed * 2_750_159 + 7)
        profile = rng.choice(PROFILES)
        base = _base(seed)[0]
        damager = Damager(seed, profile, profile.pipe * (4 if base == "word_table" else 1))
        doc.stem = f"x{seed:03d}_damaged_{base}_{doc.stem.split('_', 2)[-1]}"
        name = f"{doc.stem}.{suffix}"
        if once is None:
            margin = doc.feats.header_shape == "body_date_para"  # render_text's 22-column margin layout
            data = damaged_text_export(mv.render_text(doc).decode("utf-8"), damager, margin).encode("utf-8")
            pages = count = None
        else:
            def render(total: int) -> mv.MinutesPdf:
                damager.reset()
                return once(doc, total)

            with damaged_printing(damager):
                pdf = with_page_total(render)
                data = bytes(pdf.output())
            pages, count = pdf.item_pages, pdf.page_no()
        gold = mv.gold_of(doc, name, pages, count)
        gold["ocr_damaged_text_layer"] = True
        gold["base_layout"] = doc.feats.layout
        features = {**doc.feats.as_dict(), "base": base, "damage": profile.name}
        gold["features"] = features
        return mv.Variant(seed, name, data, gold, features)


def make_damaged_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    return [make_damaged_variant(s) for s in range(first_seed, first_seed + n)]
