"""A small, documented theme taxonomy for goals, so researchers can compare municipalities.

Municipal goals are worded freely ('Edistämme osallisuutta', 'Kirjastopalvelujen saavutettavuuden
parantaminen'), but the policy areas they belong to are few. Each theme lists word *stems* that
are matched at word starts and inside compounds (Finnish compounds put the topic anywhere:
'kulttuurihyvinvointi', 'liikuntapaikka'). The unit a goal sits under ('Kirjastopalvelut') is the
strongest hint, so it is scored first and with more weight; the goal text decides when the unit
is generic ('Hyvinvointipalvelut') or missing.

Themes (name: what belongs there):

- ``kirjasto``: libraries, reading promotion, library services.
- ``kulttuuri``: culture, events, arts, museums, cultural education.
- ``liikunta``: sports, physical activity, sports facilities.
- ``nuoriso``: youth work and youth facilities.
- ``opetus``: basic and upper secondary education, schools, learning.
- ``varhaiskasvatus``: early childhood education and care.
- ``osallisuus``: participation, residents' voice, participatory budgeting, councils.
- ``tyollisyys``: employment services, jobs, unemployment.
- ``elinvoima``: business, attractiveness, tourism, population growth, land use.
- ``ymparisto``: environment, climate, circular economy, nature.
- ``talous``: finance, costs, budget balance, solvency, investments of the municipality.
- ``hyvinvointi``: health and well-being promotion in general (the fallback for welfare goals).
- ``henkilosto``: staff well-being and competence.
- ``digitalisaatio``: digital services and tools.
- ``tekninen``: infrastructure, water, streets, buildings, energy.
- ``muu``: nothing matched.
"""

from __future__ import annotations

import re

# theme -> stems (lower-case, diacritics kept). Order matters only for ties: earlier wins.
THEMES: dict[str, tuple[str, ...]] = {
    "kirjasto": ("kirjasto", "lukutai", "lukuharrast", "lukudiplom", "kirjavinkka", "lukupassi", "lainaa",
                 "lainaus"),
    "kulttuuri": ("kulttuur", "tapahtum", "taide", "taitee", "museo", "teatter", "musiik", "konsert"),
    "liikunta": ("liikun", "urheil", "uimahall", "kuntosal", "ulkoilu", "vertaisohjaa", "jäähall"),
    "nuoriso": ("nuoriso", "nuort", "nuore", "nuoret", "ohjaamo", "etsivä"),
    "varhaiskasvatus": ("varhaiskasvat", "päiväkot", "päivähoi", "esiopetu", "perhepäivähoi"),
    "opetus": ("opetu", "koulu", "oppim", "oppila", "lukio", "opiskel", "koulutu", "tutkinto", "opinto"),
    "osallisuus": ("osallisuu", "osallistuva", "osallista", "asukaskysel", "asukasilt", "kuntalaiskysel",
                   "vaikuttami", "nuorisovaltuust", "vanhusneuvost", "seuraparlament", "kuuleminen"),
    "tyollisyys": ("työllisyy", "työllist", "työttöm", "työnhak", "kesätyö", "työpaik", "virtaamo"),
    "elinvoima": ("elinvoim", "elinkeino", "yritys", "yrittäj", "vetovoim", "matkailu", "markkinoin",
                  "kaavoitu", "tontti", "asuntotuotan", "muuttovoit", "väestö"),
    "ymparisto": ("ympäristö", "ilmasto", "kiertotalou", "hiilineutr", "luonto", "päästö", "kestävä kehit",
                  "jäte", "uusiutuva"),
    "talous": ("talou", "tulos", "kustannu", "budjet", "säästö", "tuottavuu", "omavaraisuu", "lainakan",
               "quick ratio", "maksuvalmiu", "vakavaraisuu", "rahoitu", "investoin", "osinko", "vuosikate"),
    "henkilosto": ("henkilöstö", "työhyvinvoin", "työntekijä", "rekrytoin", "sijais", "osaamisen kehit"),
    "digitalisaatio": ("digitaal", "sähköi", "digi"),
    "tekninen": ("vesihuol", "jätevesi", "katu", "tiestö", "kiinteistö", "rakennu", "energia", "lämmö",
                 "kaukolämpö", "toimitil"),
    "hyvinvointi": ("hyvinvoin", "tervey", "mielenterv", "ennaltaehkäi", "toimintakyky", "syrjäyty",
                    "yksinäisyy", "ikäänty", "turvallisuu", "turvallisemm"),
}
DEFAULT_THEME = "muu"
UNIT_WEIGHT = 3.0  # a stem in the unit name counts this many times a stem in the goal text

THEME_NAMES: tuple[str, ...] = (*THEMES, DEFAULT_THEME)

_WORD = re.compile(r"[a-zåäö][a-zåäö-]*")


def theme_scores(text: str) -> dict[str, float]:
    """How many theme stems occur in the text (once per word), per theme."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    scores: dict[str, float] = {}
    for theme, stems in THEMES.items():
        hits = 0.0
        for stem in stems:
            if " " in stem:
                hits += lowered.count(stem)
                continue
            for word in words:
                if word.startswith(stem):
                    hits += 1.0
                elif stem in word and len(stem) >= 5:
                    hits += 0.8  # inside a compound: 'kulttuurihyvinvointi' is also hyvinvointi
        if hits:
            scores[theme] = hits
    return scores


def theme_of(text: str, unit: str | None = None) -> str:
    """The best theme for a goal from its unit (weighted) and text; ``'muu'`` if nothing matches.

    A generic welfare unit ('Hyvinvointipalvelut') must not drown a specific goal text, so the
    unit's hyvinvointi hits count only when the text names no other theme; a unit naming two
    themes ('Kirjasto- ja kulttuuripalvelut') is left to the text. Callers may repeat the goal
    text to weigh it above its actions.
    """
    scores = theme_scores(text or "")
    unit_scores = theme_scores(unit) if unit else {}
    if len(unit_scores) > 1 and scores:
        unit_scores = {}  # 'Kirjasto- ja kulttuuripalvelut': the text decides between the two
    for theme, hits in unit_scores.items():
        if theme == "hyvinvointi" and any(t != "hyvinvointi" for t in scores):
            continue
        scores[theme] = scores.get(theme, 0.0) + UNIT_WEIGHT * hits
    if not scores:
        return DEFAULT_THEME
    order = {name: i for i, name in enumerate(THEMES)}
    return max(scores, key=lambda t: (scores[t], -order[t]))
