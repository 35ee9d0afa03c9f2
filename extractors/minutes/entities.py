"""Entities named in proposal and decision texts -> `DecisionEntity` records.

Organisations, people and places come from spaCy's Finnish model (its named-entity labels, the
names put in the nominative with its Voikko lemmas); euro amounts, dates and company names come
from rules, since their printed forms are regular ('10.184.000 €', '1.1.-31.12.2025', 'Sakela
Rakennus Oy:n') and the model often misses or mislabels them. Pure: the caller parses each
section text with the model (pipeline/enrich.py loads it once) and passes the spaCy `Doc`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extractors import vocab
from extractors.goals.budget import parse_amount
from extractors.minutes.decisions import extract_votes
from extractors.records import DecisionEntity, ItemSection

_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?"
_UNITS = tuple((re.compile(pattern), factor) for pattern, factor in vocab.EURO_UNITS)
_MONEY = re.compile(rf"(?<![\w.,])(?:(?P<first>{_NUMBER})\s*[-–—]\s*)?(?P<number>{_NUMBER})\s*"
                    rf"(?P<unit>{'|'.join(f'(?:{p})' for p, _ in vocab.EURO_UNITS)})")
_MONTHS = {name: n for n, name in enumerate(vocab.MONTHS_GENITIVE, start=1)}
_DAY = re.compile(rf"(?<![\d./])(?P<d>\d{{1,2}})\.\s?(?:(?P<m>\d{{1,2}})\.|(?P<name>{'|'.join(_MONTHS)})\s)\s?"
                  r"(?P<y>\d{4})(?![\d])", re.I)
# the start of a range that prints its year once, at the end: '1.1.-31.12.2025', '1.1. - 31.3.2025'
_RANGE_START = re.compile(r"(?<![\d./])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.\s*[-–—]\s*"
                          r"(?=\d{1,2}\.\s?\d{1,2}\.\s?(?P<y>\d{4})(?!\d))")
_CAPITALISED = r"[A-ZÅÄÖ][\w&'\-]*"
_FORMS = "|".join(re.escape(f) for f in vocab.COMPANY_FORMS)
_COMPANY = re.compile(
    rf"(?:{'|'.join(re.escape(f) for f in vocab.COMPANY_PREFIX_FORMS)})(?:\s+{_CAPITALISED}){{1,4}}"
    rf"|(?:{_CAPITALISED}\s+){{1,4}}(?:{_FORMS})(?:\s+Ab)?(?=[\s:.,;)]|$)(?::[a-zåäö]+)?")
_GENERIC = set(vocab.ENTITY_GENERIC_WORDS)
# priority when spans overlap: rules first, then the model, then the body-name rule
_PRIORITY = {"rule": 0, "company": 1, "model": 2, "body": 3}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    value: str | None
    source: str  # rule | company | model | body
    amount: float | None = None
    day: dt.date | None = None


def _euros(number: str, unit: str) -> float | None:
    amount = parse_amount(number)
    if amount is None:
        return None
    factor = next((f for pattern, f in _UNITS if pattern.fullmatch(unit)), 1.0)
    return round(amount * factor, 2)


def money_spans(text: str) -> list[Found]:
    """Euro amounts: '10.184.000 €' -> 10184000.0, '70 miljoonan euron' -> 70000000.0; both ends
    of a range printed with one unit ('10 000–20 000 euroa')."""
    found = []
    for m in _MONEY.finditer(text):
        for group in ("first", "number"):
            if m.group(group) is None:
                continue
            amount = _euros(m.group(group), m.group("unit"))
            if amount is not None:
                end = m.end() if group == "number" else m.end(group)
                found.append(Found(m.start(group), end, "money", format_amount(amount), "rule", amount=amount))
    return found


def format_amount(amount: float) -> str:
    """Euros as a plain number: 10184000, 3680.37."""
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def _day(d: str, m: int | str, y: str) -> dt.date | None:
    try:
        year = int(y)
        return dt.date(year, int(m), int(d)) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def date_spans(text: str) -> list[Found]:
    """Calendar days: '30.6.2025', '15. maaliskuuta 2025', and the start of '1.1.-31.12.2025'."""
    found = []
    for m in _DAY.finditer(text):
        month = m.group("m") or _MONTHS[m.group("name").lower()]
        day = _day(m.group("d"), month, m.group("y"))
        if day:
            found.append(Found(m.start(), m.end(), "date", day.isoformat(), "rule", day=day))
    for m in _RANGE_START.finditer(text):
        day = _day(m.group("d"), m.group("m"), m.group("y"))
        if day:
            found.append(Found(m.start(), m.start() + len(f"{m.group('d')}.{m.group('m')}."), "date",
                               day.isoformat(), "rule", day=day))
    return found


def _base(token) -> str:
    """A token in the nominative: 'Oy:n' -> 'Oy', 'Savinaista' -> 'Savinainen', capitals kept."""
    text = token.text
    if ":" in text:
        return text.split(":", 1)[0]
    lemma = token.lemma_ or text
    if text[:1].isupper() and lemma[:1].islower():
        lemma = lemma[:1].upper() + lemma[1:]
    return text if text.isupper() else lemma


def phrase_nominative(tokens: Sequence) -> str:
    """A multi-word name in the nominative: the head (last word) and the adjectives that agree with
    it take their lemma, genitive qualifiers stay ('Lapuan kaupunginhallituksen' -> 'Lapuan
    kaupunginhallitus', 'teknisen lautakunnan' -> 'tekninen lautakunta')."""
    if not tokens:
        return ""
    head_case = tokens[-1].morph.get("Case")
    words = []
    for i, tok in enumerate(tokens):
        agrees = (tok.pos_ == "ADJ" and tok.morph.get("Case") == head_case
                  and tok.morph.get("Degree") not in (["Sup"], ["Cmp"]))  # 'Korkein hallinto-oikeus'

        words.append((_base(tok) if i == len(tokens) - 1 or agrees else tok.text) + tok.whitespace_)
    return " ".join("".join(words).split()).rstrip(".,;:")


def company_spans(text: str, doc) -> list[Found]:
    """Company and association names by their legal form ('Sakela Rakennus Oy:n', 'Asunto Oy
    Helsingin Havannan'): a name with an inflected last word takes its lemma."""
    found = []
    for m in _COMPANY.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        value = phrase_nominative(list(span)) if span is not None else m.group()
        found.append(Found(m.start(), m.end(), "org", value, "company"))
    return found


def _trim(tokens: Sequence) -> list:
    tokens = list(tokens)
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _ends(token, words: Iterable[str]) -> bool:
    lemma = token.lemma_.lower()
    return any(lemma.endswith(w) for w in words)


def _person_tokens(tokens: list) -> list:
    """A person's name without what the model ran on into (a title or body on the next line:
    'Satu Kankare Tekninen', 'Pekka Hella Kaupunginhallituksen')."""
    while len(tokens) > 1 and (tokens[-1].pos_ == "ADJ" or _ends(tokens[-1], _BODY_OR_TITLE)):
        tokens = tokens[:-1]
    return tokens


_BODY_OR_TITLE = (*vocab.BODY_SUFFIXES, *vocab.TITLE_SUFFIXES, *vocab.HEADING_OWNER_WORDS)
_NOT_A_NAME = re.compile(r"www\.|https?:|@|/")


def _kind_of(kind: str, tokens: list) -> str | None:
    """The model's kind corrected by the name's own shape, or None when it is no name at all."""
    text = "".join(t.text_with_ws for t in tokens).strip()
    letters = sum(c.isalpha() for c in text)
    if _NOT_A_NAME.search(text) or letters <= sum(c.isdigit() for c in text):
        return None
    if len(tokens) == 1 and (tokens[0].lemma_.lower() in _GENERIC or tokens[0].pos_ == "ADJ"):
        return None
    if _ends(tokens[-1], vocab.PLACE_NAME_HEADS):
        return "place"
    if kind == "org" and _ends(tokens[-1], vocab.ENTITY_NOT_ORG_HEADS):
        return None
    if kind in ("person", "place") and not any(t.text[:1].isupper() for t in tokens):
        return None
    if kind == "person":
        if all(_ends(t, _BODY_OR_TITLE) for t in tokens):
            return None
        if any(len(t.text) > 1 and t.text.split(":")[0].isupper() for t in tokens):
            return "org"  # 'HKL:n'
    return kind


def model_spans(doc) -> list[Found]:
    """The model's organisations, people and places, corrected by their shape: no bare generic
    words ('Lautakunta hyväksyi'), laws, addresses or titles; streets are places; a place in the
    genitive before 'kaupunki' and the like is part of an organisation ('Helsingin kaupungin')."""
    found = []
    for ent in doc.ents:
        kind = vocab.ENTITY_MODEL_LABELS.get(ent.label_)
        tokens = _trim(ent)
        if kind == "person":
            tokens = _person_tokens(tokens)
        kind = _kind_of(kind, tokens) if kind and tokens else None
        if kind is None:
            continue
        after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
        if kind == "place" and after is not None and after.lemma_.lower() in vocab.ORG_AFTER_PLACE:
            tokens, kind = [*tokens, after], "org"
        found.append(Found(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), kind, phrase_nominative(tokens),
                           "model"))
    return found


def voter_spans(text: str) -> list[Found]:
    """People in the name lists of votes ('6 JAA-ääntä (Kuusisaari, Makkonen, …)'), read by the
    vote parser: the model takes many of these surnames for places."""
    found = []
    for vote in extract_votes(text):
        for name in (*vote.jaa_names, *vote.ei_names, *vote.tyhja_names):
            m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)
            if m:
                found.append(Found(m.start(), m.end(), "person", name, "rule"))
    return found


def body_spans(doc) -> list[Found]:
    """The municipality's bodies named in running text, also lower-case: a compound ending in a
    body word ('kaupunginhallitukselle', 'keskusvaalilautakunnan'), or a body word after an
    adjective that agrees with it ('tekninen lautakunta'). A body word alone is generic."""
    found = []
    for i, tok in enumerate(doc):
        lemma = tok.lemma_.lower()
        suffix = next((s for s in vocab.BODY_SUFFIXES if lemma.endswith(s)), None)
        if suffix is None or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        start = i
        if i and doc[i - 1].pos_ == "ADJ" and doc[i - 1].morph.get("Case") == tok.morph.get("Case"):
            start = i - 1
        if (start == i and lemma == suffix) or lemma.endswith("toimielin"):
            continue
        tokens = list(doc[start:i + 1])
        found.append(Found(tokens[0].idx, tok.idx + len(tok.text), "org", phrase_nominative(tokens), "body"))
    return found


def resolve(candidates: Iterable[Found]) -> list[Found]:
    """Keep one span where spans overlap: rules before the model, the model before the body rule,
    the longer span first within the same source; in text order."""
    kept: list[Found] = []
    for f in sorted(candidates, key=lambda f: (_PRIORITY[f.source], -(f.end - f.start), f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def find_entities(text: str, doc) -> list[Found]:
    """Every entity of one text, given its spaCy `Doc` (parsed from the same text)."""
    return resolve([*money_spans(text), *date_spans(text), *voter_spans(text), *company_spans(text, doc),
                    *model_spans(doc), *body_spans(doc)])


def section_entities(section: ItemSection, doc) -> list[DecisionEntity]:
    """The entities of one proposal or decision section, as table records."""
    return [DecisionEntity(item_id=section.item_id, doc_id=section.doc_id, section_ordinal=section.ordinal,
                           section_kind=section.kind, ordinal=n, kind=f.kind, text=section.text[f.start:f.end],
                           value=f.value, start=f.start, page=section.page,
                           method="model" if f.source == "model" else "rule", amount=f.amount, day=f.day)
            for n, f in enumerate(find_entities(section.text, doc))]
