"""Decision outcome, votes and recusals of one agenda item, read from its section texts.

Pure functions over the text the segmenter gives (Päätös, Päätösehdotus, Käsittely, ...). The
phrases live in extractors/vocab.py; matching runs on folded text (`roles.fold_keep_length`) so
OCR-damaged 'Paatos Hyvaksyttiin.' and clean text read alike, while offsets still point into the
printed text for notes.

- `classify_outcome`: what happened to the proposal. Sentences that only record attendance or
  recusals ('Merkittiin, että X poistui ... Hyväksyttiin.') and procedural sentences (who proposed
  what, how the vote was set up) are set aside first, then the decision's own words decide; a vote
  that the proposal lost makes it 'hylatty'; a bare 'Hyväksyttiin.' after a Käsittely in which an
  amendment, a return or a tabling was accepted takes that outcome.
- `extract_votes`: counts and voter names from prose ('6 JAA-ääntä (A, B, ...) ja 3 EI-ääntä'),
  label lists ('Jaa-äänet: 14 A, B, ...', Helsinki), one-vote-per-line tables and Swedish
  ('5 JA-röster'), numbers in words too.
- `extract_recusals`: disqualified people ('esteellinen', 'jäävi', 'jävig'), their printed
  role, and who chaired instead when the chair left (seed 003).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.minutes.roles import (
    compile_folded,
    finite_verbs,
    fold_keep_length,
    is_title_word,
    lemmas,
    nominative,
    normalize_name,
    search_any,
)
from extractors.records import Recusal, Vote
from extractors.text.lexicon import is_first_name, word_classes
from extractors.vocab import (
    ACCEPTANCE_CUES,
    ACTION_VERB_LEMMAS,
    AMENDED_PARTICIPLE_CASES,
    AMENDED_PARTICIPLE_LEMMAS,
    AMENDMENT_CASES,
    AMENDMENT_LEMMAS,
    CHAIR_REPLACED_CUES,
    COUNTER_PROPOSAL_KINDS,
    DECIDED_CUES,
    DECIDING_VERB_LEMMAS,
    DECISION_REMARK_CUES,
    DISTRIBUTION_LEMMAS,
    DISTRIBUTION_SUBJECTS,
    ELECTION_CUES,
    FORWARDING_CUES,
    LEAVING_CUES,
    NON_ACTING_LEMMAS,
    NON_DECIDING_POINT_LEMMAS,
    NOTED_OBJECT,
    NOTED_OBJECT_STEM,
    NOTED_VERB_LEMMAS,
    NUMBER_WORDS,
    OUTCOME_CUES,
    OUTCOME_ORDER,
    OUTCOMES,
    PRESENTER_CHANGED_CUES,
    PROCEDURAL_CUES,
    PROPOSAL_SIDE_CUES,
    PROPOSING_FRAME_VERBS,
    RECUSAL_CUES,
    RECUSAL_NEGATIONS,
    RECUSAL_ROLE_WORDS,
    REJECTION_CUES,
    REPORTED_DECISION_CUES,
    RETURN_CUES,
    STRONG_APPROVAL_CUES,
    VOTE_KIND_WORDS,
    WINNER_CUES,
    WITHHELD_CUES,
)

Attendees = Mapping[str, str | None] | Sequence[str] | None


# --- sentences ------------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset({
    "mm", "ym", "yms", "esim", "ns", "n", "klo", "kl", "vs", "vt", "va", "ma", "puh", "p", "tel", "ks",
    "vrt", "jne", "s", "nro", "no", "dnro", "ry", "oy", "ab", "t", "k", "v", "tms", "kpl", "huom", "ao",
    "em", "ed", "yo", "tfn", "bl", "a", "ca", "st", "resp", "t.ex", "dvs", "fr", "o", "m",
})
_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"”(]?[A-ZÅÄÖ0-9])|\n\s*\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text``: a stop before an upper-case word, not after 'mm.'/'klo.'."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = re.search(r"(\S+)$", text[start:match.start()])
        word = before.group(1).lower().strip("(\"") if before else ""
        if match.group(0).startswith(".") and word in _ABBREVIATIONS:
            continue
        spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]


def _sentences(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in split_sentences(text)]


def _has(patterns: Sequence[str], text: str) -> bool:
    return search_any(patterns, fold_keep_length(text)) is not None


# --- outcome --------------------------------------------------------------------------------------

def _decision_sentences(text: str) -> list[str]:
    """The sentences of a decision that state the decision (remarks and procedure set aside)."""
    sentences = _sentences(text)
    kept = [s for s in sentences if not _has(DECISION_REMARK_CUES, s) and not _has(PROCEDURAL_CUES, s)]
    return kept


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def noting_at(sentence: str) -> int | None:
    """Offset of the verb when a sentence notes something ('Kaupunginhallitus merkitsi pöytäkirjat
    tiedokseen', 'saatettiin tiedoksi'), read from lemmas so that every inflection counts."""
    if NOTED_OBJECT_STEM not in sentence.lower():
        return None  # no form of the noted object at all: no word to analyse
    words = [(m.start(), lemmas(m.group(0))) for m in _WORD.finditer(sentence)]
    if not any(NOTED_OBJECT in found for _, found in words):
        return None
    verbs = [(start, {base for base, _ in found}) for start, found in words
             if any(base in NOTED_VERB_LEMMAS for base, _ in found)]
    for start, bases in verbs:
        if bases & set(DISTRIBUTION_LEMMAS) and any(
                (base in DISTRIBUTION_SUBJECTS and case in ("nimento", "")) for _, found in words
                for base, case in found):
            continue  # 'Päätös saatetaan tiedoksi hakijalle': distribution, not the outcome
        return start
    return None


def amended_at(sentence: str) -> int | None:
    """Offset of the word that says an amendment came with the decision ('X:n tekemällä
    muutosehdotuksella', 'lisäysehdotuksin', 'täydennettynä'), read from lemmas and cases."""
    for m in _WORD.finditer(sentence):
        found = lemmas(m.group(0))
        if any(base in AMENDMENT_LEMMAS and case in AMENDMENT_CASES or
               base in AMENDED_PARTICIPLE_LEMMAS and case in AMENDED_PARTICIPLE_CASES for base, case in found):
            return m.start()
    return None


def _cue_outcome(sentences: Sequence[str], order: Sequence[str]) -> tuple[str, str] | None:
    """(outcome, sentence) of the first outcome whose cue appears, trying outcomes in ``order``."""
    for outcome in order:
        for sentence in sentences:
            folded = fold_keep_length(sentence)
            match = search_any(OUTCOME_CUES[outcome], folded)
            at = match.start() if match else None
            if outcome == "merkitty_tiedoksi" and at is None:
                at = noting_at(sentence)
            if outcome == "hyvaksytty_muutettuna" and at is None:
                at = amended_at(sentence)
            if at is None:
                continue
            if (outcome == "merkitty_tiedoksi" and search_any(FORWARDING_CUES, folded[:at])
                    and noting_main(sentence) is None):
                continue  # 'esitti, että hanke toteutetaan ja raportti merkitään tiedoksi': more than noting
            return outcome, sentence
    return None


def states_outcome(text: str) -> bool:
    """Does a text say what was decided ('Ärendet bordlades.', 'Hyväksyttiin.'), remarks and
    procedure set aside?"""
    return _cue_outcome(_decision_sentences(text), OUTCOME_ORDER) is not None


_PROPOSAL_WORD = re.compile(r"(ehdotu|esity|förslag)", re.IGNORECASE)  # also in compounds: pohjaehdotus


def _decides_besides(decision: Sequence[str], returning: str) -> bool:
    """Does a decision that returns something also decide other points? Then only a part went
    back ('1. Hyväksyi tilinpäätöksen. 2. päätti myöntää vastuuvapauden ja palauttaa lausunnon'),
    and the item was decided. Accepting a proposal to return ('hyväksyi Ojan ehdotuksen palauttaa
    asian') is the return itself."""
    deciding = set(DECIDING_VERB_LEMMAS) - {"päättää"}
    if not _PROPOSAL_WORD.search(returning) and any(
            base in deciding for m in _WORD.finditer(returning) for base, _ in lemmas(m.group(0))):
        return True
    return any(sentence is not returning and not _PROPOSAL_WORD.search(sentence) and any(
        active and base in deciding for m in _WORD.finditer(sentence) for base, active in finite_verbs(m.group(0)))
        for sentence in decision)


def _proposal_side(text: str) -> tuple[str | None, str | None]:
    """Which ballot side ('jaa'/'ei') stood for the proposal, and what the other side proposed.

    Read from 'esittelijän ehdotusta kannattavat äänestävät JAA ja Saarisen ehdotusta EI' or
    'JAA-ehdotus: Esityksen mukaan'. Returns (None, None) when the text does not say.
    """
    for sentence in _sentences(text):
        # the labelled forms first: 'JAA-ehdotus: Esityksen mukaan EI-ehdotus: ...' (Helsinki)
        jaa = re.search(r"\bJaa-ehdotus|\bJAA-ehdotus|\bJAA\b|\bJA\b(?=[- ]röst)", sentence)
        ei = re.search(r"\bEi-ehdotus|\bEI-ehdotus|\bEI\b|\bNEJ\b", sentence)
        if not jaa or not ei:
            continue
        if jaa.start() < ei.start():
            jaa_clause, ei_clause = sentence[:min(ei.start(), jaa.end() + 40) if "ehdotus" in jaa.group(0).lower()
                                              else jaa.end()], sentence[jaa.end():ei.end() + 200]
        else:
            ei_clause, jaa_clause = sentence[:ei.end()], sentence[ei.end():jaa.end() + 200]
        jaa_is = _has(PROPOSAL_SIDE_CUES, jaa_clause)
        ei_is = _has(PROPOSAL_SIDE_CUES, ei_clause)
        if jaa_is != ei_is:
            side = "jaa" if jaa_is else "ei"
            other = ei_clause if jaa_is else jaa_clause
            return side, _counter_kind(other)
    # Helsinki prints the two sides as separate lines: 'JAA-ehdotus: ...' 'EI-ehdotus: ...'.
    jaa = re.search(r"JAA-ehdotus:?\s*([^\n]*)", text, re.IGNORECASE)
    ei = re.search(r"EI-ehdotus:?\s*([^\n]*)", text, re.IGNORECASE)
    if jaa and ei:
        jaa_text, ei_text = jaa.group(1)[:200], ei.group(1)[:200]
        jaa_is, ei_is = _has(PROPOSAL_SIDE_CUES, jaa_text), _has(PROPOSAL_SIDE_CUES, ei_text)
        if jaa_is != ei_is:
            return ("jaa", _counter_kind(ei_text)) if jaa_is else ("ei", _counter_kind(jaa_text))
    return None, None


def _counter_kind(text: str) -> str:
    """Outcome of a counter-proposal that wins: return, tabling, rejection, or the counter-proposal
    itself adopted ('päätökseksi tuli Latvalan vastaehdotus': hyvaksytty_muutettuna)."""
    folded = fold_keep_length(text)
    for pattern, kind in COUNTER_PROPOSAL_KINDS.items():
        if kind in ("palautettu", "poydatty") and compile_folded(pattern).search(folded):
            return kind
    if search_any(RETURN_CUES, folded):
        return "palautettu"
    for pattern, kind in COUNTER_PROPOSAL_KINDS.items():
        if kind in ("hylatty", "hyvaksytty_muutettuna") and compile_folded(pattern).search(folded):
            return kind
    return "hylatty"


def _vote_outcome(text: str) -> str | None:
    """'hylatty' (or the counter-proposal's outcome) when a vote that the proposal lost is printed."""
    side, counter = _proposal_side(text)
    if side is None:
        return None
    for vote in extract_votes(text):
        if vote.jaa is None or vote.ei is None or vote.jaa == vote.ei:
            continue
        won = "jaa" if vote.jaa > vote.ei else "ei"
        return None if won == side else counter
    return None


def _winner_outcome(decision: Sequence[str], both: str) -> str | None:
    """'Päätökseksi tuli Saarisen vastaehdotus (äänin 5–3)': a counter-proposal that won a vote.

    Without a vote the meeting simply adopted an amendment (hyvaksytty_muutettuna).
    """
    for sentence in decision:
        if not _has(WINNER_CUES, sentence) or _has(PROPOSAL_SIDE_CUES, sentence):
            continue
        voted = re.search(r"\b(äänin|rösterna)\s+\d", sentence) or extract_votes(both)
        if voted:
            return _counter_kind(sentence)
        kind = _proposal_kind(sentence)
        return kind
    return None


def _kasittely_outcome(kasittely: str) -> str | None:
    """The outcome an accepted proposal in a Käsittely text leads to (last acceptance wins).

    'Pöydällepanoehdotus hyväksyttiin yksimielisesti' -> poydatty; 'lautakunta hyväksyi sen'
    refers back to the last 'X ehdotti, että ...' sentence; 'kunnanjohtajan ehdotus hyväksyttiin'
    -> hyvaksytty.
    """
    outcome = None
    last_proposal: str | None = None
    for sentence in _sentences(kasittely):
        folded = fold_keep_length(sentence)
        proposes = re.search(r"\behdotti\b|\bteki\b[^.]{0,80}ehdotuksen|\bföreslog\b", folded)
        if proposes:
            last_proposal = sentence
        if _has(PRESENTER_CHANGED_CUES, sentence):
            kind = _proposal_kind(sentence)
            outcome = kind if kind in ("palautettu", "poydatty") else "hyvaksytty_muutettuna"
            continue
        if re.search(r"äänestys|äänestyk|äänestävät|omröstning", folded) and not re.search(
                r"ilman äänestystä|utan omröstning", folded):
            continue
        if not _has(ACCEPTANCE_CUES, sentence) or _has(REJECTION_CUES, sentence):
            continue
        kind = None
        for pattern, counter in COUNTER_PROPOSAL_KINDS.items():
            if compile_folded(pattern).search(folded):
                kind = counter
                break
        if kind is None and _has(PROPOSAL_SIDE_CUES, sentence):
            kind = "hyvaksytty"
        if kind is None and last_proposal is not None and last_proposal is not sentence:
            kind = _proposal_kind(last_proposal)
        if kind is None and proposes:
            kind = _proposal_kind(sentence)
        if kind is not None:
            outcome = kind
    return outcome


def _proposal_kind(sentence: str) -> str:
    """What a member's proposal ('X ehdotti, että ...') would do if accepted."""
    folded = fold_keep_length(sentence)
    if compile_folded(r"p[oö]yd[aä]lle").search(folded):
        return "poydatty"
    if search_any(RETURN_CUES, folded):
        return "palautettu"
    if compile_folded(r"\b(p[aä][aä]t[oö]s|pohja)?(ehdotus|esitys)\s+hyl[aä]t[aä][aä]n").search(folded):
        return "hylatty"
    return "hyvaksytty_muutettuna"


def _decides(text: str) -> bool:
    """Does a decision printed without a proposal decide anything (a deciding verb in any form, or
    its maker acting in the first sentence)?"""
    if _has(DECIDED_CUES, text) or any(base in ACTION_VERB_LEMMAS for m in _WORD.finditer(text)
                                       for base, _ in lemmas(m.group(0))):
        return True
    sentences = _sentences(text)
    return bool(sentences) and _maker_acts(sentences[0])


def is_withheld(title: str) -> bool:
    """Is the item published without its text because the matter is secret (its title says so)?"""
    return _has(WITHHELD_CUES, title)


def _maker_acts(sentence: str) -> bool:
    """'Kumppanuuspäällikkö jatkaa ...': the first finite verb is active, has a capitalised subject
    before it, and is not talk or presence ('Lautakunta keskusteli', 'Kokous pidetään')."""
    words = [m.group(0) for m in _WORD.finditer(sentence)]
    for i, word in enumerate(words):
        readings = finite_verbs(word)
        if not readings:
            continue
        if i == 0 or not words[0][:1].isupper():
            return False
        return any(active and base not in NON_ACTING_LEMMAS for base, active in readings)
    return False


def _proposal_notes(proposal: str | None) -> bool:
    """Does the proposal only note something ('Lautakunta merkitsee ... tiedoksi', 'Kaupunginhallitus
    päättää merkitä tilannekatsauksen tiedokseen'), not forward it or decide more points?"""
    if not proposal:
        return False
    text = " ".join(proposal.split())
    folded = fold_keep_length(text)
    if compile_folded(r"^\W*(\S+\s+){0,3}antecknar\b[^.]{0,160}för kännedom").search(folded):
        return True
    sentences = _sentences(text)
    at = noting_main(sentences[0]) if sentences else None
    if at is None:
        return False
    if any(base in DECIDING_VERB_LEMMAS for m in _WORD.finditer(text[at:]) for base, _ in lemmas(m.group(0))):
        return False  # 'merkitsee tiedoksi ja päättää, että ...' decides more than it notes
    # '1. merkitä ... 2. antaa ohjeistuksen' does more; '2. keskustelee tuloksista' does not
    for point in _POINT.split(text[at:])[1:]:
        first = _WORD.search(point)
        if first and not any(base in NON_DECIDING_POINT_LEMMAS for base, _ in lemmas(first.group(0))):
            return False
    return True


_POINT = re.compile(r"(?:^|\s)[2-9]\s*[.)]\s")
# 'Suunnittelupäällikkö Vandell: Lautakunta päättää ...': who proposed, printed before the proposal
_SPEAKER = re.compile(r"^[^:]{2,90}:\s+(?=[A-ZÅÄÖ])")
# '<body> päättää, että' / 'esittää valtuustolle, että' / 'esitti valtuustolle seuraavaa:'
_THAT = re.compile(rf"\b({'|'.join(PROPOSING_FRAME_VERBS)})\b"
                   r"[^.]{0,60}?(,?\s+että|,?\s+att|\s+seuraavaa:)\s+", re.IGNORECASE)


def noting_main(sentence: str) -> int | None:
    """Offset of the noting verb when noting is what the sentence is about: 'Lautakunta merkitsee
    katsauksen tiedoksi', 'päättää, että raportti merkitään tiedoksi', a board passing a noting
    proposal on ('esittää valtuustolle, että se merkitsee ... tiedokseen'); not a noting clause deep
    in a sentence that decides something else."""
    at = noting_at(sentence)
    if at is None:
        return None
    prefix = _SPEAKER.sub("", sentence[:at], count=1)
    that = _THAT.search(prefix)
    lead = prefix[that.end():] if that else prefix
    if any(base in DECIDING_VERB_LEMMAS and base != "päättää" for m in _WORD.finditer(lead)
           for base, _ in lemmas(m.group(0))):
        return None  # 'että valtuusto hyväksyy talousarvion ja merkitsee ... tiedoksi'
    if len(prefix.split()) <= 4:
        return at
    if that and len(prefix[:that.start()].split()) <= 3 and len(lead.split()) <= 7:
        return at
    return None


def classify_outcome(paatos: str, proposal: str | None = None, kasittely: str | None = None,
                     language: str = "fi") -> str:
    """Outcome class (one of vocab.OUTCOMES) of a decision text.

    ``proposal`` (Päätösehdotus) tells a noted item from an approved one when the decision is a bare
    'Hyväksyttiin.'; ``kasittely`` (Käsittely) holds votes and accepted amendments. Finnish and
    Swedish phrases are always both tried; ``language`` is accepted for callers that know it.
    """
    del language  # both languages' cues are always tried: mixed-language minutes exist
    paatos = paatos or ""
    both = "\n\n".join(t for t in (kasittely, paatos) if t)
    decision = _decision_sentences(paatos)
    if not decision and paatos.strip():
        # Everything was a remark (Lapua prints the whole handling under 'Päätös'): read the
        # sentences that are not recusal/attendance remarks.
        decision = [s for s in _sentences(paatos) if not _has(DECISION_REMARK_CUES, s)]
    found = _cue_outcome(decision, ("muu", "poydatty", "palautettu", "hylatty"))
    if found and found[0] == "palautettu" and _decides_besides(decision, found[1]):
        return "hyvaksytty_muutettuna"  # '1. Hyväksyi tilinpäätöksen. 2. ... ja palauttaa lausunnon'
    if found:
        return found[0]
    lost = _vote_outcome(both) if both else None
    if lost:
        return lost
    won = _winner_outcome(decision, both)
    if won:
        return won
    found = _cue_outcome(decision, [o for o in OUTCOME_ORDER if o not in
                                    ("muu", "poydatty", "palautettu", "hylatty")])
    strong = found is not None and (found[0] != "hyvaksytty" or _has(STRONG_APPROVAL_CUES, found[1]))
    if not strong and kasittely:
        accepted = _kasittely_outcome(kasittely)
        if accepted and accepted != "hyvaksytty":
            return accepted
    if found and found[0] == "hyvaksytty" and _proposal_notes(proposal):
        return "merkitty_tiedoksi"  # 'hyväksyi kaupunginjohtajan ehdotuksen' that notes a report
    if (not found or found[0] == "hyvaksytty") and _changed_election(_sentences(paatos), proposal):
        return "hyvaksytty_muutettuna"
    if found:
        return found[0]
    if not paatos.strip():
        return "muu"
    if kasittely:
        accepted = _kasittely_outcome(kasittely)
        if accepted:
            return accepted
    if not proposal and not _decides(paatos):
        return "muu"  # nothing proposed and nothing decided: initiatives handed in, speeches given
    # A decision written out in full ('Kokous todettiin laillisesti koolle kutsutuksi') restates
    # the proposal: it was approved as proposed.
    return "merkitty_tiedoksi" if _proposal_notes(proposal) and not decision else "hyvaksytty"


assert set(OUTCOME_ORDER) == set(OUTCOMES)


_FIRST_WORD = re.compile(r"^\W*(\w+)")


def _elected(sentences: Sequence[str]) -> list[str]:
    """Surnames of the people named in election sentences, in printed order (nominative, folded)."""
    out: list[str] = []
    for sentence in sentences:
        verb = search_any(ELECTION_CUES, fold_keep_length(sentence))
        if verb is None:
            continue
        # 'Valittiin Emilia Olkanen': the verb opening the sentence is no first name
        first = _FIRST_WORD.match(sentence)
        if first and first.start(1) == verb.start():
            sentence = sentence[:first.start(1)] + first.group(1).lower() + sentence[first.end(1):]
        # 'kuuli Niko Savinaista ja valitsi ... Nanna Nivukosken': the elected follow the verb
        out += [fold_keep_length(span.tokens[-1]).lower() for span in _person_spans(sentence)
                if len(span.tokens) >= 2 and span.start >= verb.end()]
    return out


def _changed_election(decision: Sequence[str], proposal: str | None) -> bool:
    """Did the body elect other people than the proposal named ('valitaan Lahtinen ja Heikkinen,
    varalle Oja-Lipasti ja Rintala' -> 'valittiin Heikkinen ja Rintala'; a deputy added)? The
    proposal's deputies may go unmentioned: only its first names, as many as were elected, count."""
    if not proposal:
        return False
    chosen = _elected(decision)
    named = _elected(_sentences(proposal))
    return bool(chosen and named) and set(chosen) != set(named[:len(chosen)])


def reported_decision(text: str) -> str | None:
    """The opening sentence of a section that reports what the body did ('Kasvatus- ja
    koulutuslautakunta antoi puoltavan lausunnon', 'Lautakunta päätti panna asian pöydälle'),
    or None. A dated or §-numbered report is an earlier handling, not this decision."""
    sentences = _sentences(text)
    if not sentences:
        return None
    first = sentences[0]
    head = " ".join(first.split()[:12])
    verb = search_any(REPORTED_DECISION_CUES, fold_keep_length(head))
    if verb is None or "§" in first or re.search(r"\b\d{1,2}\.\s?\d{1,2}\.(\d{2,4})?", first[:verb.end() + 25]):
        return None  # 'Kaupunginhallitus päätti 23.6.2025 § 249': an earlier handling
    return first


# --- names in running text ------------------------------------------------------------------------

_CAP_WORD = re.compile(r"[A-ZÅÄÖÜÉ][\wåäöüéÅÄÖÜÉ'’]*(?:-[A-ZÅÄÖÜÉa-zåäö][\wåäöüé'’]*)*")
_ORG_AFTER = re.compile(r"^\s*(ry|oy|ab|oyj|rf|ky|ay|sr|r\.y\.|kuntayhtymä|säätiö)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _NameSpan:
    start: int
    end: int
    tokens: tuple[str, ...]


def _attendee_names(attendees: Attendees) -> list[str]:
    if attendees is None:
        return []
    if isinstance(attendees, Mapping):
        return list(attendees)
    return [a if isinstance(a, str) else a[0] for a in attendees]


def _attendee_role(attendees: Attendees, name: str) -> str | None:
    if isinstance(attendees, Mapping):
        return attendees.get(name)
    if attendees is not None:
        for entry in attendees:
            if not isinstance(entry, str) and entry[0] == name:
                return entry[1]
    return None


def _match_attendee(name: str, attendees: Attendees) -> str | None:
    """The attendee a printed name refers to: same words in any order, or a unique surname."""
    names = _attendee_names(attendees)
    if not names:
        return None
    key = sorted(fold_keep_length(name).split())
    for candidate in names:
        if sorted(fold_keep_length(candidate).split()) == key:
            return candidate
    words = fold_keep_length(name).split()
    if len(words) == 1:
        hits = [c for c in names if fold_keep_length(c).split()[-1:] == words
                or fold_keep_length(c).split()[:1] == words]
        if len(hits) == 1:
            return hits[0]
    return None


def _person_spans(text: str, attendees: Attendees = None) -> list[_NameSpan]:
    """Runs of two or three capitalised words that are a person's name (a first name among them).

    'Karkun Nuorisoseura ry:n' has no first name and is followed by 'ry', so it is no person.
    """
    words = [m for m in _CAP_WORD.finditer(text) if not _is_role_or_title(m.group(0))]
    spans: list[_NameSpan] = []
    i = 0
    while i < len(words):
        run = [words[i]]
        j = i + 1
        while j < len(words) and len(run) < 4 and re.fullmatch(r"\s+", text[run[-1].end():words[j].start()]):
            run.append(words[j])
            j += 1
        accepted = None
        for size in (3, 2):
            if len(run) < size:
                continue
            cand = run[:size]
            tokens = tuple(nominative(m.group(0)) for m in cand)
            if _ORG_AFTER.match(text[cand[-1].end():cand[-1].end() + 12]) or text[cand[-1].end():].startswith(":n"):
                continue
            known = _match_attendee(" ".join(tokens), attendees) is not None
            firsts = [is_first_name(t) for t in tokens]
            if size == 3 and not (firsts[0] and firsts[1]) and not (firsts[1] and firsts[2]) and not known:
                continue
            if not known and not (firsts[0] or firsts[-1]):
                continue
            if any(_is_common_only(t) for t in tokens) and not known and not (firsts[0] and not firsts[-1]
                                                                            or firsts[-1] and not firsts[0]):
                continue
            accepted = cand
            break
        if accepted:
            tokens = tuple(nominative(m.group(0)) for m in accepted)
            spans.append(_NameSpan(accepted[0].start(), accepted[-1].end(), tokens))
            i += len(accepted)
        else:
            i += 1
    return spans


@lru_cache(maxsize=4096)
def _is_role_or_title(word: str) -> bool:
    """'Jäsen', 'Varapuheenjohtaja', 'Ledamoten', 'Sivistysjohtaja' start no name."""
    key = fold_keep_length(word)
    if any(key.startswith(fold_keep_length(r)) for r in RECUSAL_ROLE_WORDS):
        return True
    return is_title_word(word)


def _is_common_only(word: str) -> bool:
    classes = word_classes(word)
    return bool(classes) and not classes & {"etunimi", "sukunimi", "paikannimi"} and "nimisana" not in classes


def _full_name(tokens: Sequence[str], attendees: Attendees) -> str:
    name = normalize_name(" ".join(tokens))
    return _match_attendee(name, attendees) or name


# --- votes ----------------------------------------------------------------------------------------

_NUMBER_ALT = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_COUNT = rf"(?P<count>\d{{1,3}}|(?i:{_NUMBER_ALT}))(?:\s*\(\d{{1,3}}\))?"
def _ocr_tolerant(word: str) -> str:
    """A pattern for ``word`` that also matches it in a text layer that lost its ä/ö (OCR: 'aanta',
    'rdster', 'r6st')."""
    return "".join({"ä": "[äaád]", "ö": "[öod6]"}.get(c, re.escape(c)) for c in word)


_VOTE_NOUN = "(?:" + "|".join(map(_ocr_tolerant, ("ääntä", "ääni", "äänet", "ääniä", "äänellä", "röster", "röst",
                                                  "rösterna"))) + ")"
_ROST, _AAN = _ocr_tolerant("röst"), _ocr_tolerant("ään")


def _kind_alt(kind: str) -> str:
    return "|".join(re.escape(w) for w in VOTE_KIND_WORDS[kind])


# '6 JAA-ääntä', '3 ei-ääntä', '1 tyhjä', '27 EI- ääntä', 'sex JA-röster', '2 blanka'.
_COUNT_FIRST = re.compile(
    rf"(?<![\w.,]){_COUNT}\s*(?:kpl\s*)?(?P<label>"
    rf"(?P<jaa>JAA|jaa(?=\s*-\s*{_VOTE_NOUN})|JA(?=\s*-\s*{_ROST})|ja(?=\s*-\s*{_ROST}))"
    rf"|(?P<ei>EI|ei(?=\s*-\s*{_VOTE_NOUN})|NEJ|nej(?=\s*-\s*{_ROST}))"
    rf"|(?P<tyhja>(?i:{_kind_alt('tyhja')}))(?!\w)"
    rf"|(?P<poissa>(?i:{_kind_alt('poissa')}))(?!\w))"
    rf"(?:\s*-\s*{_VOTE_NOUN}|\s+{_VOTE_NOUN})?(?!\w)",
)
# 'Jaa-äänet: 14', 'JAA 6', 'Tyhjä: 37', 'Poissa 1', 'NEJ-röster: 4', and a roll call's result
# 'JAA 21 ääntä (names), EI 12 ääntä (names), TYHJÄÄ 1 (name), POISSA 1 (name)'.
_LABEL_FIRST = re.compile(
    rf"(?<![\w-])(?P<label>(?P<jaa>(?i:jaa)|JA|(?i:ja)(?=-{_ROST}))|(?P<ei>EI|(?i:ei)(?=\s*(?:-\s*{_AAN}|:))|(?i:nej))"
    rf"|(?P<tyhja>(?i:{_kind_alt('tyhja')}))|(?P<poissa>(?i:{_kind_alt('poissa')})))"
    rf"(?P<noun>\s*-\s*(?i:{_VOTE_NOUN})|\s+(?i:{_VOTE_NOUN}))?\s*(?P<colon>:)?\s*"
    rf"(?P<count>\d{{1,3}})(?!\s*[-–]?\s*\d)(?![\w.,:]\d)(?:\s+(?i:{_VOTE_NOUN})(?!\w))?",
)
# 'Anna Virtanen JAA' lines of a roll-call table (one printed vote per line).
_TABLE_ROW = re.compile(
    r"^\s*(?P<name>[A-ZÅÄÖÜÉ][\w'’-]+(?:,?\s+[A-ZÅÄÖÜÉ][\w'’-]+){1,2})\s*[.:\-–]*\s+"
    r"(?P<vote>JAA|EI|TYHJÄ|POISSA|Jaa|Ei|Tyhjä|Poissa|JA|NEJ|BLANK|Ja|Nej|Blank|FRÅNVARANDE|Frånvarande)\s*$",
    re.MULTILINE,
)
_TABLE_KIND = {"jaa": "jaa", "ja": "jaa", "ei": "ei", "nej": "ei", "tyhjä": "tyhja", "blank": "tyhja",
               "poissa": "poissa", "frånvarande": "poissa"}


# 'yksi äänesti tyhjää', 'kaksi jäsentä äänesti tyhjää'.
_ABSTAINED = re.compile(
    rf"(?<![\w.,]){_COUNT}\s+(?:\w+\s+)?(?:äänesti|äänestivät|röstade)\s+(?:tyhjää|blankt)(?!\w)",
    re.IGNORECASE,
)
# 'JAA-ääniä antoivat: A, B ja C' (no count printed: the names are counted).
_NAMES_ONLY = re.compile(
    r"(?<![\w-])(?P<label>(?P<jaa>JAA|Jaa|jaa)|(?P<ei>EI|Ei|ei)|(?P<tyhja>TYHJÄÄ|Tyhjää|tyhjää))"
    r"(?:\s*-\s*)(?:ääniä|äänen|äänet|ääntä)\s+(?:antoivat|antoi|äänestivät)\s*:?",
)


@dataclass
class _Mention:
    kind: str
    count: int | None
    start: int
    end: int
    names: list[str]
    labelled: bool = False


def _to_int(word: str) -> int:
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS[word.lower()]


def _mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []
    for regex, labelled in ((_COUNT_FIRST, False), (_LABEL_FIRST, True)):
        for m in regex.finditer(text):
            kind = next(k for k in ("jaa", "ei", "tyhja", "poissa") if m.group(k))
            # a colon after the label, or after the count before its name list ('Blanka 1: Eva Ek')
            colon = labelled and (m.group("colon") or text[m.end():m.end() + 2].lstrip().startswith(":"))
            if labelled and kind in ("jaa", "ei") and not (colon or m.group("noun") or m.group("label").isupper()):
                continue
            if labelled and kind in ("tyhja", "poissa") and not (colon or m.group("label").isupper()):
                continue
            try:
                count = _to_int(m.group("count"))
            except KeyError:
                continue
            if any(not (m.end() <= f.start or m.start() >= f.end) for f in found):
                continue
            found.append(_Mention(kind, count, m.start(), m.end(), [], labelled))
    for m in _ABSTAINED.finditer(text):
        if all(m.end() <= f.start or m.start() >= f.end for f in found):
            found.append(_Mention("tyhja", _to_int(m.group("count").lower()), m.start(), m.end(), []))
    for m in _NAMES_ONLY.finditer(text):
        if all(m.end() <= f.start or m.start() >= f.end for f in found):
            kind = next(k for k in ("jaa", "ei", "tyhja") if m.group(k))
            found.append(_Mention(kind, None, m.start(), m.end(), [], True))
    found.sort(key=lambda f: f.start)
    return found


_LIST_SPLIT = re.compile(r"\s*(?:,|;|\bja\b|\bsekä\b|\boch\b|\bsamt\b)\s*")
_VOTER_PREFIX = re.compile(
    r"^(?:valtuutettu|varavaltuutettu|jäsen|varajäsen|puheenjohtaja|varapuheenjohtaja|pj\.?|vpj\.?|"
    r"ledamot|ersättare|ordförande)\s+", re.IGNORECASE)


def _voter_names(chunk: str, attendees: Attendees, expected: int | None) -> list[str]:
    """Names of a list ('Antti Virtanen, Pirjo Laaksonen ja Olli Kangas'), each 'Etunimi Sukunimi'."""
    names = []
    for item in _LIST_SPLIT.split(chunk):
        item = re.sub(r"\([^)]*\)", " ", item)  # party abbreviations '(kok)'
        item = _VOTER_PREFIX.sub("", " ".join(item.split())).strip(" .:")
        if not item:
            continue
        words = item.split()
        if not all(_CAP_WORD.fullmatch(w) for w in words[:2]):
            break
        if len(words) > 3 or not all(_CAP_WORD.fullmatch(w) for w in words):
            # The list ran into the next sentence: keep the name words at the head of the item.
            head = []
            for w in words:
                if not _CAP_WORD.fullmatch(w) or len(head) == 3:
                    break
                head.append(w)
            if len(head) == 3 and not is_first_name(head[1]) and not is_first_name(head[2]):
                head = head[:2]
            if head:
                names.append(_full_name(head, attendees))
            break
        names.append(_full_name(words, attendees))
        if expected is not None and len(names) >= expected and expected > 0:
            break
    return names


def _attach_names(text: str, mentions: list[_Mention], attendees: Attendees) -> None:
    for i, mention in enumerate(mentions):
        limit = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        after = text[mention.end:limit]
        paren = re.match(r"\s*\(([^()]*)\)", after)
        if paren:
            mention.names = _voter_names(paren.group(1), attendees, None)
            continue
        intro = re.match(r"\s*(?:[:\-–]|antoivat|äänestivät|röstade)\s*:?\s*", after, re.IGNORECASE)
        listed = re.match(r"[ \t]*\n\s*", after) or (re.match(r"\s*", after) if mention.labelled else None)
        if intro or listed:
            start = (intro or listed).end()
            mention.names = _voter_names(after[start:], attendees, mention.count)
        if mention.count is None:
            mention.count = len(mention.names)


def _group(mentions: list[_Mention]) -> list[list[_Mention]]:
    groups: list[list[_Mention]] = []
    for mention in mentions:
        current = groups[-1] if groups else None
        if (current is None or any(m.kind == mention.kind for m in current)
                or mention.start - current[-1].end > 600):
            groups.append([mention])
        else:
            current.append(mention)
    return [g for g in groups if any(m.kind in ("jaa", "ei") for m in g)]


def _table_votes(text: str, attendees: Attendees) -> list[dict[str, list[str]]]:
    tables, current, last_end = [], None, -1
    for m in _TABLE_ROW.finditer(text):
        kind = _TABLE_KIND[m.group("vote").lower()]
        name = _full_name(m.group("name").replace(",", " ").split(), attendees)
        if current is None or text[last_end:m.start()].count("\n") > 2:
            current = {"jaa": [], "ei": [], "tyhja": [], "poissa": []}
            tables.append(current)
        current[kind].append(name)
        last_end = m.end()
    return [t for t in tables if sum(len(v) for v in t.values()) >= 2]


def extract_votes(text: str, attendees: Attendees = None, item_id: str = "", doc_id: str = "") -> list[Vote]:
    """The votes printed in an item's text, in printed order, as `Vote` records of item ``item_id``.

    ``attendees`` (names, or name -> role) turns surname-only voter lists ('Kuusisaari, Makkonen')
    into full names. Counts not printed are 0 for tyhjä/poissa and None for jaa/ei.
    """
    if not text:
        return []
    mentions = _mentions(text)
    _attach_names(text, mentions, attendees)
    votes = []
    for group in _group(mentions):
        by_kind = {m.kind: m for m in group}
        names = {k: tuple(by_kind[k].names) if k in by_kind else () for k in ("jaa", "ei", "tyhja", "poissa")}
        counts = {k: by_kind[k].count if k in by_kind else None for k in ("jaa", "ei", "tyhja", "poissa")}
        for k in ("tyhja", "poissa"):
            counts[k] = counts[k] or 0
        listed = [k for k in names if names[k]]
        match = all(counts[k] == len(names[k]) for k in listed) if listed else None
        start, end = group[0].start, group[-1].end
        sentence_start = max((text.rfind(sep, 0, start) + len(sep) if sep in text[:start] else 0)
                             for sep in (". ", "\n\n"))
        votes.append(Vote(
            item_id=item_id, doc_id=doc_id, ordinal=len(votes), jaa=counts["jaa"], ei=counts["ei"],
            tyhja=counts["tyhja"], poissa=counts["poissa"],
            jaa_names=names["jaa"], ei_names=names["ei"], tyhja_names=names["tyhja"],
            counts_match=match, text=" ".join(text[sentence_start:_list_end(text, end)].split()),
        ))
    if not votes:
        for table in _table_votes(text, attendees):
            votes.append(Vote(
                item_id=item_id, doc_id=doc_id, ordinal=len(votes), jaa=len(table["jaa"]), ei=len(table["ei"]),
                tyhja=len(table["tyhja"]), poissa=len(table["poissa"]), jaa_names=tuple(table["jaa"]),
                ei_names=tuple(table["ei"]), tyhja_names=tuple(table["tyhja"]), counts_match=True, text="",
            ))
    return votes


def _list_end(text: str, end: int) -> int:
    """End of the sentence that holds a vote's last count (and its name list)."""
    paren = re.match(r"\s*\([^()]*\)", text[end:])
    if paren:
        end += paren.end()
    stop = re.search(r"[.!?](?=\s|$)|\n\s*\n", text[end:])
    return end + (stop.end() if stop else len(text) - end)


# --- recusals -------------------------------------------------------------------------------------

def _role_before(text: str, start: int) -> str | None:
    """A printed meeting role right before a name ('kaupunginhallituksen 1. varapuheenjohtaja')."""
    window = text[max(0, start - 80):start]
    words = re.findall(r"[\w.]+", window)
    if not words:
        return None
    role_keys = {fold_keep_length(w) for w in RECUSAL_ROLE_WORDS}
    last = fold_keep_length(words[-1])
    if last not in role_keys:
        return None
    role = [words[-1]]
    k = len(words) - 2
    if k >= 0 and re.fullmatch(r"\d+\.|[IV]+", words[k]):
        role.insert(0, words[k])
        k -= 1
    if k >= 0 and re.fullmatch(r"[A-ZÅÄÖa-zåäö]+(?:valtuuston|hallituksen|lautakunnan|jaoston|toimikunnan)",
                               words[k]):
        role.insert(0, words[k])
    text_role = " ".join(role).lower()
    return re.sub(r"\b(jäsenet|varajäsenet|valtuutetut|ledamöter)$",
                  lambda m: {"jäsenet": "jäsen", "varajäsenet": "varajäsen", "valtuutetut": "valtuutettu",
                             "ledamöter": "ledamot"}[m.group(1)], text_role)


def _plural_role_before(text: str, start: int, spans: list[_NameSpan], index: int) -> str | None:
    """A plural role ('jäsenet Pekka Hella, Jenni Huttunen ja Esa Rintala') carries along a list."""
    role = _role_before(text, start)
    if role or index == 0:
        return role
    prev = spans[index - 1]
    gap = text[prev.end:start]
    if re.fullmatch(r"\s*(,|ja|sekä|och)\s*", gap):
        prev_role = _role_before(text, prev.start)
        if prev_role and re.search(r"(jäsenet|varajäsenet|valtuutetut|ledamöter)\s*$",
                                   text[max(0, prev.start - 40):prev.start]):
            return prev_role
        return _plural_role_before(text, prev.start, spans, index - 1) if prev_role is None else None
    return None


def _replacement(sentence: str, attendees: Attendees) -> tuple[str | None, tuple[int, int] | None]:
    """Who chaired instead ('puheenjohtajana toimi Sari Listenmaa'), and where the clause is."""
    folded = fold_keep_length(sentence)
    match = search_any(CHAIR_REPLACED_CUES, folded)
    if not match:
        return None, None
    spans = _person_spans(sentence, attendees)
    after = [s for s in spans if s.start >= match.start()]
    if after and after[0].start - match.end() < 120:
        chosen = after[0]
    else:
        before = [s for s in spans if s.end <= match.start() and match.start() - s.end < 40]
        if not before:
            return None, (match.start(), match.end())
        chosen = before[-1]
    return _full_name(chosen.tokens, attendees), (min(chosen.start, match.start()), max(chosen.end, match.end()))


def extract_recusals(text: str, attendees: Attendees = None, item_id: str = "", doc_id: str = "") -> list[Recusal]:
    """Disqualified people of item ``item_id``: name, printed role, the sentence as printed, the stand-in chair.

    ``attendees`` (names, or name -> printed role) completes names and gives the role when the
    sentence does not print it ('Teemu Ojala ilmoitti olevansa esteellinen' -> 'jäsen').
    """
    if not text:
        return []
    sentences = _sentences(text)
    out: list[Recusal] = []
    for i, sentence in enumerate(sentences):
        folded = fold_keep_length(sentence)
        disqualified = search_any(RECUSAL_CUES, folded) and not search_any(RECUSAL_NEGATIONS, folded)
        next_sentence = sentences[i + 1] if i + 1 < len(sentences) else ""
        replaced_by, clause = _replacement(sentence, attendees)
        note = sentence
        if replaced_by is None and next_sentence and not search_any(RECUSAL_CUES, fold_keep_length(next_sentence)):
            replaced_by, _ = _replacement(next_sentence, attendees)
            if replaced_by:
                note = f"{sentence} {next_sentence}"
        leaving = search_any(LEAVING_CUES, folded)
        if not disqualified and not (leaving and replaced_by):
            continue
        spans = _person_spans(sentence, attendees)
        for index, span in enumerate(spans):
            if clause and clause[0] <= span.start < clause[1] + 1:
                continue
            name = _full_name(span.tokens, attendees)
            if name == replaced_by:
                continue
            role = _plural_role_before(sentence, span.start, spans, index) or _attendee_role(attendees, name)
            record = Recusal(item_id=item_id, doc_id=doc_id, name=name, role=role, note=note, replaced_by=None)
            if all(r.name != name or r.note != note for r in out):
                out.append(record)
        if replaced_by:
            _assign_replacement(out, note, replaced_by)
    return out


def _assign_replacement(out: list[Recusal], note: str, replaced_by: str) -> None:
    """Give the stand-in chair to the chair among this note's recusals (or its only person)."""
    mine = [i for i, r in enumerate(out) if r.note == note]
    if not mine:
        return
    chairs = [i for i in mine if out[i].role and re.search(r"(?<!vara)puheenjohtaja$|^ordförande$",
                                                              fold_keep_length(out[i].role).replace("a", "a"))]
    target = chairs[0] if chairs else (mine[0] if len(mine) == 1 else None)
    if target is not None:
        out[target] = replace(out[target], replaced_by=replaced_by)
