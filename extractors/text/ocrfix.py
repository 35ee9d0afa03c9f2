"""Line-level fixes for what OCR does to the fixed shapes of minutes: '§', dashes, dates, e-mails.

Tesseract reads the section sign as '$' or '8' ('$ 21', '8 21', '168 8:n'), a dash between years as
an em dash ('2025—2027'), zero/one inside numbers as O/l, and '@' as '&'. These break § numbering,
dates and contact lines, so they are fixed here before segmentation. Every rule is tied to a shape in
which the OCR reading cannot be what was printed: a bare '8' only becomes '§' where an item header or
a '§:n' reference stands, never inside ordinary numbers.
"""

from __future__ import annotations

import functools
import re

from extractors.records import PageText
from extractors.text.lexicon import common_zipf, voikko
from extractors.vocab import BODY_SUFFIXES

MIN_WORDS_TO_JUDGE = 25  # alphabetic words a page needs before its words are judged
MIN_KNOWN_SHARE = 0.2  # below this share of known words a text layer is garbage
_WORD_LANGUAGES = ("fi", "sv", "en")
_PUNCTUATION = ".,:;!?()[]\"'«»”“-–—/"
# Characters that are not plain text (a letter or digit, or the punctuation of ordinary text):
# counted instead of the plain ones, which are most of a page
_OTHER_CHAR = re.compile(r"[^\w.,:;\-–()/§%€'\"!?&@+*]|_")
_DATE = r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}"

# (pattern, replacement) in order; each is one OCR confusion in one shape.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # digit runs: O/o read for 0 and l/I/| for 1 between digits ('2O25', '1l.01')
    (re.compile(r"(?<=\d)[Oo](?=\d)"), "0"),
    (re.compile(r"(?<=\d)[lI|](?=\d)"), "1"),
    # ... and O opening a date or a date part: 'O1.08.2025', '01.O8.2025'
    (re.compile(r"(?<![\w.])[Oo](?=\d[.,]\d{1,2}[.,](?:19|20)\d{2}\b)|(?<=\d[.,])[Oo](?=\d)"), "0"),
    # '&' doubled with '§' is one sign read twice ('&§ 15', Swedish data); '&' opening a segment
    # before a paragraph number is a '§' too ('& 14' in a 'Bildningsnämnden & 14 24.02.2026' header)
    (re.compile(r"&\s?§|§\s?&"), "§"),
    (re.compile(r"^(\s*)&\s?(?=\d{1,3}(?:\s|$|[-–]))"), r"\1§ "),
    # '$' next to a number is always a misread '§' in Finnish/Swedish minutes
    (re.compile(r"\$\s?(?=\d)"), "§ "),
    (re.compile(r"(?<=\d)\s?\$"), " §"),
    (re.compile(r"\$(?=:\w)"), "§"),
    (re.compile(r"(?<=\d )&(?=:\w)"), "§"),  # '98 &:n mukaan'
    # dust before a header cell: '"851' -> '851' (then '§ 51' below)
    (re.compile(r"^[\"'`´|]+(?=[8S&$§]\s?\d{1,3}\s*$)"), ""),
    # '168 8:n mukaan' -> '168 §:n': a number then '8:' plus a case ending
    (re.compile(r"(?<=\d) 8(?=:(?:n|ssä|ssa|ään|aan|stä|sta|llä|lla)\b)"), " §"),
    # a segment that is nothing but a paragraph number: 's 88', '§88' (header cells, 150 dpi scans)
    (re.compile(r"^(\s*)[sS8&$§]\s?(\d{1,3})\s*$"), r"\1§ \2"),
    # 'asiantuntija, 8 89': a person present for one item, at the end of an attendee line
    (re.compile(r"(?<=[\wåäö)],) [8S] ?(\d{1,3})(?=\s*$)"), r" § \1"),
    # a reference after a meeting date: 'Sivla 14.10.2025 8 75' (not '8 000 euroa', '8 750 m²')
    (re.compile(r"(" + _DATE + r") [8S$&] ?(\d{1,3})\b(?![ .,]?\d)(?!\s*(?:€|e\b|eur|m²|m2|kpl|%|h\b|henk))"),
     r"\1 § \2"),
    # item header at line start: '8 21' alone or before a capitalised title
    (re.compile(r"^(\s*)[8S]\s?(\d{1,3})(?=\s*$|\s+[A-ZÅÄÖ][a-zåäö])"), r"\1§ \2"),
    # CloudNC header: '<body> 8 21 27.03.2025' or '<body> 27.03.2025 8 21' at line end
    (re.compile(r"(?<=[a-zåäö] )[8S&]\s?(\d{1,3})(?=\s+" + _DATE + r"\s*$)"), r"§ \1"),
    (re.compile(r"(" + _DATE + r")\s+[8S&]\s?(\d{1,3})\s*$"), r"\1 § \2"),
    # 'Asiat 8 33 - 35' / '§§ 33-35' read as '88 33-35'
    (re.compile(r"^(\s*(?:Asiat|Käsitellyt asiat|Ärenden|Paragrafer)\s+)(?:88|8|S)\s?(?=\d{1,3}\s?[-–—]\s?\d)"),
     r"\1§ "),
    # a table rule read as a character: a lone '|' opening or closing a line ('| Beredare ...')
    (re.compile(r"^(\s*)\|\s+(?=\S)"), r"\1"),
    (re.compile(r"(?<=\S)\s+\|\s*$"), ""),
    # '1' or 'I' for 'l' between lower-case letters ('Va1tuusto', 'lailIisuus'); '0' for 'O' in capitals
    (re.compile(r"(?<=[a-zåäö])I(?=[a-zåäö])|(?<=[A-Za-zÅÄÖåäö])1(?=[a-zåäö])"), "l"),
    (re.compile(r"(?<=[A-ZÅÄÖ])0(?=[A-ZÅÄÖ])|(?<=\b[A-ZÅÄÖ])0(?=[A-ZÅÄÖ])"), "O"),
    # a body's header cell without its date: 'Bildningsnämnden 8 143' | '26.06.2025' (a segment of its own)
    (re.compile(r"((?:" + "|".join(BODY_SUFFIXES) + r")) [8S&$] ?(\d{1,3})\s*$", re.I), r"\1 § \2"),
    # a number-first header cell: '53 8' / '53 $' for '53 §'
    (re.compile(r"^(\s*\d{1,3}) [8S&$]\s*$"), r"\1 §"),
    # dashes: an em dash / tilde between numbers is an en dash ('2025—2027', '17.30 ~ 19.20')
    (re.compile(r"(?<=\d)\s?[—~]\s?(?=\d)"), "–"),
    (re.compile(r"(?<=\w)—(?=\w)"), "–"),
    (re.compile(r" — "), " – "),
    # square metres: '168 m?' / '168 m2' -> '168 m²'
    (re.compile(r"(?<=\d) m[?2](?=[\s.,;:)]|$)"), " m²"),
    # dates with a comma or a stray space for a dot: '15,05.2025', '15. 05.2025'
    (re.compile(r"\b(\d{1,2}) ?[.,] ?(\d{1,2}) ?[.,] ?((?:19|20)\d{2})\b"), r"\1.\2.\3"),
    # e-mail: 'tuija. haapala&kauhajoki.fi' -> 'tuija.haapala@kauhajoki.fi'
    (re.compile(r"\b([\w-]+)\. ([\w.-]+[@&][\w-]+(?:\.[\w-]+)*\.(?:fi|se|com|net|org|eu))\b"), r"\1.\2"),
    (re.compile(r"\b([\w.-]+)&([\w-]+(?:\.[\w-]+)*\.(?:fi|se|com|net|org|eu))\b"), r"\1@\2"),
    # '@' read as a separate '&', 'O', 'G', '©' between 'first.last' and a domain ('satu.helin O sastamala.fi')
    (re.compile(r"\b([a-zåäö0-9][\w-]*\.[\w.-]*[a-zåäö0-9]) ?[&OGQ©@] ?([a-zåäö0-9-]+(?:\.[a-zåäö0-9-]+)*"
                r"\.(?:fi|se|com|net|org|eu))\b"), r"\1@\2"),
    # '@' read as 'Q' (Swedish data) between the lower-case parts of an address: 'kim.nyqvistQnarpes.fi'
    (re.compile(r"\b([a-zåäö0-9][a-zåäö0-9._-]*[a-zåäö0-9])Q([a-zåäö0-9-]+(?:\.[a-zåäö0-9-]+)*"
                r"\.(?:fi|se|com|net|org|eu))\b"), r"\1@\2"),
)


def normalise_ocr_line(text: str) -> str:
    """Fix the OCR misreadings of '§', dashes, dates and e-mail addresses in one line of text."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text

def needs_ocr(page: PageText, min_chars: int = 20) -> bool:
    """No text layer, or one of garbage: control and private-use characters (fonts without a
    ToUnicode map), no vowels, or letters that spell no words (a font whose map is wrong)."""
    letters = "".join("".join(line.text for line in page.lines).split())
    if len(letters) < min_chars:
        return True
    plain = len(letters) - len(_OTHER_CHAR.findall(letters))  # the few others are found faster
    lowered = letters.lower()
    vowels = sum(lowered.count(v) for v in "aeiouyåäö")
    if plain / len(letters) < 0.8 or vowels / len(letters) < 0.15:
        return True
    return unreadable_words([w for line in page.lines for w in line.text.split()])


@functools.cache
def common_words() -> frozenset[str]:
    """The commonest words of Finnish, Swedish and English (~110k words, loaded once per run in the
    ingest fork server). Finnish inflected forms and compounds are rarely among them, so
    `_known_word` asks Voikko about the rest."""
    return frozenset(w for lang in _WORD_LANGUAGES for w in common_zipf(lang))


@functools.lru_cache(maxsize=100_000)
def _known_word(token: str) -> bool:
    if token in common_words():
        return True
    analyser = voikko()
    return analyser is not None and bool(analyser.spell(token))


def unreadable_words(words: list[str], min_words: int = MIN_WORDS_TO_JUDGE,
                     min_known: float = MIN_KNOWN_SHARE) -> bool:
    """Do the page's words spell no Finnish, Swedish or English? Judged only with enough words.

    Born-digital minutes know well over half of their words (names, codes and long compounds
    are the rest); a font mapped to the wrong letters knows almost none. On every page of the
    real and corpus PDFs (399 judged) the common words plus Voikko know at least 70 %, as
    wordfreq's full tables did, and make the same decision on every page.
    """
    tokens = [t for t in (w.strip(_PUNCTUATION).lower() for w in words) if len(t) >= 3 and t.isalpha()]
    if len(tokens) < min_words:
        return False
    needed = min_known * len(tokens)
    known = 0
    for token in tokens:
        if _known_word(token):
            known += 1
            if known >= needed:
                return False
    return True
