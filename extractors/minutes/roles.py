"""Valmistelija / Esittelijä person lines -> ItemRole records, and the name-order rule they share.

Minutes print the people who prepared and presented an item in every order a municipality's
template likes: 'Sivistysjohtaja Tuomas Rantanen, puh. ..., tuomas.rantanen@...' (CloudNC),
'Kunnossapitopäällikkö Nieminen Ari' (KTweb prints surname first), 'Mikko Laine, rakennustarkastaja'
(Pälkäne, Lapua), a bare 'Sivistysjohtaja', several people joined into one line. Names are
returned as 'Etunimi Sukunimi': the e-mail local part ('ari.nieminen@') decides the order when
printed, otherwise libvoikko's name classes (etunimi / sukunimi) do. Titles keep their printed case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from extractors.records import ItemRole
from extractors.text.fold import ascii_lower
from extractors.text.lexicon import analyses, is_first_name, word_classes
from extractors.vocab import (
    EMAIL_LABELS,
    PERSON_LABEL_WORDS,
    PHONE_LABELS,
    TITLE_ABBREVIATIONS,
    TITLE_SUFFIXES,
)

# --- folding: compare text without case or diacritics, keeping character positions ----------------

_FOLD_MAP = {"ä": "a", "á": "a", "à": "a", "â": "a", "å": "a", "é": "a", "è": "a", "ë": "e",
             "ö": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o", "ø": "o", "ü": "u", "ú": "u", "í": "i",
             "\u00a0": " ", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u2015": "-"}


_FOLD_TABLE = str.maketrans(_FOLD_MAP)


def fold_keep_length(text: str) -> str:
    """Lower case with å/ä/é -> a and ö -> o, one character for one, so match offsets stay valid.

    'é' folds to 'a' because in Finnish OCR output it stands for 'ä' ('siséltd' = 'sisältö').
    """
    lowered = text.lower()
    if lowered.isascii():  # nothing to fold: every character the table maps is beyond ASCII
        return lowered
    if len(lowered) != len(text):  # 'İ' lowers to two characters: fold one by one
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD_TABLE)


def _fold_pattern(pattern: str) -> str:
    """Turn a vocabulary pattern written with ä/ö into one for folded text.

    Outside character classes 'ä' becomes '[ad]' and 'ö' '[od]' (OCR prints 'd' for them: 'ettd').
    """
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:  # '\S', '\W', '\B' keep their case
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
            out.append(char)
            continue
        if char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        if char in "äÄ":
            out.append("ad" if in_class else "[ad]")
        elif char in "öÖ":
            out.append("od" if in_class else "[od]")
        elif char in "åÅ":
            out.append("a")
        else:
            out.append(char.lower() if char.isalpha() else char)
    return "".join(out)


@lru_cache(maxsize=2048)
def compile_folded(pattern: str) -> re.Pattern[str]:
    """Compile a vocabulary pattern for use on `fold_keep_length` text."""
    return re.compile(_fold_pattern(pattern))


def search_any(patterns: Sequence[str], folded: str) -> re.Match[str] | None:
    """First match (by pattern order) of any of ``patterns`` in folded text."""
    for pattern in patterns:
        match = compile_folded(pattern).search(folded)
        if match:
            return match
    return None


# --- libvoikko: name classes ----------------------------------------------------------------------

# Without libvoikko `analyses` is empty: name order falls back to e-mail and simple rules.


@lru_cache(maxsize=20000)
def _analyses(word: str) -> tuple[tuple[str, str, str], ...]:
    """(CLASS, BASEFORM, SIJAMUOTO) of each voikko analysis of ``word``."""
    probe = word.capitalize() if word.isupper() and len(word) > 1 else word
    return tuple((a.get("CLASS", ""), a.get("BASEFORM", ""), a.get("SIJAMUOTO", "")) for a in analyses(probe))


def lemmas(word: str) -> frozenset[tuple[str, str]]:
    """(base form, case) of each voikko analysis of ``word`` ('tiedokseen' -> ('tieto', 'tulento'))."""
    return frozenset((a[1].lower(), a[2]) for a in _analyses(word))


@lru_cache(maxsize=20000)
def finite_verbs(word: str) -> frozenset[tuple[str, bool]]:
    """(base form, active) of each finite-verb reading of ``word``: 'jatkaa' -> ('jatkaa', True),
    'pidetään' -> ('pitää', False) (the passive), 'kokous' -> none."""
    return frozenset((a.get("BASEFORM", "").lower(), a.get("PERSON") != "4") for a in analyses(word)
                     if a.get("CLASS") == "teonsana" and a.get("MOOD") in ("indicative", "conditional"))


def _surname_score(word: str) -> float:
    classes = word_classes(word)
    if "sukunimi" in classes:
        return 1.0
    if "etunimi" in classes:
        return 0.0
    if ascii_lower(word).endswith("nen") or not classes:
        return 0.5
    return 0.5 if classes <= {"nimisana", "paikannimi", "laatusana"} else 0.0


def nominative(word: str) -> str:
    """A name printed in an inflected case ('Ojalan', 'Raution') back in the nominative."""
    analyses = [a for a in _analyses(word) if a[0] in ("etunimi", "sukunimi")]
    if analyses and all(a[2] not in ("nimento", "") for a in analyses):
        base = analyses[0][1]
        return base[:1].upper() + base[1:]
    return word


# --- name order -----------------------------------------------------------------------------------


def _email_order(tokens: Sequence[str], email: str | None) -> list[str] | None:
    """Order name tokens as the e-mail local part spells them ('ari.nieminen@' -> Ari Nieminen)."""
    if not email or "@" not in email:
        return None
    local = ascii_lower(email.split("@", 1)[0])
    if local.startswith(("etunimi", "firstname", "fornamn")):
        return None
    positions = []
    for token in tokens:
        key = ascii_lower(token)
        index = local.find(key)
        if index < 0:
            return None
        positions.append(index)
    if len(set(positions)) != len(positions):
        return None
    return [t for _, t in sorted(zip(positions, tokens, strict=True))]


def order_name(tokens: Sequence[str], email: str | None = None) -> str:
    """'Etunimi Sukunimi' from name tokens printed in either order ('Nieminen Ari' -> 'Ari Nieminen').

    The e-mail local part decides when it spells the name; otherwise voikko's etunimi/sukunimi
    classes do; a tie keeps the printed order.
    """
    tokens = [t for t in tokens if t]
    if len(tokens) < 2:
        return " ".join(tokens)
    by_email = _email_order(tokens, email)
    if by_email:
        return " ".join(by_email)
    first, last = tokens[0], tokens[-1]
    if len(tokens) == 2:
        keep = float(is_first_name(first)) + _surname_score(last)
        swap = float(is_first_name(last)) + _surname_score(first)
        return f"{last} {first}" if swap > keep else f"{first} {last}"
    # Three or more: 'Nina Katariina Miettinen' stays, 'Miettinen Nina Katariina' rotates.
    if not is_first_name(first) and is_first_name(tokens[1]) and is_first_name(last):
        return " ".join([*tokens[1:], first])
    if not is_first_name(first) and is_first_name(last) and _surname_score(first) > _surname_score(last):
        return " ".join([*tokens[1:], first])
    return " ".join(tokens)


def normalize_name(text: str, email: str | None = None) -> str:
    """A printed person name ('Lehtinen Markku', 'Bogomoloff, Harry') as 'Etunimi Sukunimi'."""
    text = " ".join(text.split()).strip(" ,.;:")
    if text.count(",") == 1:
        surname, first = (p.strip() for p in text.split(","))
        if surname and first and len(surname.split()) <= 2 and len(first.split()) <= 2:
            return f"{first} {surname}"
    return order_name(text.split(), email)


# --- person lines ---------------------------------------------------------------------------------

_EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE_LABEL_RE = "|".join(re.escape(label) for label in sorted(PHONE_LABELS, key=len, reverse=True))
_PHONE_RE = re.compile(
    rf"(?:\b(?:{_PHONE_LABEL_RE})\b\.?\s*:?\s*(?P<labelled>\+?\(?\d[\d \-/()]{{4,18}}\d)"
    r"|(?P<bare>(?:\+\s?358|\b0)\d{1,3}[ \-]?\d{2,4}[ \-]?\d{2,4}(?:[ \-]?\d{2,4})?))",
    re.IGNORECASE,
)
_EMAIL_LABEL_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(e) for e in EMAIL_LABELS) + r")\b\s*:?", re.IGNORECASE)
_NAME_TOKEN_RE = re.compile(r"^[A-ZÅÄÖÜÉ][\wÅÄÖåäöüé'’.-]*$")
_NAME_PARTICLES = frozenset({"von", "af", "de", "van", "der", "den", "la", "le"})
ROLE_LABELS: dict[str, tuple[str, ...]] = {
    "valmistelija": ("valmistelija", "valmistelijat", "asian valmisteli", "asian valmistelija",
                     "beredare", "beredning", "valmistelu"),
    "esittelija": ("esittelijä", "esittelijät", "föredragande"),
}


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern[str]:
    words = sorted({fold_keep_length(w) for w in PERSON_LABEL_WORDS}, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w])(?:{alt})(?:\s*(?:/|ja|och)\s*(?:{alt}))*\s*:?(?![\w])")


def _strip_labels(text: str) -> str:
    """Remove 'Valmistelija / lisätiedot:'-style labels wherever they are printed."""
    folded = fold_keep_length(text)
    spans = [m.span() for m in _label_re().finditer(folded)]
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        at_line_start = not text[:start].strip() or text[:start].rstrip(" \t").endswith("\n")
        if not at_line_start and ":" not in text[start:end]:
            continue  # 'valmistelu' inside a title is no label
        out.append(text[last:start])
        out.append(" ")
        last = end
    out.append(text[last:])
    return "".join(out)


def _role_part(text: str, role: str) -> str:
    """When one text holds both 'Valmistelija:' and 'Esittelijä:' lines, the part of ``role``."""
    folded = fold_keep_length(text)
    marks = []
    for kind, labels in ROLE_LABELS.items():
        for label in labels:
            for m in re.finditer(rf"(?<![\w]){re.escape(fold_keep_length(label))}\s*:", folded):
                marks.append((m.start(), kind))
    kinds = {k for _, k in marks}
    if len(kinds) < 2 or role not in kinds:
        return text
    marks.sort()
    parts = []
    for i, (start, kind) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        if kind == role:
            parts.append(text[start:end])
    return "\n".join(parts)


def is_title_word(word: str) -> bool:
    """Is ``word`` (part of) a job title: 'Sivistysjohtaja', 'vs.', 'päällikkö'?"""
    key = fold_keep_length(word.strip(".,:;()"))
    if not key:
        return True
    if key.rstrip(".") in TITLE_ABBREVIATIONS or re.fullmatch(r"[\divx]+\.?", key):
        return True
    return any(key.endswith(fold_keep_length(s)) for s in TITLE_SUFFIXES)


def _token_kind(word: str) -> str:
    """'N' for a word that can be part of a person's name, 'T' for a title word."""
    bare = word.strip(".,:;()")
    if not bare or not _NAME_TOKEN_RE.match(bare) or is_title_word(bare):
        return "T"
    if bare.endswith((".", "-")) or len(bare) < 2:
        return "T"  # 'vs.', 'Kasvatus-' (in 'Kasvatus- ja opetusjohtaja')
    classes = word_classes(bare)
    if classes & {"etunimi", "sukunimi"}:
        return "N"
    if classes and classes <= {"laatusana", "nimisana_laatusana", "lyhenne", "seikkasana", "teonsana",
                               "suhdesana", "sidesana", "asemosana", "lukusana"}:
        return "T"
    if classes and "nimisana" in classes:
        cases = {a[2] for a in _analyses(bare)}
        if cases and "nimento" not in cases:
            return "T"  # 'Hyvinvointipalvelujen' (genitive) modifies a title
    return "N"


@dataclass
class _Person:
    title: list[str]
    name: list[str]
    email: str | None = None
    phone: str | None = None
    closed: bool = False

    def empty(self) -> bool:
        return not (self.title or self.name or self.email or self.phone)


def _name_runs(tokens: list[str]) -> list[list[str]]:
    """Split a long run of name words into people of two words each ('A B C D' -> 'A B', 'C D')."""
    if len(tokens) <= 3:
        return [tokens]
    if len(tokens) % 2 == 0:
        return [tokens[i:i + 2] for i in range(0, len(tokens), 2)]
    return [tokens[:3], *_name_runs(tokens[3:])]


def _resolve_runs(runs: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A lone capitalised common noun between titles is a title word ('Kaupunginhallitus')."""
    fixed = []
    for kind, words in runs:
        if kind == "N" and len(words) == 1:
            classes = word_classes(words[0].strip(".,"))
            if classes and not classes & {"etunimi", "sukunimi", "paikannimi"}:
                kind = "T"
        if fixed and fixed[-1][0] == kind:
            fixed[-1] = (kind, fixed[-1][1] + words)
        else:
            fixed.append((kind, words))
    return fixed


def _parse_fields(text: str) -> list[_Person]:
    emails: list[str] = []
    phones: list[str] = []

    def keep_email(m: re.Match[str]) -> str:
        emails.append(m.group(0).rstrip("."))
        return f" \x00E{len(emails) - 1}\x00 "

    def keep_phone(m: re.Match[str]) -> str:
        phones.append(" ".join((m.group("labelled") or m.group("bare")).split()))
        return f" \x00P{len(phones) - 1}\x00 "

    text = _EMAIL_RE.sub(keep_email, text)
    text = _PHONE_RE.sub(keep_phone, text)
    text = _EMAIL_LABEL_RE.sub(" ", text)
    people: list[_Person] = [_Person([], [])]

    def current() -> _Person:
        if people[-1].closed:
            people.append(_Person([], []))
        return people[-1]

    for field_text in re.split(r"([,;\n])", text):
        if field_text == "\n":
            # A new line starts a new person once the current one has a name (one person a line),
            # but a title printed on a line of its own waits for the name below it (Helsinki).
            if people[-1].name:
                people[-1].closed = True
            continue
        words = field_text.split()
        runs: list[tuple[str, list[str]]] = []
        for word in words:
            marker = re.fullmatch(r"\x00([EP])(\d+)\x00", word)
            if marker:
                runs.append((marker.group(1), [word]))
                continue
            if word in "-–:/|()" or not re.search(r"\w", word):
                continue
            if word.lower() in ("ja", "sekä", "och", "samt") and runs and runs[-1][0] in "NPE":
                continue  # 'Tuomas Rantanen ja talouspäällikkö ...' (but 'Kasvatus- ja opetusjohtaja')
            if word.lower() in _NAME_PARTICLES and runs and runs[-1][0] == "N":
                runs[-1][1].append(word)
                continue
            kind = _token_kind(word)
            if kind == "T" and word[:1].isupper() and runs and runs[-1][0] == "N" \
                    and is_first_name(runs[-1][1][-1].strip(".,:;()")) and not is_title_word(word.strip(".,:;()")):
                kind = "N"  # 'Timo Terävä': a capitalised adjective after a first name is a surname
            if kind == "T" and word[:1].islower() and runs and runs[-1][0] == "N" and len(runs[-1][1]) == 1 \
                    and (len(runs) == 1 or runs[-2][0] != "N"):
                runs[-1] = ("T", runs[-1][1])  # 'Teknisk direktör': a capitalised adjective of a title
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(word)
            else:
                runs.append((kind, [word]))
        for kind, run in _resolve_runs(runs):
            if kind == "E":
                for marker in run:
                    person = current()
                    person.email = emails[int(marker[2:-1])]
                    person.closed = True
            elif kind == "P":
                for marker in run:
                    person = current()
                    if person.phone:  # a second phone number starts nobody new
                        continue
                    person.phone = phones[int(marker[2:-1])]
            elif kind == "T":
                person = current()
                if person.title:
                    person.closed = True
                    person = current()
                person.title = [w.strip(",;") for w in run]
            else:
                for chunk in _name_runs(run):
                    person = current()
                    if person.name:
                        person.closed = True
                        person = current()
                    person.name = [w.strip(",;.") for w in chunk]
    return [p for p in people if not p.empty()]


def _is_email_line(line: str) -> bool:
    parts = [p.strip() for p in line.split(",") if p.strip()]
    return bool(parts) and all(_EMAIL_RE.fullmatch(p.rstrip(".")) for p in parts)


def _join_columns(text: str) -> str:
    """People printed field by field, one line each ('Tiina Lassila, Mika Kamunen' / their e-mails /
    'Hallintosihteeri, Sivistysjohtaja', CaseM), back into one line per person."""
    lines = [ln.strip() for ln in text.split("\n")]
    out: list[str] = []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and _is_email_line(lines[k + 1]) and not _EMAIL_RE.search(lines[k]):
            names = [p.strip() for p in lines[k].split(",")]
            emails = [p.strip() for p in lines[k + 1].split(",") if p.strip()]
            titles = [p.strip() for p in lines[k + 2].split(",")] if k + 2 < len(lines) else []
            titled = len(titles) == len(emails) and all(t and is_title_word(t.split()[-1]) for t in titles) \
                and not _EMAIL_RE.search(lines[k + 2])
            if len(names) == len(emails) and all(names):
                rows = zip(names, titles if titled else [""] * len(names), emails, strict=True)
                out.extend(", ".join(p for p in row if p) for row in rows)
                k += 3 if titled else 2
                continue
        out.append(lines[k])
        k += 1
    return "\n".join(out)


def parse_person_lines(text: str, role: str, item_id: str = "", doc_id: str = "") -> list[ItemRole]:
    """The people printed in a Valmistelija / Esittelijä / Beredare / Föredragande section, as
    `ItemRole` records of item ``item_id``.

    One person per line, several joined with spaces, 'Title Firstname Surname', 'Title Surname
    Firstname' and 'Firstname Surname, title' are all read; contact details (puh., e-mail) are
    split off. A bare title gives a record with ``name=None``.
    """
    if not text or not text.strip():
        return []
    text = _join_columns(_strip_labels(_role_part(text, role)))
    out: list[ItemRole] = []
    for person in _parse_fields(text.replace("\r", "\n")):
        if not person.name and not person.title:
            continue
        if role == "valmistelija" and not (person.name or person.email or person.phone) \
                and not is_title_word(person.title[-1]):
            continue  # 'Tekninen keskus, kaupungininsinööri ...': the preparers' unit, not a person
        if not (person.title or person.email or person.phone) and len(person.name) == 1 \
                and re.fullmatch(r"[A-ZÅÄÖ]{2,4}", person.name[0]):
            continue  # 'Valmistelijat: KN' (Vantaa): a preparer's initials, no name
        title = " ".join(person.title).strip(" ,.;:-") or None
        name = order_name(person.name, person.email) if person.name else None
        info = ItemRole(item_id=item_id, doc_id=doc_id, role=role, name=name, title=title, email=person.email,
                        phone=person.phone)
        if info not in out:
            out.append(info)
    return out
