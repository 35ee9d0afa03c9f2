"""Repair of OCR-damaged Finnish: restore ä/ö (and dropped letters) with Voikko and word frequencies.

Poor OCR (Tesseract run with English data, old scanner software) loses ä and ö: 'Päätösehdotus'
becomes 'Paatdsehdotus', 'että' 'ettd', 'myös' 'myds', 'sisältö' 'siséltd'. Researchers cannot
search such text, so damaged pages are repaired word by word:

1. `page_damage` measures the share of Finnish-looking words the Voikko lexicon does not know;
   only pages (or texts) above `DEFAULT_MIN_DAMAGE` are touched, and never Swedish ones.
2. For an unknown word, a weighted search over what OCR does (`CONFUSIONS`: a→ä, o→ö, d→ä/ö,
   t→ö, é→ä/ö or noise, 6→ö) lists every spelling within `DEFAULT_MAX_COST` that Voikko accepts;
   Voikko's own suggestions (one or two plain edits: a dropped letter, two words run together)
   are the fallback. Candidates are ranked by word frequency (wordfreq, or the lemma's frequency
   for compounds it lacks) minus the edit cost.
3. A word the lexicon knows stays, unless a diacritic-only variant ('paatos' → 'päätös', 'Lisaksi'
   → 'Lisäksi') is far more frequent: in text that has lost its ä/ö that is the likelier reading.

Names, numbers, codes and e-mail addresses are left alone. Results are cached per word, so a
document costs a few thousand Voikko look-ups per distinct damaged word at most.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, replace

from extractors.records import Line, PageText
from extractors.text.fold import fold
from extractors.text.lexicon import analyses, common_zipf, require_voikko
from extractors.text.ocrfix import normalise_ocr_line

DEFAULT_MIN_DAMAGE = 0.08  # share of damaged-looking Finnish words above which a page is repaired
DEFAULT_MIN_PAGE_WORDS = 30  # pages with fewer Finnish-looking words are judged with their document
FRONT_VOWEL_SHARE = 0.21  # (ä+ö)/(a+o+ä+ö) in clean Finnish minutes (dev gold and Lapua texts)
DEFAULT_MAX_COST = 2.6  # largest summed confusion cost the candidate search explores
DEFAULT_SEARCH_BUDGET = 4000  # spellings checked per word at most
DEFAULT_KNOWN_MARGIN = 1.0  # zipf units a variant of a known word must exceed it by, when all ä/ö are lost
DEFAULT_COST_WEIGHT = 1.5  # zipf units one unit of confusion cost is worth
DEFAULT_MAX_SUGGEST_DISTANCE = 1.6  # confusion-weighted distance accepted from a Voikko suggestion
DEFAULT_SWEDISH_SHARE = 0.06  # share of Swedish function words that marks a page as Swedish
DEFAULT_MIN_VARIANT_ZIPF = 2.5  # a known word's variant must be at least this common
DEFAULT_MIN_SUGGEST_LENGTH = 5  # shorter unknown words are fragments more often than damage
DEFAULT_SPLIT_ZIPF = 5.5  # two run-together words are split only when one is this common ('ja')

# What OCR printed -> what the page said, with a cost (lower = more common). Only characters a
# confusion can start from are listed; everything else is kept as printed.
CONFUSIONS: dict[str, tuple[tuple[str, float], ...]] = {
    "a": (("ä", 0.3),),
    "o": (("ö", 0.4),),
    "d": (("ä", 0.6), ("ö", 0.6)),
    "t": (("ö", 0.9),),
    "é": (("ä", 0.2), ("ö", 0.3), ("e", 0.4), ("", 1.5)),
    "è": (("ä", 0.3), ("e", 0.3)),
    "á": (("ä", 0.1),), "à": (("ä", 0.1),), "â": (("ä", 0.1),), "ã": (("ä", 0.1),),
    "ó": (("ö", 0.1),), "ò": (("ö", 0.1),), "ô": (("ö", 0.1),), "õ": (("ö", 0.1),),
    "6": (("ö", 0.2),),
    "0": (("ö", 0.4),),
}
# the subset that only adds diacritics: allowed on words the lexicon already knows
DIACRITIC_ONLY: dict[str, tuple[tuple[str, float], ...]] = {"a": (("ä", 0.3),), "o": (("ö", 0.4),)}

_NOISE_NEIGHBOURS = frozenset("adoé")  # 'éa', 'dé': an 'é' printed beside the letter it garbled
_NOISE_DELETE_COST = 0.6
_MARKERS = re.compile(r"[éèáàâãóòôõ]|[a-zåäö][60]|[60][a-zåäö]")  # characters Finnish words lack
_CORE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)
_SENTENCE_END = (".", "!", "?")
_SEPARATORS = re.compile(r"([-/])")
_NUMBER_TAIL = re.compile(r"^(.*\d):([^\W\d_]+)$")
# case endings written after a number or abbreviation with a colon ('19:stä', '§:n')
_ENDINGS = frozenset(
    "n a ä ta tä na nä ksi ssa ssä sta stä lla llä lta ltä lle een iin ään aan ää aa ia iä ksi "
    "nä na ssa ssä tta ttä ineen ".split())
_SWEDISH = frozenset(
    "och att som för det är på med till av den ett en har inte om vid från eller sig under "
    "beslut förslag nämnden kommunen ärende".split())
_PROPER = frozenset({"etunimi", "sukunimi", "paikannimi", "nimi"})
# common Swedish words as a text layer without å/ä/ö prints them -> as printed
_SWEDISH_STRIPPED = {"for": "för", "ar": "är", "pa": "på", "fran": "från", "nar": "när", "forslag": "förslag",
                     "nagon": "någon", "sasom": "såsom", "aven": "även", "ocksa": "också", "arende": "ärende",
                     "arendet": "ärendet", "namnden": "nämnden", "foredragande": "föredragande"}
_SWEDISH_WHOLE = frozenset(_SWEDISH_STRIPPED.values())
DEFAULT_MIN_OCR_SHAPES = 3  # lines with OCR-only shapes that make a text layer an OCR text
_OCR_EVIDENCE = re.compile(r"\$\s?\d|[a-zåäö][1I][a-zåäö]|^\s*\|\s+\w")
DEFAULT_MIN_STRIPPED = 5  # stripped common words a Swedish text needs before it counts as damaged


@dataclass(frozen=True)
class RepairInfo:
    """One repaired word: the lead maps it to records.TextRepair (doc_id added there)."""

    page: int | None
    original: str
    repaired: str
    method: str  # confusion | frequency | suggestion
    score: float


# --- lexicon and frequencies -------------------------------------------------------------------


def _voikko():
    return require_voikko("to repair OCR-damaged Finnish")


@functools.lru_cache(maxsize=500_000)
def _known(word: str) -> bool:
    return bool(word) and _voikko().spell(word)


def _analyses(word: str) -> tuple[dict, ...]:
    _voikko()  # repair cannot work without the lexicon: say how to install it
    return analyses(word)


@functools.lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "fi")


@functools.lru_cache(maxsize=200_000)
def plausibility(word: str) -> float:
    """How likely a spelling is in Finnish text, in zipf units.

    The word's own frequency, else its lemma's lowered for the inflection; for a compound also its
    components' mean, lowered per component (web text under-counts long compounds).
    """
    own = _zipf(word)
    best = 0.0
    for analysis in _analyses(word):
        parts = [b for b in re.findall(r"\(([^)]*)\)", analysis.get("WORDBASES", ""))
                 if b and not b.startswith("+")]
        if len(parts) >= 2:  # web text under-counts long compounds: judge them by their parts too
            best = max(best, sum(_zipf(b) for b in parts) / len(parts) - 1.0 * len(parts))
        elif not own:
            best = max(best, _zipf(analysis.get("BASEFORM", "")) - 0.5)
    return max(own, best, 0.3)


def _part_count(word: str) -> int:
    return max((len([b for b in re.findall(r"\(([^)]*)\)", a.get("WORDBASES", "")) if b and b[0] != "+"])
                for a in _analyses(word)), default=0)


def _is_proper(word: str) -> bool:
    return any(a.get("CLASS") in _PROPER for a in _analyses(word))


# --- damage detection --------------------------------------------------------------------------


def _wordlike(core: str) -> bool:
    """Letters only, allowing the digits OCR prints for ö ('kaytt6maksut') between letters."""
    if not core or not (core[0].isalpha() and core[-1].isalpha() or _MARKERS.search(core.lower())):
        return False
    return all(c.isalpha() or (c in "60" and 0 < i < len(core)) for i, c in enumerate(core)) and \
        sum(c.isdigit() for c in core) <= 2


@functools.lru_cache(maxsize=200_000)
def _finnish_looking(core: str) -> bool:
    return len(core) >= 3 and _wordlike(core) and not core.isupper()


def _considered(words: list[str]) -> list[str]:
    """Finnish-looking word cores: lower-case, or capitalised but carrying OCR marks."""
    out = []
    for token in words:
        out.extend(_token_cores(token))
    return out


@functools.lru_cache(maxsize=200_000)
def _token_cores(token: str) -> tuple[str, ...]:
    if token.isalpha() and token[0].islower() and token.islower():  # most tokens: a plain word, its own core
        return (token,) if len(token) >= 3 else ()
    return tuple(core for core in _SEPARATORS.split(_CORE.match(token).group(2))[::2]
                 if _finnish_looking(core) and (core[0].islower() or _MARKERS.search(core.lower())))


@functools.lru_cache(maxsize=200_000)
def _damaged(core: str) -> bool:
    """Unknown to the lexicon and either OCR-marked or repairable by the confusion search.

    Unknown words of clean text (names, line-break fragments, rare compounds) seldom become words
    by restoring ä/ö, so they do not count as damage.
    """
    if _MARKERS.search(core.lower()):
        return True
    return not _known(core) and repair_word(core, False) is not None


DEFAULT_CLEAN_LOSS = 0.5  # text that kept at least half of its usual ä/ö lost none to OCR


def page_damage(words: list[str]) -> float:
    """Share of Finnish-looking words that look OCR-damaged (see `_damaged`); 0.0 without any.

    Text without OCR marks that kept its ä/ö is clean: the costly repairability test of every
    unknown word (names, rare compounds) is skipped for it.
    """
    return _damage(_considered(words))


def _damage(cores: list[str]) -> float:
    """`page_damage` of word cores found already (a document's are its pages' cores together)."""
    if not cores:
        return 0.0
    if len(cores) >= 30 and not _MARKERS.search(" ".join(cores).lower()) and _loss(cores) < DEFAULT_CLEAN_LOSS:
        return 0.0
    return sum(_damaged(c) for c in cores) / len(cores)


def diacritic_loss(words: list[str]) -> float:
    """Estimated share of ä/ö the OCR lost: 1 - observed (ä+ö) share of a/o/ä/ö over the usual one."""
    return _loss(_considered(words))


def _loss(cores: list[str]) -> float:
    text = " ".join(cores).lower()
    front, back = text.count("ä") + text.count("ö"), text.count("a") + text.count("o")
    if front + back < 50:
        return 1.0
    return min(1.0, max(0.01, 1.0 - (front / (front + back)) / FRONT_VOWEL_SHARE))


def looks_swedish(words: list[str]) -> bool:
    """Swedish text must not be 'repaired' with a Finnish lexicon."""
    lowered = [w for w in map(_lower_core, words) if w]
    if not lowered:
        return False
    return sum(w in _SWEDISH for w in lowered) / len(lowered) >= DEFAULT_SWEDISH_SHARE


@functools.lru_cache(maxsize=200_000)
def _lower_core(token: str) -> str:
    """A token without its leading and trailing punctuation, lower-cased (once per distinct token:
    a document's words are read whole here)."""
    return _CORE.match(token).group(2).lower()


def needs_repair(words: list[str], min_damage: float = DEFAULT_MIN_DAMAGE) -> bool:
    """Is this text (a page, a document) damaged Finnish that repair should touch?"""
    return page_damage(words) >= min_damage and not looks_swedish(words)


def _known_margin(words: list[str]) -> float:
    """The margin a known word's variant needs: higher the more ä/ö the text still has."""
    return _margin(_loss(_considered(words)))


def _margin(loss: float) -> float:
    import math

    return round(DEFAULT_KNOWN_MARGIN - math.log10(loss), 1)


# --- candidate search --------------------------------------------------------------------------


def _with_case(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _options(lower: str, i: int, table: dict) -> tuple[tuple[str, float], ...]:
    opts = table.get(lower[i], ())
    if lower[i] == "é" and table is CONFUSIONS:
        near = (lower[i - 1] if i else "") + (lower[i + 1] if i + 1 < len(lower) else "")
        if _NOISE_NEIGHBOURS.intersection(near):
            opts = tuple((r, _NOISE_DELETE_COST if r == "" else c) for r, c in opts)
    return opts


def _spellings(lower: str, table: dict, max_cost: float, budget: int) -> list[tuple[str, float]]:
    """Every spelling reachable through `table` within max_cost, cheapest first, at most budget."""
    positions = [(i, _options(lower, i, table)) for i, ch in enumerate(lower) if ch in table]
    out: list[tuple[str, float]] = []
    chars = list(lower)

    def walk(k: int, cost: float) -> None:
        if len(out) >= budget:
            return
        if k == len(positions):
            if cost > 0:
                out.append(("".join(chars), cost))
            return
        walk(k + 1, cost)
        i, opts = positions[k]
        original = chars[i]
        for repl, c in opts:
            if cost + c <= max_cost:
                chars[i] = repl
                walk(k + 1, cost + c)
        chars[i] = original

    walk(0, 0.0)
    return sorted(out, key=lambda x: x[1])


def _confusion_distance(observed: str, candidate: str) -> float:
    """Edit distance in which the OCR confusions are cheap; plain edits cost 1."""
    n, m = len(observed), len(candidate)
    prev = [float(j) for j in range(m + 1)]
    for i in range(1, n + 1):
        o = observed[i - 1]
        delete = _NOISE_DELETE_COST if o == "é" else 1.0
        cur = [prev[0] + delete] + [0.0] * m
        for j in range(1, m + 1):
            c = candidate[j - 1]
            sub = 0.0 if o == c else next((k for r, k in CONFUSIONS.get(o, ()) if r == c), 1.0)
            cur[j] = min(prev[j - 1] + sub, prev[j] + delete, cur[j - 1] + 1.0)
        prev = cur
    return prev[m]


def _score(candidate: str, cost: float) -> float:
    return plausibility(candidate) - DEFAULT_COST_WEIGHT * cost


@functools.lru_cache(maxsize=200_000)
def repair_word(word: str, sentence_start: bool = True, margin: float = DEFAULT_KNOWN_MARGIN
                ) -> tuple[str, str, float] | None:
    """(repaired, method, score) for one word of damaged text, or None to keep it as printed.

    `sentence_start` tells whether a capital letter may be mere sentence case: elsewhere a known
    capitalised name ('Mika') is never turned into a common word ('mikä'). `margin` is the zipf gain a diacritic
    variant of a known word needs (see `_known_margin`).
    """
    if len(word) < 2 or not _wordlike(word) or (word.isupper() and len(word) <= 3):
        return None
    lower = word.lower()
    if _known(word):
        if word[:1].isupper() and not sentence_start and _is_proper(word):
            return None
        return _better_variant(word, lower, margin)
    found = _spellings(lower, CONFUSIONS, DEFAULT_MAX_COST, DEFAULT_SEARCH_BUDGET)
    valid = [(cand, c) for cand, c in ((_with_case(word, s), c) for s, c in found) if _known(cand)]
    if valid:
        best, cost = max(valid, key=lambda sc: _score(*sc))
        return best, "confusion", round(_score(best, cost), 2)
    if word[:1].isupper() and not _MARKERS.search(lower):
        return None  # an unknown capitalised word without OCR marks is most likely a name
    return _suggestion(word, lower)


def _better_variant(word: str, lower: str, margin: float) -> tuple[str, str, float] | None:
    """A known word is replaced only by a far more frequent diacritic variant ('paatos' → 'päätös')."""
    own = plausibility(word)
    own_parts = _part_count(word)
    best = None
    for s, _cost in _spellings(lower, DIACRITIC_ONLY, DEFAULT_MAX_COST, 256):
        cand = _with_case(word, s)
        if not _known(cand):
            continue
        if not _zipf(cand) and _part_count(cand) != own_parts:
            continue  # an unattested variant is only compared with a compound of the same shape
        value = plausibility(cand)
        gain = value - own
        if gain >= margin and value >= DEFAULT_MIN_VARIANT_ZIPF and \
                (best is None or gain > best[2]):
            best = (cand, "frequency", round(gain, 2))
    return best


def _front_guess(lower: str) -> str:
    """The word with every cheap confusion applied: a start for Voikko when letters were dropped."""
    return "".join(min(CONFUSIONS[c], key=lambda rc: rc[1])[0] if c in "aoé6áó" else c for c in lower)


def _front_count(word: str) -> int:
    return sum(c in "äöÄÖ" for c in word)


def _suggestion(word: str, lower: str) -> tuple[str, str, float] | None:
    """Voikko's suggestions (a dropped letter, two words run together) close under the confusion costs."""
    if len(word) < DEFAULT_MIN_SUGGEST_LENGTH:
        return None
    best = None
    marked = bool(_MARKERS.search(lower))
    starts = dict.fromkeys([word, _with_case(word, _front_guess(lower))])
    for start in starts:
        for s in _voikko().suggest(start)[:6]:
            parts = s.split()
            if len(parts) > 2 or not all(p.isalpha() and _known(p) for p in parts):
                continue
            if _with_case(word, s.lower()) != s:
                continue  # a suggestion that changes case ('alv' -> 'ALV') is another word
            if len(parts) == 2 and min(common_zipf("fi").get(p.lower(), 0.0) for p in parts) < DEFAULT_SPLIT_ZIPF:
                continue  # run-together words: one of them is a very common short word ('ja')
            if len(parts) == 1 and not marked and _front_count(s) <= _front_count(lower):
                continue  # a plain typo fix restores no ä/ö: not what this OCR damage does
            dist = _confusion_distance(lower, s.lower())
            if dist > DEFAULT_MAX_SUGGEST_DISTANCE:
                continue
            score = min(plausibility(p) for p in parts) - DEFAULT_COST_WEIGHT * dist
            if best is None or score > best[2]:
                best = (s, "suggestion", round(score, 2))
    return best


def _repair_ending(ending: str) -> str | None:
    """A case ending after a number ('19:std' -> '19:stä'), chosen among the Finnish endings."""
    if ending.lower() in _ENDINGS:
        return None
    found = [s for s, _ in _spellings(ending.lower(), CONFUSIONS, DEFAULT_MAX_COST, 64) if s in _ENDINGS]
    return found[0] if found else None


# --- texts and pages ---------------------------------------------------------------------------

Change = tuple[str, str, str, float]  # original, repaired, method, score


def _repair_token(token: str, sentence_start: bool, margin: float) -> tuple[str, list[Change]]:
    """Repair one whitespace token, its '-' and '/' joined parts separately, keeping punctuation."""
    lead, core, trail = _CORE.match(token).groups()
    if not core or lead.endswith("-") or trail.startswith("-") or "@" in core or "." in core:
        return token, []  # fragment, e-mail, URL, number
    if trail.startswith(".") and _known(core + "."):
        return token, []  # abbreviation ('puh.', 'milj.')
    if trail.startswith("&") and core[-1:].islower():
        # Tesseract's English data prints '&' for a word-final 'ä' ('käsittelyss&'): found by reading
        # printed Finnish back (pipeline/bench_ocr.py), not part of CONFUSIONS' letter-for-letter model
        fixed, changes = _repair_token(lead + core + "ä" + trail[1:], sentence_start, margin)
        new_core = _CORE.match(fixed).group(2)
        if _known(new_core):
            method, score = (changes[0][2], changes[0][3]) if changes else ("confusion", 0.0)
            return fixed, [(core + "&", new_core, method, score)]
    tail = _NUMBER_TAIL.match(core)
    if tail:
        fixed = _repair_ending(tail.group(2))
        if not fixed:
            return token, []
        new = f"{tail.group(1)}:{_with_case(tail.group(2), fixed)}"
        return lead + new + trail, [(core, new, "ending", 0.0)]
    if _known(core):
        fix = repair_word(core, sentence_start, margin)
        return (lead + fix[0] + trail, [(core, fix[0], fix[1], fix[2])]) if fix else (token, [])
    pieces = _SEPARATORS.split(core)
    changes: list[Change] = []
    for k in range(0, len(pieces), 2):
        part = pieces[k]
        previous = pieces[k - 2] if k >= 2 else None
        if previous is not None and (not previous or any(c.isdigit() for c in previous)):
            continue  # a fragment after a number or a bare hyphen ('65-vuotiaita', '-vuotias')
        fix = repair_word(part, sentence_start and k == 0, margin) if part else None
        if fix:
            changes.append((part, fix[0], fix[1], fix[2]))
            pieces[k] = fix[0]
    return (lead + "".join(pieces) + trail, changes) if changes else (token, [])


def repair_tokens(tokens: list[str], sentence_start: bool = True, margin: float | None = None,
                  previous: str = "") -> tuple[list[str], list[Change]]:
    """Repair whitespace tokens one for one; returns them and the (original, repaired, method, score).

    A token after one that ends in a hyphen is a word's continuation ('järjestel- mä') and is kept;
    a capitalised token before another ('Mika Virtanen') is a name even at a sentence start.
    """
    margin = _known_margin(tokens) if margin is None else margin
    out, changes = [], []
    for k, token in enumerate(tokens):
        following = tokens[k + 1] if k + 1 < len(tokens) else ""
        if previous.endswith("-") and token[:1].islower():
            new, ch = token, []
        else:
            name_pair = token[:1].isupper() and following[:1].isupper() and not token.endswith(",")
            new, ch = _repair_token(token, sentence_start and not name_pair, margin)
        out.append(new)
        changes.extend(ch)
        sentence_start = token.endswith(_SENTENCE_END)
        previous = token
    return out, changes


def repair_text(text: str, min_damage: float = DEFAULT_MIN_DAMAGE) -> tuple[str, list[RepairInfo]]:
    """Repair a plain text if it is damaged; whitespace and line breaks are kept."""
    if not needs_repair(text.split(), min_damage):
        return text, []
    pieces = re.split(r"(\s+)", text)
    fixed, changes = repair_tokens(pieces[0::2])
    pieces[0::2] = fixed
    return "".join(pieces), [RepairInfo(None, o, r, m, s) for o, r, m, s in changes]


def repair_pages(pages: list[PageText], min_damage: float = DEFAULT_MIN_DAMAGE
                 ) -> tuple[list[PageText], list[RepairInfo]]:
    """Repair the damaged pages; geometry (lines, segments, positions) is kept, only text changes.

    A page is judged by its own words, or with its whole document when it has few (a signature
    page); the ä/ö loss that sets how freely known words change is estimated per document.
    """
    page_words = [[w for line in page.lines for w in line.text.split()] for page in pages]
    shaped = ocr_shaped_lines(pages) >= DEFAULT_MIN_OCR_SHAPES
    if looks_swedish([w for words in page_words for w in words]):
        # no Finnish lexicon for Swedish words; a text layer that lost its å/ä/ö is still an OCR
        # text, so its '§', pipes and digit/letter shapes are read as OCR's (ocrfix)
        if not (shaped or swedish_lost_diacritics([w for words in page_words for w in words])):
            return list(pages), []
        return [_with_ocr_shapes(page) for page in pages], []
    page_cores = [_considered(words) for words in page_words]  # once: each judgement below reads them
    all_cores = [c for cores in page_cores for c in cores]
    document_damaged = _damage(all_cores) >= min_damage
    if shaped or document_damaged:  # an OCR text layer: '$ 21' is '§ 21' on every page of it
        pages = [_with_ocr_shapes(page) for page in pages]
    margin = _margin(_loss(all_cores))
    out: list[PageText] = []
    infos: list[RepairInfo] = []
    for page, cores in zip(pages, page_cores, strict=True):
        if len(cores) >= DEFAULT_MIN_PAGE_WORDS:
            damaged = _damage(cores) >= min_damage
        else:
            damaged = document_damaged
        if not damaged:
            out.append(page)
            continue
        lines = []
        sentence_start, previous = True, ""
        for line in page.lines:
            new_line, changes = _repair_line(line, sentence_start, margin, previous)
            lines.append(new_line)
            infos.extend(RepairInfo(page.number, o, r, m, s) for o, r, m, s in changes)
            text = line.text.rstrip()
            sentence_start = text.endswith(_SENTENCE_END) or not text
            previous = text.split()[-1] if text else ""
        out.append(replace(page, lines=tuple(lines)))
    return out, infos


def ocr_shaped_lines(pages: list[PageText]) -> int:
    """Lines showing shapes only OCR prints (a '$' before a number, '1' or 'I' inside a lower-case
    word, a lone '|' opening a line): a text layer with a few of them came from an OCR program."""
    return sum(1 for page in pages for line in page.lines if _OCR_EVIDENCE.search(line.text))


def _with_ocr_shapes(page: PageText) -> PageText:
    return replace(page, lines=tuple(_ocr_shapes(line) for line in page.lines))


def _ocr_shapes(line: Line) -> Line:
    """The line with ocrfix's shape rules applied to each segment (or its text without segments)."""
    if line.segments:
        segments = tuple(replace(seg, text=normalise_ocr_line(seg.text)) for seg in line.segments)
        if all(a.text == b.text for a, b in zip(segments, line.segments, strict=True)):
            return line
        return replace(line, segments=segments, text=" ".join(seg.text for seg in segments))
    text = normalise_ocr_line(line.text)
    return line if text == line.text else replace(line, text=text)


def swedish_lost_diacritics(words: list[str]) -> bool:
    """Has a Swedish text lost its å/ä/ö? Its commonest words then appear without them ('for', 'ar',
    'pa', 'fran' for 'för', 'är', 'på', 'från') more often than with them."""
    lowered = [w for w in map(_lower_core, words) if w]
    lost = sum(w in _SWEDISH_STRIPPED for w in lowered)
    kept = sum(w in _SWEDISH_WHOLE for w in lowered)
    return lost >= DEFAULT_MIN_STRIPPED and lost > kept


def _repair_line(line: Line, sentence_start: bool, margin: float, previous: str
                 ) -> tuple[Line, list[Change]]:
    changes: list[Change] = []
    if line.segments:
        segments = []
        for seg in line.segments:
            tokens = seg.text.split()
            fixed, ch = repair_tokens(tokens, sentence_start, margin, previous)
            changes.extend(ch)
            segments.append(replace(seg, text=" ".join(fixed)) if fixed != tokens else seg)
            sentence_start = seg.text.rstrip().endswith(_SENTENCE_END)
            previous = tokens[-1] if tokens else previous
        if not changes:
            return line, []
        return replace(line, segments=tuple(segments), text=" ".join(s.text for s in segments)), changes
    tokens = line.text.split()
    fixed, changes = repair_tokens(tokens, sentence_start, margin, previous)
    return (replace(line, text=" ".join(fixed)), changes) if changes else (line, [])


# --- measurement -------------------------------------------------------------------------------


def measure_repair(damaged: str, clean: str, min_damage: float = DEFAULT_MIN_DAMAGE) -> dict:
    """Repair `damaged` and compare word by word with its hand-corrected `clean` twin.

    Words are aligned one for one where the two have the same word count (the seeds' gold is
    word-aligned), else by difflib over folded words. `repaired_share` is the share of damaged words
    now equal to the clean word, `broken_share` the share of correct words the repair changed.
    """
    d_tokens, c_tokens = damaged.split(), clean.split()
    r_tokens, changes = (repair_tokens(d_tokens) if needs_repair(d_tokens, min_damage)
                         else (d_tokens, []))
    pairs = _align(d_tokens, c_tokens)
    damaged_n = fixed = correct_n = broken = 0
    for i, j in pairs:
        if d_tokens[i] == c_tokens[j]:
            correct_n += 1
            broken += r_tokens[i] != c_tokens[j]
        else:
            damaged_n += 1
            fixed += r_tokens[i] == c_tokens[j]
    unaligned = len(c_tokens) - len(pairs)
    damaged_n += unaligned
    return {
        "words": len(c_tokens), "damaged": damaged_n, "repaired_exactly": fixed,
        "correct": correct_n, "correct_changed": broken,
        "repaired_share": round(fixed / damaged_n, 4) if damaged_n else 1.0,
        "broken_share": round(broken / correct_n, 4) if correct_n else 0.0,
        "changes": len(changes),
    }


def _align(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    if len(a) == len(b):
        return list(enumerate(range(len(b))))
    pairs = []
    matcher = difflib.SequenceMatcher(None, [fold(t) for t in a], [fold(t) for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
    return pairs
