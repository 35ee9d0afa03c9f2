"""Document identity: which municipality wrote it, in which language, and what kind of document it is.

Minutes name their municipality in many shapes: 'Lapuan kaupunki' (genitive + kaupunki),
'KEURUUN KAUPUNKI', 'Kokemäen kaupungin strategia', 'ruokolahtelaisten' (inhabitant adjective),
'Keuruulla 14.06.2024' (locative in the signature line), e-mail domains ('@sastamala.fi') and Swedish
names ('Närpes stad'). Minutes also mention neighbouring towns and people whose surname is a town
('Sanni Kankaanpää'), so every mention is scored by where and how it occurs, and the best total wins.

Finnish genitives are irregular (Kokemäki -> Kokemäen, Pälkäne -> Pälkäneen, Ruokolahti ->
Ruokolahden). Two mechanisms recognise them: a rule-based generator of oblique stems with consonant
gradation (works for any name in the data file) and libvoikko's morphological analysis (BASEFORM of
a 'paikannimi'), which covers the irregular rest when the library is installed.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extractors.text.fold import ascii_lower
from extractors.text.lexicon import analyses, is_first_name
from extractors.vocab import (
    FOLLOWUP_MARKERS,
    GOAL_MARKERS,
    LANGUAGE_STOPWORDS,
    MINUTES_MARKERS,
    MUNICIPALITY_NOUNS,
)

DEFAULT_HEADER_LINES = 5  # the first non-empty lines of a text count as its page header
DEFAULT_MAX_CHARS = 400_000  # long reports (a 158-page tilinpäätös) are scored on their beginning
# Municipality evidence is read from the first pages (header, attendees, signatures, contacts):
# later pages mostly name other places, and each capitalised word may cost a Voikko analysis.
DEFAULT_SCORED_CHARS = 50_000

# Weights of one mention, by how it occurs.
WEIGHT_MENTION = 1.0
WEIGHT_ADJECTIVE = 2.0
WEIGHT_DOMAIN = 3.0
WEIGHT_FILE_NAME = 6.0
WEIGHT_INSTITUTION = 10.0  # 'Lapuan kaupunki', 'Närpes stad'
HEADER_FACTOR = 3.0

# Case endings that may follow an oblique stem ('Kokemäe' + 'lle'); '' is the nominative itself.
CASE_ENDINGS = (
    "n", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "na", "nä", "ksi", "a", "ä",
    "han", "hen", "hin", "hon", "hun", "hyn", "hän", "hön", "seen", "en", "in", "an", "än", "on", "ön",
    "un", "yn", "nkin", "ssakin", "ssäkin", "llakin", "lläkin",
)
# Final components of compound place names whose oblique stem is irregular (Kauhajoki -> Kauhajoe-n).
COMPOUND_TAILS = {
    "joki": ("joe",), "mäki": ("mäe",), "lahti": ("lahde",), "järvi": ("järve",), "niemi": ("nieme",),
    "salmi": ("salme",), "koski": ("koske",), "lampi": ("lamme",), "saari": ("saare",), "vesi": ("vede",),
    "ranta": ("ranna",), "virta": ("virra",), "kangas": ("kankaa",), "kumpu": ("kummu",),
    "kaupunki": ("kaupungi",), "valta": ("valla",), "pelto": ("pello",), "nummi": ("numme",),
    "lähde": ("lähtee",),
}
# Weak grades of consonant gradation, tried on the consonants before the final vowel.
GRADATION = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("nt", "nn"), ("lt", "ll"), ("rt", "rr"),
    ("mp", "mm"), ("ht", "hd"), ("lk", "l"), ("rk", "r"), ("hk", "h"), ("lp", "lv"), ("rp", "rv"),
    ("p", "v"), ("t", "d"), ("k", ""),
)
STRONG_GRADES = (("rr", "rt"), ("nn", "nt"), ("ll", "lt"), ("mm", "mp"), ("ng", "nk"))
VOWELS = "aeiouyäöå"
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü][A-Za-zÅÄÖåäöÉéÜü-]*")
_DOMAIN = re.compile(r"(?:@|\bwww\.|\b)([a-z0-9][a-z0-9-]*)\.(fi|ax)\b", re.I)
_ADJECTIVE = re.compile(r"^([a-zåäö-]+?)l[aä]i(?:nen|s[a-zåäö]*)$")


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str  # official Finnish-form name
    name_sv: str | None
    base: str  # the name as it occurs in running text ('Pedersöre' for 'Pedersören kunta')
    domains: tuple[str, ...]


@cache
def municipalities() -> tuple[Municipality, ...]:
    """The 308 municipalities from extractors/data/municipalities.csv (package data)."""
    text = resources.files("extractors").joinpath("data/municipalities.csv").read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        base = row["base_fi"] or row["name_fi"]
        domains = {f"{ascii_lower(n).replace(' ', '')}.{tld}" for n in (base, row["name_sv"]) if n
                   for tld in ("fi", "ax")}
        domains.update(d for d in row["domains"].split() if d)
        out.append(Municipality(row["code"], row["name_fi"], row["name_sv"] or None, base,
                                tuple(sorted(domains))))
    return tuple(out)


# --- inflected forms ----------------------------------------------------------------------------


def oblique_stems(name: str) -> set[str]:
    """Possible stems of the non-nominative cases, lower-case: 'Kokemäki' -> {'kokemäe', 'kokemäki', ...}.

    Over-generates on purpose (Raahe -> raahe, raahee): a stem only counts when a real case ending
    follows it in the text, and no two municipalities share a stem.
    """
    low = name.lower()
    stems = {low}
    for tail, replacements in COMPOUND_TAILS.items():
        if low.endswith(tail):
            stems.update(low[: -len(tail)] + r for r in replacements)
    if low.endswith("nen"):
        stems.add(low[:-3] + "se")
    elif low.endswith("s") and len(low) > 2 and low[-2] in VOWELS:
        stems.update({low[:-1] + "kse", low[:-1] + "de", low[:-1] + "ksi", low[:-1] + "a"})
    elif low.endswith("e"):
        stems.add(low + "e")
    elif low.endswith("t") and len(low) > 3:  # plural names: Virrat -> Virtain / Virtojen / Virroilla
        strong = low[:-1]
        for weak_grade, strong_grade in STRONG_GRADES:
            if low[:-2].endswith(weak_grade):
                strong = low[: -2 - len(weak_grade)] + strong_grade + low[-2]
                break
        stems.update({low[:-2] + "oi", strong[:-1] + "oje", strong[:-1] + "ai", strong})
    if low and low[-1] in VOWELS and not (len(low) > 1 and low[-2] == low[-1]):
        head, last = low[:-1], low[-1]
        for strong, weak in GRADATION:
            if head.endswith(strong) and (len(strong) > 1 or (len(head) > 1 and head[-2] in VOWELS)):
                stems.add(head[: -len(strong)] + weak + last)
                break
    return stems


@cache
def _form_index() -> dict[str, str]:
    """Every generated inflected form (lower-case) -> municipality code."""
    index: dict[str, str] = {}
    for m in municipalities():
        names = [m.base] + ([m.name_sv] if m.name_sv and m.name_sv != m.base else [])
        for name in names:
            index.setdefault(name.lower(), m.code)
            if m.name_sv and name == m.name_sv:
                index.setdefault(name.lower() + "s", m.code)  # Swedish genitive: 'Närpes stads'
                continue
            for stem in oblique_stems(name):
                for ending in CASE_ENDINGS:
                    index.setdefault(stem + ending, m.code)
    return index


@cache
def _folded_form_index() -> dict[str, str]:
    """The same forms without diacritics, for OCR text that lost them ('PIEKSAMAEN KAUPUNKI')."""
    index: dict[str, str] = {}
    for form, code in _form_index().items():
        index.setdefault(ascii_lower(form), code)
    return index


@cache
def _adjective_index() -> dict[str, str]:
    """Inhabitant-adjective stems -> code: 'ruokolahte' (ruokolahtelainen), 'kokemäke', 'lapua'."""
    index: dict[str, str] = {}
    for m in municipalities():
        low = m.base.lower()
        stems = {low}
        if low.endswith("i"):
            stems.add(low[:-1] + "e")
        if low.endswith("nen"):
            stems.add(low[:-3] + "s")
        for stem in stems:
            index.setdefault(stem, m.code)
    return index


def analyse(word: str) -> tuple[tuple[str, str], ...]:
    """(BASEFORM, CLASS) pairs of a word by libvoikko; empty without libvoikko (the rule-based
    stems are the fallback)."""
    return tuple((a.get("BASEFORM", ""), a.get("CLASS", "")) for a in analyses(word))


@cache
def _by_code() -> dict[str, Municipality]:
    return {m.code: m for m in municipalities()}


@cache
def _by_place_name() -> dict[str, str]:
    return {m.base.lower(): m.code for m in municipalities()}


@lru_cache(maxsize=100_000)
def match_word(word: str) -> str | None:
    """The municipality a single word names in any case form, or None."""
    low = word.lower()
    code = _form_index().get(low)
    if code:
        return code
    if word[:1].isupper():
        for base, cls in analyse(word):
            if cls == "paikannimi":
                code = _by_place_name().get(base.lower())
                if code:
                    return code
    return _folded_form_index().get(ascii_lower(word))


@lru_cache(maxsize=100_000)
def match_adjective(word: str) -> str | None:
    """The municipality an inhabitant adjective refers to ('ruokolahtelaisten' -> Ruokolahti)."""
    m = _ADJECTIVE.match(word.lower())
    if not m:
        return None
    return _adjective_index().get(m.group(1)) or _adjective_index().get(ascii_lower(m.group(1)))


def resolve_name(name: str) -> tuple[str | None, str | None]:
    """A municipality given by name (Finnish or Swedish, any case) or by code -> (name_fi, code)."""
    key = ascii_lower(name.strip())
    for m in municipalities():
        if key in {m.code, ascii_lower(m.name), ascii_lower(m.base)} or (m.name_sv and key == ascii_lower(m.name_sv)):
            return m.name, m.code
    code = match_word(name.strip().split()[0]) if name.strip() else None
    if code:
        return _by_code()[code].name, code
    return None, None


def nearest_names(name: str, n: int = 3) -> list[str]:
    """The municipality names (Finnish or Swedish) closest in spelling, for an error's hint."""
    names = {ascii_lower(v): v for m in municipalities() for v in (m.name, m.name_sv) if v}
    return [names[k] for k in difflib.get_close_matches(ascii_lower(name.strip()), list(names), n=n, cutoff=0.5)]


# --- scoring ------------------------------------------------------------------------------------


_NOUNS = frozenset(MUNICIPALITY_NOUNS)


def _is_person_context(words: list[str], i: int) -> bool:
    """'Sanni Kankaanpää' / 'Kankaanpää Sanni': a town name used as a surname."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(words) and words[j][:1].isupper() and is_first_name(words[j]):
            return True
    return False


def score_municipalities(text: str, file_name: str = "") -> Counter:
    """Evidence per municipality code, from the text and the file name."""
    scores: Counter = Counter()
    lines = [ln for ln in text[:DEFAULT_SCORED_CHARS].splitlines() if ln.strip()]
    for n, line in enumerate(lines):
        factor = HEADER_FACTOR if n < DEFAULT_HEADER_LINES else 1.0
        words = _WORD.findall(line)
        for i, word in enumerate(words):
            code = match_word(word)
            if code:
                if _is_person_context(words, i):
                    continue
                nxt = words[i + 1].lower() if i + 1 < len(words) else ""
                if nxt in _NOUNS or ascii_lower(nxt) in _NOUNS:
                    scores[code] += WEIGHT_INSTITUTION * factor
                elif word[:1].isupper():
                    scores[code] += WEIGHT_MENTION * factor
                continue
            code = match_adjective(word)
            if code:
                scores[code] += WEIGHT_ADJECTIVE * factor
        for dm in _DOMAIN.finditer(line):
            for code in _by_domain().get(f"{dm.group(1).lower()}.{dm.group(2).lower()}", ()):
                scores[code] += WEIGHT_DOMAIN * factor
    for token in re.split(r"[^a-z0-9-]+", ascii_lower(file_name)):
        for code in _by_folded_name().get(token, ()) if token else ():
            scores[code] += WEIGHT_FILE_NAME
    return scores


@cache
def _by_domain() -> dict[str, tuple[str, ...]]:
    """Web and e-mail domain -> codes of the municipalities that use it, in the data file's order."""
    index: dict[str, tuple[str, ...]] = {}
    for m in municipalities():
        for domain in m.domains:
            index[domain] = (*index.get(domain, ()), m.code)
    return index


@cache
def _by_folded_name() -> dict[str, tuple[str, ...]]:
    """Finnish or Swedish name without diacritics ('palkane') -> codes, in the data file's order."""
    index: dict[str, tuple[str, ...]] = {}
    for m in municipalities():
        for name in {ascii_lower(m.base), ascii_lower(m.name_sv or "")} - {""}:
            index[name] = (*index.get(name, ()), m.code)
    return index


_OWN_STRATEGY = re.compile(r"\b(?:kaupunki|kunta)strategi|\b(?:stads|kommun)strategi", re.I)


def recognise_municipality(text: str, file_name: str = "",
                           hint: str | None = None) -> tuple[str | None, str | None]:
    """(official Finnish-form name, 3-digit code) of the municipality the document comes from.

    The hint (the CLI's ``--municipality``, Finnish or Swedish name or code) wins when it resolves.
    """
    if hint:
        name, code = resolve_name(hint)
        if code:
            return name, code
    scores = score_municipalities(text, file_name)
    if not scores:
        return None, None
    code, best = scores.most_common(1)[0]
    # a single passing mention is not an identity, except in a strategy that names one place only
    # ('Kaupunkistrategia 2022-25: ... Vihreä ja kestävä Kemi'): a city's strategy speaks of itself
    if best < WEIGHT_ADJECTIVE and not (len(scores) == 1 and _OWN_STRATEGY.search(text[:DEFAULT_SCORED_CHARS])):
        return None, None
    return _by_code()[code].name, code


# --- language and kind --------------------------------------------------------------------------


def detect_language(text: str) -> str:
    """'fi' or 'sv' by counting frequent function words (robust to OCR damage in longer words)."""
    words = Counter(w.lower() for w in _WORD.findall(text[:DEFAULT_MAX_CHARS]))
    fi = sum(words[w] for w in LANGUAGE_STOPWORDS["fi"])
    sv = sum(words[w] for w in LANGUAGE_STOPWORDS["sv"])
    return "sv" if sv > fi else "fi"


def _count(patterns: tuple[str, ...], folded_text: str) -> int:
    """Matches of the (folded) patterns in folded text, so 'Paatos' in damaged OCR still counts.

    A pattern whose literal part is not in the text has no match: the substring test is ~50 times
    cheaper than a scan with a leading `\\b`, which keeps the regex engine from skipping ahead."""
    return sum(len(folded.findall(folded_text)) for folded, needle in map(folded_marker, patterns)
               if needle in folded_text)


@cache
def folded_marker(pattern: str) -> tuple[re.Pattern[str], str]:
    """A kind marker compiled for folded text, and the literal its every match contains."""
    folded = ascii_lower(pattern)
    return re.compile(folded, re.I | re.M), required_literal(folded)


def required_literal(pattern: str) -> str:
    """The longest run of plain characters that every match of a simple pattern contains ('' when
    the pattern has alternatives or groups, whose parts may be optional): '\\bpoytakirja\\b' ->
    'poytakirja', '^\\s*[-–]?\\s*toimenpiteet?\\s*:' -> 'toimenpitee'."""
    if "|" in pattern or "(" in pattern:
        return ""
    runs, run, i = [], "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":  # an escape (\\b, \\s, \\d ...) is not plain text
            runs.append(run)
            run, i = "", i + 2
            continue
        if c == "[":  # a class: skip to its end ('[]x]' and '[^]x]' hold a ']', '\\]' is one)
            runs.append(run)
            run, i = "", i + (3 if pattern.startswith("[^]", i) else 2 if pattern.startswith("[]", i) else 1)
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if c == "{":  # a count, which may allow none of the character before
            runs.append(run[:-1])
            run, i = "", pattern.index("}", i) + 1
            continue
        if c in "?*":  # the character before is optional
            run = run[:-1]
        if c in "?*.^$+":
            runs.append(run)
            run = ""
        else:
            run += c
        i += 1
    runs.append(run)
    return max(runs, key=len)


def classify_kind(text: str) -> str:
    """minutes | goals | followup | other, from the words that make each kind what it is.

    Follow-up tables are told by their header words and colour legend; goal documents by
    'Toimenpide:'/'Mittari:' lines under operational goals, even when they come as a pöytäkirjanote
    (which also has § and Päätös); everything with § items, Päätös or a PÖYTÄKIRJA header is minutes.
    """
    sample = ascii_lower(text[:DEFAULT_MAX_CHARS])
    followup = _count(FOLLOWUP_MARKERS, sample)
    goals = _count(GOAL_MARKERS, sample)
    minutes = _count(MINUTES_MARKERS, sample)
    items = len(set(re.findall(r"(?:§\s*(\d{1,4})\b|\b(\d{1,4})\s*§)", sample)))
    if followup >= 3:
        return "followup"
    if goals >= 3 and items <= 3:
        return "goals"
    if minutes >= 2:
        return "minutes"
    if goals >= 3:
        return "goals"
    return "other"
