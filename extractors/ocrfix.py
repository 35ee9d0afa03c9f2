"""Line-level fixes for what OCR does to the fixed shapes of minutes: '§', dashes, dates, e-mails.

Tesseract reads the section sign as '$' or '8' ('$ 21', '8 21', '168 8:n'), a dash between years as
an em dash ('2025—2027'), zero/one inside numbers as O/l, and '@' as '&'. These break § numbering,
dates and contact lines, so they are fixed here before segmentation. Every rule is tied to a shape in
which the OCR reading cannot be what was printed: a bare '8' only becomes '§' where an item header or
a '§:n' reference stands, never inside ordinary numbers.
"""

from __future__ import annotations

import re

from extractors.records import PageText

_DATE = r"\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}"

# (pattern, replacement) in order; each is one OCR confusion in one shape.
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # digit runs: O/o read for 0 and l/I/| for 1 between digits ('2O25', '1l.01')
    (re.compile(r"(?<=\d)[Oo](?=\d)"), "0"),
    (re.compile(r"(?<=\d)[lI|](?=\d)"), "1"),
    # '&' doubled with '§' is one sign read twice ('&§ 15', Swedish data); '&' opening a segment
    # before a paragraph number is a '§' too ('& 14' in a 'Bildningsnämnden & 14 24.02.2026' header)
    (re.compile(r"&\s?§|§\s?&"), "§"),
    (re.compile(r"^(\s*)&\s?(?=\d{1,3}(?:\s|$|[-–]))"), r"\1§ "),
    # '$' next to a number is always a misread '§' in Finnish/Swedish minutes
    (re.compile(r"\$\s?(?=\d)"), "§ "),
    (re.compile(r"(?<=\d)\s?\$"), " §"),
    (re.compile(r"\$(?=:\w)"), "§"),
    # '168 8:n mukaan' -> '168 §:n': a number then '8:' plus a case ending
    (re.compile(r"(?<=\d) 8(?=:(?:n|ssä|ssa|ään|aan|stä|sta|llä|lla)\b)"), " §"),
    # item header at line start: '8 21' alone or before a capitalised title
    (re.compile(r"^(\s*)[8S]\s?(\d{1,3})(?=\s*$|\s+[A-ZÅÄÖ][a-zåäö])"), r"\1§ \2"),
    # CloudNC header: '<body> 8 21 27.03.2025' or '<body> 27.03.2025 8 21' at line end
    (re.compile(r"(?<=[a-zåäö] )[8S&]\s?(\d{1,3})(?=\s+" + _DATE + r"\s*$)"), r"§ \1"),
    (re.compile(r"(" + _DATE + r")\s+[8S&]\s?(\d{1,3})\s*$"), r"\1 § \2"),
    # 'Asiat 8 33 - 35' / '§§ 33-35' read as '88 33-35'
    (re.compile(r"^(\s*(?:Asiat|Käsitellyt asiat|Ärenden|Paragrafer)\s+)(?:88|8|S)\s?(?=\d{1,3}\s?[-–—]\s?\d)"),
     r"\1§ "),
    # dashes: an em dash / tilde between numbers is an en dash ('2025—2027', '17.30 ~ 19.20')
    (re.compile(r"(?<=\d)\s?[—~]\s?(?=\d)"), "–"),
    (re.compile(r"(?<=\w)—(?=\w)"), "–"),
    (re.compile(r" — "), " – "),
    # square metres: '168 m?' / '168 m2' -> '168 m²'
    (re.compile(r"(?<=\d) m[?2](?=[\s.,;:)]|$)"), " m²"),
    # dates with a comma or a stray space for a dot: '15,05.2025', '15. 05.2025'
    (re.compile(r"\b(\d{1,2})[.,] ?(\d{1,2})[.,] ?((?:19|20)\d{2})\b"), r"\1.\2.\3"),
    # e-mail: 'tuija. haapala&kauhajoki.fi' -> 'tuija.haapala@kauhajoki.fi'
    (re.compile(r"\b([\w-]+)\. ([\w.-]+[@&][\w-]+(?:\.[\w-]+)*\.(?:fi|se|com|net|org|eu))\b"), r"\1.\2"),
    (re.compile(r"\b([\w.-]+)&([\w-]+(?:\.[\w-]+)*\.(?:fi|se|com|net|org|eu))\b"), r"\1@\2"),
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
    """No text layer, or one of garbage (control and private-use characters, no vowels)."""
    text = "".join(line.text for line in page.lines)
    letters = [c for c in text if not c.isspace()]
    if len(letters) < min_chars:
        return True
    plain = sum(c.isalnum() or c in ".,:;-–()/§%€'\"!?&@+*" for c in letters)
    vowels = sum(c.lower() in "aeiouyåäö" for c in letters)
    return plain / len(letters) < 0.8 or vowels / len(letters) < 0.15
