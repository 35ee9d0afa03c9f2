"""Generate varied synthetic minutes with gold answers, and measure the extraction on them.

Why: the dev corpus scores ~1.0, but the hidden documents come from other municipalities, bodies
and publishing systems. This generator writes many small minutes documents whose layout features
each imitate something real systems emit, with a `.gold.json` (format: ../shared/corpus/README.md)
derived from the same content records, so a failure points at one layout feature.

Every feature below is modelled on real output: layouts (CloudNC/CaseM own-line headings as in
Lapua and Sastamala, KTweb margin headings as in Keuruu, Oulu and Vantaa, Dynasty 'Body 127 § date'
tables with hanging-indent headings as in Espoo, KTweb/Dynasty/CaseM HTML exports as in Raahe,
Mikkeli and Espoo, KTweb/CaseM plain-text exports and pöytäkirjanotteet as in seeds 001 and 003),
item header shapes, page-1 item lists, running headers/footers, heading spellings
(extractors/vocab.py plus genitive '<Virkanimikkeen> ehdotus'), role lines (inline, own line,
several preparers, 'Lisätietoja antaa'), earlier handlings of another body inside an item, votes,
recusals, tabled/returned/rejected/changed decisions, Swedish protocols, appeal-instruction trailers,
signature blocks, pöytäkirjanote extracts, KTweb single-item texts and Tweb single-item PDFs (Oulu
margin labels, Vantaa colon headings: the parts of Paatos-Scraper's expected outputs).
People, numbers and decisions are invented; municipality names are real.

Run:
    .venv/bin/python scripts/make_variants.py --n 40 --report          # measure, print a report
    .venv/bin/python scripts/make_variants.py --n 40 --out /tmp/variants # write documents + gold
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# after the path is set for a direct run
from scripts.docwriter import gold as answer  # noqa: E402
from scripts.docwriter.deadline import deadline  # noqa: E402
from scripts.docwriter.html import encode, esc  # noqa: E402
from scripts.docwriter.pdf import DocPdf, with_page_total  # noqa: E402
from scripts.docwriter.people import Person, fi_genitive_surname, invent_person  # noqa: E402
from scripts.docwriter.printed import fi_date, slug  # noqa: E402

SECONDS_PER_DOCUMENT = 60  # a document takes well under a second; more than this is a loop that does not end

# --- content records --------------------------------------------------------------------------------


@dataclass
class Sec:
    """One printed section. ``inline``: the heading is printed 'Heading: text' on one line."""

    kind: str
    heading: str | None
    paras: list[str]
    handling: str | None = None
    inline: bool = False
    lead: str | None = None  # Dynasty: printed on the heading line, not part of the text (the presenter)


@dataclass
class Item:
    number: int | None
    title: str
    diary: str | None
    sections: list[Sec]
    roles: list[dict]
    outcome: str
    history: list[str] = field(default_factory=list)
    earlier_line: str | None = None  # 'Tekninen lautakunta 18.3.2025 § 21' before the earlier block
    current_line: str | None = None  # 'Kunnanhallitus 8.4.2025 § 53' before the current block
    votes: list[dict] = field(default_factory=list)
    recusals: list[dict] = field(default_factory=list)


@dataclass
class Features:
    layout: str
    lang: str = "fi"
    header_shape: str = "cloudnc3"
    page1_list: str = "lines"
    running: str = "cloudnc"
    footer: str = "none"
    roles_inline: bool = False
    surname_first: bool = False
    encoding: str = "utf-8"
    trailer: str = "none"
    signature_end: bool = False
    item_per_page: bool = False
    tweb_item: str = "none"  # ktweb_item: 'text' export, Oulu 'margin' PDF, Vantaa 'colon' PDF

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Doc:
    stem: str
    feats: Features
    municipality: str
    code: str
    printed_municipality: str
    domain: str
    body: str
    body_genitive: str
    date: dt.date
    number: str
    place: str
    start: str
    end: str
    members: list[Person]
    others: list[Person]
    absent: list[Person]
    items: list[Item]
    chair: Person
    secretary: Person

    @property
    def labels(self) -> dict[str, str]:
        return SV_LABELS if self.feats.lang == "sv" else FI_LABELS


FI_LABELS = {
    "minutes": "Pöytäkirja", "time": "Kokousaika", "place": "Kokouspaikka",
    "members": "Saapuvilla olleet jäsenet", "others": "Muut saapuvilla olleet", "absent": "Poissa",
    "handled": "Käsitellyt asiat", "range": "Asiat", "signatures": "Allekirjoitukset",
    "checking": "Pöytäkirjan tarkastus", "public": "Pöytäkirjan nähtävänäolo", "clock": "klo",
    "chair": "Puheenjohtaja", "secretary": "Pöytäkirjanpitäjä", "note": "PÖYTÄKIRJANOTE",
    "certify": "Otteen oikeaksi todistaa", "page": "Sivu",
}
SV_LABELS = {
    "minutes": "Protokoll", "time": "Sammanträdestid", "place": "Plats",
    "members": "Närvarande ledamöter", "others": "Övriga närvarande", "absent": "Frånvarande",
    "handled": "Behandlade ärenden", "range": "Paragrafer", "signatures": "Underskrifter",
    "checking": "Protokolljustering", "public": "Framläggande", "clock": "kl.",
    "chair": "Ordförande", "secretary": "Protokollförare", "note": "PROTOKOLLSUTDRAG",
    "certify": "Rätt utdrag intygar", "page": "Sida",
}

# (Finnish name, printed institution, genitive town form for history, e-mail domain, Swedish name)
MUNICIPALITIES = (
    ("Kuopio", "Kuopion kaupunki", "kuopio.fi", None), ("Lieto", "Liedon kunta", "lieto.fi", None),
    ("Ikaalinen", "Ikaalisten kaupunki", "ikaalinen.fi", None),
    ("Sodankylä", "Sodankylän kunta", "sodankyla.fi", None),
    ("Uusikaupunki", "Uudenkaupungin kaupunki", "uusikaupunki.fi", None),
    ("Nurmijärvi", "Nurmijärven kunta", "nurmijarvi.fi", None),
    ("Iisalmi", "Iisalmen kaupunki", "iisalmi.fi", None), ("Ii", "Iin kunta", "ii.fi", None),
    ("Orimattila", "Orimattilan kaupunki", "orimattila.fi", None),
    ("Siilinjärvi", "Siilinjärven kunta", "siilinjarvi.fi", None),
    ("Raisio", "Raision kaupunki", "raisio.fi", None), ("Kokkola", "Kokkolan kaupunki", "kokkola.fi", None),
)
SV_MUNICIPALITIES = (
    ("Pietarsaari", "Jakobstads stad", "jakobstad.fi", "Jakobstad"),
    ("Kristiinankaupunki", "Kristinestads stad", "krs.fi", "Kristinestad"),
    ("Mustasaari", "Korsholms kommun", "korsholm.fi", "Korsholm"),
    ("Parainen", "Pargas stad", "pargas.fi", "Pargas"),
    ("Kemiönsaari", "Kimitoöns kommun", "kimitoon.fi", "Kimitoön"),
    ("Loviisa", "Lovisa stad", "loviisa.fi", "Lovisa"),
)

# body, genitive, abbreviation (for history lines), presenter title, council/board kind
FI_BODIES = (
    ("Sivistyslautakunta", "Sivistyslautakunnan", "Sivla", "sivistysjohtaja", "Sivistysjohtajan"),
    ("Tekninen lautakunta", "Teknisen lautakunnan", "Tela", "tekninen johtaja", "Teknisen johtajan"),
    ("Ympäristölautakunta", "Ympäristölautakunnan", "Ympla", "ympäristöjohtaja", "Ympäristöjohtajan"),
    ("Hyvinvointilautakunta", "Hyvinvointilautakunnan", "Hyvla", "hyvinvointijohtaja", "Hyvinvointijohtajan"),
    ("Kunnanhallitus", "Kunnanhallituksen", "Khall", "kunnanjohtaja", "Kunnanjohtajan"),
    ("Kaupunginhallitus", "Kaupunginhallituksen", "Kh", "kaupunginjohtaja", "Kaupunginjohtajan"),
    ("Elinvoimalautakunta", "Elinvoimalautakunnan", "Ella", "elinvoimajohtaja", "Elinvoimajohtajan"),
)
SV_BODIES = (
    ("Stadsstyrelsen", "Stadsstyrelsens", "Stst", "stadsdirektör", "Stadsdirektörens"),
    ("Kommunstyrelsen", "Kommunstyrelsens", "Ks", "kommundirektör", "Kommundirektörens"),
    ("Bildningsnämnden", "Bildningsnämndens", "Bin", "bildningsdirektör", "Föredragandens"),
    ("Tekniska nämnden", "Tekniska nämndens", "Tn", "teknisk direktör", "Föredragandens"),
)
PREPARER_TITLES = ("talousjohtaja", "hallintojohtaja", "kaavoitusarkkitehti", "rakennuttajapäällikkö",
                   "opetuspäällikkö", "vapaa-aikapäällikkö", "ympäristötarkastaja", "kiinteistösihteeri",
                   "hankesuunnittelija", "kehittämiskoordinaattori")
SV_PREPARER_TITLES = ("ekonomidirektör", "förvaltningschef", "planläggningsarkitekt", "skoldirektör",
                      "fritidschef", "miljöinspektör")

# --- item content (invented) -------------------------------------------------------------------------

FI_TOPICS = (
    ("Talousarvion toteutuminen tammi–syyskuussa 2025", "02.02.02",
     ["Talousarvion toteutumista seurataan neljännesvuosittain. Syyskuun lopun tilanteessa toimintakulut "
      "ovat toteutuneet 74,2 prosenttisesti, kun tasaisen kertymän mukainen toteuma olisi 75 prosenttia.",
      "Henkilöstökulut ovat pysyneet talousarviossa. Palvelujen ostoissa ylitystä on kertynyt noin 180 000 "
      "euroa erityisesti kuljetuspalveluissa, mikä johtuu kilpailutuksen jälkeen nousseista hinnoista."],
     "{Body} merkitsee talousarvion toteumaraportin tiedoksi.", "info"),
    ("Koulukuljetusten hankinta lukuvuosille 2026–2029", "02.08.00",
     ["Nykyiset koulukuljetussopimukset päättyvät 31.7.2026. Hankinta on kilpailutettu avoimella "
      "menettelyllä neljänä osa-alueena. Määräaikaan mennessä saatiin seitsemän tarjousta.",
      "Valintaperusteena oli hinta. Kaikki tarjoajat täyttivät soveltuvuusvaatimukset. Hankinnan arvo "
      "sopimuskaudella on arviolta 2,4 miljoonaa euroa (alv 0 %)."],
     "{Body} päättää valita koulukuljetusten palveluntuottajiksi osa-alueittain edullisimman tarjouksen "
     "tehneet yritykset liitteen mukaisesti.", "list"),
    ("Lausunto Keskustan osayleiskaavan luonnoksesta", "10.02.02",
     ["Kaupunkisuunnittelu pyytää lausuntoa osayleiskaavan luonnoksesta 15.12. mennessä. Kaava-alue "
      "käsittää keskustan ja sen lähiympäristön, noin 420 hehtaaria.",
      "Luonnoksessa osoitetaan uusia asuinalueita ja täydennysrakentamista. Lausunnossa kiinnitetään "
      "huomiota koulujen ja päiväkotien riittävyyteen sekä kevyen liikenteen yhteyksiin."],
     "{Body} antaa osayleiskaavan luonnoksesta liitteen mukaisen lausunnon.", "plain"),
    ("Avustukset kulttuuri- ja liikuntajärjestöille vuodelle 2026", "02.05.01",
     ["Kohdeavustuksia haki määräaikaan mennessä 23 yhdistystä yhteensä 96 400 euroa. Talousarviossa "
      "avustuksiin on varattu 58 000 euroa.",
      "Avustukset on valmisteltu hyväksyttyjen avustusperiaatteiden mukaisesti. Esitys on liitteenä."],
     "{Body} myöntää kohdeavustukset vuodelle 2026 liitteen mukaisesti yhteensä 57 850 euroa.", "plain"),
    ("Jätevesiviemärin saneeraus, urakan hyväksyminen", "10.03.01",
     ["Rantatien jätevesiviemäri on kuntokartoituksessa todettu huonokuntoiseksi. Saneeraus on "
      "kilpailutettu kokonaisurakkana, ja tarjouksia saatiin neljä.",
      "Edullisimman tarjouksen teki Maanrakennus Kallio Oy 386 400 eurolla (alv 0 %). Tarjous on "
      "tarjouspyynnön mukainen ja alittaa kustannusarvion."],
     "{Body} päättää hyväksyä Maanrakennus Kallio Oy:n tarjouksen ja oikeuttaa tilaajan edustajan "
     "allekirjoittamaan urakkasopimuksen.", "plain"),
    ("Valtuustoaloite lähiliikuntapaikan rakentamisesta Kirkonkylään", "00.03.01",
     ["Valtuutettu Arto Lehmus ja yhdeksän muuta valtuutettua ovat tehneet aloitteen lähiliikuntapaikan "
      "rakentamisesta Kirkonkylän koulun yhteyteen.",
      "Lähiliikuntapaikan kustannusarvio on 240 000 euroa, josta valtionavustuksen osuus voi olla "
      "enintään 30 prosenttia. Hanketta ei ole sisällytetty investointisuunnitelmaan."],
     "{Body} esittää, että aloite otetaan huomioon vuoden 2027 talousarvion valmistelussa ja todetaan "
     "loppuun käsitellyksi.", "plain"),
    ("Tonttien myyntihinnat ja myyntiehdot 1.1.2026 alkaen", "10.00.02",
     ["Omakotitonttien hinnat on viimeksi tarkistettu vuonna 2021. Hintoja esitetään korotettavaksi "
      "keskimäärin 6 prosenttia vastaamaan kunnallistekniikan rakentamiskustannuksia.",
      "Myyntiehtoihin lisätään rakentamisvelvoite kolmen vuoden kuluessa kaupasta sekä sopimussakko."],
     "{Body} päättää vahvistaa tonttien myyntihinnat ja myyntiehdot liitteen mukaisesti.", "list"),
    ("Varhaiskasvatuksen palveluverkkoselvitys", "12.00.00",
     ["Lapsimäärä on laskenut viidessä vuodessa 14 prosenttia. Selvityksessä on tarkasteltu kolmea "
      "vaihtoehtoa, joissa päiväkotien määrä vähenee yhdellä tai kahdella.",
      "Huoltajille järjestettiin kuulemistilaisuus, ja kyselyyn vastasi 318 huoltajaa."],
     "{Body} merkitsee selvityksen tiedoksi ja päättää, että jatkovalmistelu tehdään vaihtoehdon B "
     "pohjalta.", "plain"),
)
SV_TOPICS = (
    ("Arbetsplan för den grundläggande utbildningen läsåret 2026–2027", "12.01.01",
     ["Enligt förordningen ska varje skola göra upp en arbetsplan för läsåret. Arbetsplanen innehåller "
      "bland annat arbetsdagar och timfördelning.",
      "Höstterminen börjar den 12 augusti 2026 och antalet arbetsdagar är 188."],
     "{Body} godkänner arbetsplanen enligt bilagan.", "plain"),
    ("Understöd till föreningar för år 2026", "02.05.01",
     ["Sammanlagt 17 föreningar har ansökt om understöd till ett belopp om 41 200 euro. I budgeten har "
      "reserverats 30 000 euro.", "Förslaget har beretts enligt de godkända principerna."],
     "{Body} beviljar understöd enligt bilagan.", "plain"),
    ("Budgetuppföljning januari–augusti 2025", "02.02.02",
     ["Verksamhetskostnaderna har förverkligats till 66,1 procent. Avvikelserna redovisas i bilagan.",
      "Personalkostnaderna har hållits inom budgeten."],
     "{Body} antecknar budgetuppföljningen för kännedom.", "info"),
    ("Utlåtande om delgeneralplanen för centrum", "10.02.02",
     ["Planläggningen begär utlåtande senast 15.12.2025. Planområdet omfattar cirka 300 hektar.",
      "I utlåtandet fästs uppmärksamhet vid gång- och cykelvägar."],
     "{Body} ger ett utlåtande enligt bilagan.", "plain"),
)

TRAILER_TEXT = {
    "oikaisu": ("OIKAISUVAATIMUSOHJE",
                ["Tähän päätökseen tyytymätön voi tehdä kirjallisen oikaisuvaatimuksen. Päätökseen ei saa "
                 "hakea muutosta valittamalla tuomioistuimeen.",
                 "Oikaisuvaatimus on tehtävä 14 päivän kuluessa päätöksen tiedoksisaannista."]),
    "muutoksenhaku": ("MUUTOKSENHAKUOHJE",
                      ["Pykälät, joista ei saa hakea muutosta, koska päätös koskee vain valmistelua tai "
                       "täytäntöönpanoa: §§ kaikki valmistelua koskevat asiat.",
                       "Valitusaika on 30 päivää päätöksen tiedoksisaannista."]),
    "valitusosoitus": ("Valitusosoitus",
                       ["Valitus tehdään hallinto-oikeudelle kirjallisesti 30 päivän kuluessa. "
                        "Valitusaika alkaa päätöksen tiedoksisaannista."]),
    "besvar": ("BESVÄRSANVISNING",
               ["Ändring i beslutet får sökas genom kommunalbesvär hos förvaltningsdomstolen inom 30 dagar."]),
}


# --- generation ---------------------------------------------------------------------------------------


TWEB_ITEM_STYLES = ("text", "margin", "colon")
LAYOUT_PLAN = ("cloudnc", "ktweb", "dynasty", "html_table", "cloudnc", "html_pbold", "text", "ktweb",
               "html_dynasty", "cloudnc", "note", "ktweb_item")


def plan_features(seed: int, rng: random.Random) -> Features:
    """The seed's layout cycles through LAYOUT_PLAN; the other features are drawn at random."""
    layout = LAYOUT_PLAN[seed % len(LAYOUT_PLAN)]
    lang = "sv" if seed % 5 == 3 and layout not in ("ktweb_item",) else "fi"
    f = Features(layout=layout, lang=lang)
    if layout in ("cloudnc", "note"):
        f.header_shape = rng.choice(("cloudnc3", "para_only", "body_para_date"))
        f.running = rng.choice(("cloudnc", "sivu", "esityslista", "logo"))
        f.roles_inline = rng.random() < 0.35
        f.item_per_page = rng.random() < 0.3
    elif layout == "ktweb":
        f.header_shape = rng.choice(("body_date_para", "body_date_para", "body_para_date"))
        f.running = rng.choice(("ktweb", "ktweb", "sivu"))
        f.surname_first = rng.random() < 0.6
    elif layout == "dynasty":
        f.header_shape = "dynasty"
        f.running = "dynasty"
    elif layout.startswith("html"):
        f.header_shape = {"html_table": "body_para_date", "html_pbold": "para_only",
                          "html_dynasty": "dynasty"}[layout]
        f.encoding = rng.choice(("windows-1252", "iso-8859-1", "utf-8")) if layout != "html_pbold" else "utf-8"
        f.roles_inline = layout == "html_dynasty" or rng.random() < 0.3
    elif layout == "text":
        f.header_shape = rng.choice(("body_date_para", "cloudnc3", "para_only"))
        f.surname_first = rng.random() < 0.4
    if lang == "sv" and f.header_shape in ("cloudnc3", "body_date_para"):
        f.header_shape = "body_para_date"  # 'Stadsstyrelsen § 12' + date
    f.page1_list = rng.choice(("lines", "lines", "wrapped", "range", "none"))
    f.footer = rng.choice(("none", "address", "initials")) if layout in ("cloudnc", "ktweb", "dynasty") else "none"
    f.trailer = rng.choice(("none", "oikaisu", "muutoksenhaku", "valitusosoitus")) if lang == "fi" else \
        rng.choice(("none", "besvar"))
    if layout in ("note", "ktweb_item"):
        f.trailer = "none"
    if layout == "ktweb_item":  # by seed, not drawn: the other features keep their draws
        f.tweb_item = TWEB_ITEM_STYLES[(seed // len(LAYOUT_PLAN)) % len(TWEB_ITEM_STYLES)]
        f.running = "ktweb" if f.tweb_item != "text" else f.running
    if f.trailer == "valitusosoitus" and layout not in ("cloudnc", "ktweb", "dynasty"):
        f.trailer = "oikaisu"  # a title-case trailer is told from an item's section only on its own page
    f.signature_end = layout in ("ktweb", "dynasty", "html_table", "text") and rng.random() < 0.6
    return f


def make_doc(seed: int, plan=None) -> Doc:
    """The content of document ``seed`` (deterministic); ``plan`` draws its features (default
    ``plan_features``; scripts/make_unseen_variants.py passes its own families)."""
    rng = random.Random(seed * 7919 + 17)
    f = (plan or plan_features)(seed, rng)
    sv = f.lang == "sv"
    mun, printed, domain, _ = rng.choice(SV_MUNICIPALITIES if sv else MUNICIPALITIES)
    code = _municipality_code(mun)
    bodies = SV_BODIES if sv else FI_BODIES
    body, genitive, abbr, presenter_title, presenter_gen = rng.choice(bodies)
    if body == "Kunnanhallitus" and "kaupunki" in printed:
        body, genitive, abbr, presenter_title, presenter_gen = FI_BODIES[5]
    if body == "Kaupunginhallitus" and "kunta" in printed:
        body, genitive, abbr, presenter_title, presenter_gen = FI_BODIES[4]
    date = dt.date(2025, 1, 8) + dt.timedelta(days=rng.randrange(0, 330))
    number = f"{rng.randint(2, 14)}/{date.year}"
    used: set[str] = set()
    r = (lambda: "ledamot") if sv else (lambda: None)
    chair = invent_person(rng, f.lang, used, role="ordförande" if sv else "puheenjohtaja", role_norm="puheenjohtaja")
    vice = invent_person(rng, f.lang, used, role="vice ordförande" if sv else "varapuheenjohtaja",
                   role_norm="varapuheenjohtaja")
    members = [chair, vice] + [invent_person(rng, f.lang, used, role=r()) for _ in range(rng.randint(4, 7))]
    members.append(invent_person(rng, f.lang, used, role="ersättare" if sv else "varajäsen", role_norm="varajasen"))
    presenter = invent_person(rng, f.lang, used, title=presenter_title, role="föredragande" if sv else "esittelijä",
                        role_norm="esittelija")
    secretary = invent_person(rng, f.lang, used, title="förvaltningssekreterare" if sv else "hallintosihteeri",
                        role="protokollförare" if sv else "pöytäkirjanpitäjä", role_norm="poytakirjanpitaja")
    absent = [invent_person(rng, f.lang, used, role=r())]
    n_items = 1 if f.layout in ("note", "ktweb_item") else rng.randint(3, 5)
    first = rng.randint(5, 180)
    ctx = _Ctx(rng, f, body, genitive, abbr, presenter, presenter_gen, members, domain, date, used)
    topics = list(SV_TOPICS if sv else FI_TOPICS)
    rng.shuffle(topics)
    outcomes = _outcome_plan(rng, n_items, f)
    items = []
    for i in range(n_items):
        number_i = None if f.tweb_item == "text" else first + i
        items.append(_make_item(ctx, number_i, topics[i % len(topics)], outcomes[i], index=i))
    if f.layout in ("dynasty", "html_dynasty"):
        for item in items:
            _dynasty_item(item, ctx)
        f.item_per_page = f.layout == "dynasty"
    if f.tweb_item in ("margin", "colon"):
        for item in items:
            _tweb_item(item, ctx)
    start_h = rng.choice((16, 17, 18))
    sep = "." if f.layout in ("ktweb", "text") else ":"
    place = rng.choice(("Stadshuset, sammanträdesrum 2", "Kommungården, styrelserummet")) if sv else \
        rng.choice(("Kunnantalo, valtuustosali", "Kaupungintalo, kokoushuone 2", "Kunnanvirasto, Teams"))
    stem = f"v{seed:03d}_{f.layout}_{slug(mun)}_{slug(body)}_{date.isoformat()}"
    return Doc(stem, f, mun, code, printed, domain, body, genitive, date, number, place,
               f"{start_h}{sep}00", f"{start_h + 2}{sep}{rng.choice(('05', '15', '40'))}", members,
               [presenter, secretary], absent, items, chair, secretary)


def _municipality_code(name: str) -> str:
    path = ROOT / "extractors" / "data" / "municipalities.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["name_fi"] == name:
                return row["code"]
    raise KeyError(name)


def _outcome_plan(rng: random.Random, n: int, f: Features) -> list[str]:
    """First item routine, then a mix that covers every outcome over a few documents."""
    pool = ["hyvaksytty", "hyvaksytty_muutettuna", "palautettu", "poydatty", "merkitty_tiedoksi", "hylatty",
            "vote", "recusal", "presenter_changed", "hyvaksytty"]
    if n == 1:
        return [rng.choice(pool)]
    return ["opening"] + [rng.choice(pool) for _ in range(n - 1)]


@dataclass
class _Ctx:
    rng: random.Random
    f: Features
    body: str
    genitive: str
    abbr: str
    presenter: Person
    presenter_gen: str
    members: list[Person]
    domain: str
    date: dt.date
    used: set[str]


def _role_line(p: Person, f: Features, domain: str, phone: bool, email: bool, order: str) -> tuple[str, dict]:
    """A printed person line and its gold role (without the 'role' key)."""
    mail = f"{slug(p.first)}.{slug(p.last)}@{domain}".replace("_", "-") if email else None
    contact = ""
    if phone:
        digits = zlib.crc32(p.name().encode())
        contact += (", tfn " if f.lang == "sv" else ", puh. ") + f"040 {digits % 900 + 100} {digits % 9000 + 1000}"
    if mail:
        contact += f", {mail}"
    name = p.name(f.surname_first)
    if order == "name_title":
        return f"{name}, {p.title}{contact}", {"title": p.title, "name": p.name(), "email": mail}
    title = (p.title or "")[:1].upper() + (p.title or "")[1:]
    return f"{title} {name}{contact}", {"title": title, "name": p.name(), "email": mail}


def _make_item(ctx: _Ctx, number: int | None, topic: tuple, outcome: str, index: int) -> Item:
    rng, f = ctx.rng, ctx.f
    sv = f.lang == "sv"
    title, tos, paras, proposal, shape = topic
    body_name = ctx.body
    order = "name_title" if (f.roles_inline and rng.random() < 0.7) else "title_name"
    sections: list[Sec] = []
    roles: list[dict] = []
    history: list[str] = []
    earlier_line = current_line = None
    votes: list[dict] = []
    recusals: list[dict] = []
    diary = None
    if outcome == "opening":
        title = "Mötets laglighet och beslutförhet" if sv else "Kokouksen laillisuus ja päätösvaltaisuus"
        paras = (["Kallelsen har skickats till ledamöterna elektroniskt. Nämnden är beslutför när mer än "
                  "hälften av ledamöterna är närvarande."] if sv else
                 ["Kokouskutsu esityslistoineen on lähetetty jäsenille sähköisesti viikkoa ennen kokousta. "
                  "Toimielin on päätösvaltainen, kun enemmän kuin puolet jäsenistä on saapuvilla."])
        proposal = "Mötet konstateras lagligt och beslutfört." if sv else \
            "Kokous todetaan laillisesti koolle kutsutuksi ja päätösvaltaiseksi."
        shape = "plain"
        outcome = "hyvaksytty"
    else:
        diary = rng.choice((f"{rng.randint(20, 1400)}/{tos}/{ctx.date.year}",
                            f"{ctx.domain.split('.')[0].upper()[:3]}Dno-{ctx.date.year}-{rng.randint(40, 900)}",
                            f"{rng.randint(20, 1400)}/{tos}/{ctx.date.year}"))
    proposal = proposal.format(Body=body_name)
    # earlier handling by another body (history line and an earlier block inside the item)
    earlier = (bool(diary) and number is not None and ctx.body in ("Kunnanhallitus", "Kaupunginhallitus")
               and rng.random() < 0.5)
    if earlier:
        e_body, e_gen, e_abbr, e_title, _ = rng.choice(FI_BODIES[:4])
        e_date = ctx.date - dt.timedelta(days=rng.randint(14, 60))
        e_num = rng.randint(10, 150)
        history = [f"{e_abbr} {fi_date(e_date, padded=False)} § {e_num}"]
        earlier_line = f"{e_body} {fi_date(e_date, padded=False)} § {e_num}"
        current_line = f"{ctx.body} {fi_date(ctx.date, padded=False)} § {number}"
        prep = invent_person(rng, "fi", ctx.used, title=e_title)
        line, _ = _role_line(prep, f, ctx.domain, True, True, order)
        sections.append(Sec("valmistelija", "Valmistelija", [line], history[0], inline=f.roles_inline))
        sections.append(Sec("selostus", None, [paras[0]], history[0]))
        sections.append(Sec("paatosehdotus", "Päätösehdotus",
                            [f"{e_body} esittää {ctx.genitive.lower()} hyväksyttäväksi, että "
                             f"{proposal[0].lower()}{proposal[1:]}"], history[0]))
        sections.append(Sec("paatos", "Päätös", ["Hyväksyttiin."], history[0]))
        paras = paras[1:] or ["Asia on käsitelty lautakunnassa. Lautakunnan esitys on edellä."]
    # preparers
    prep_heading_choices = (("Beredare", "Beredning") if sv else
                            ("Valmistelija", "Valmistelija", "Valmistelija / lisätiedot", "Asian valmistelija",
                             "Valmistelija ja lisätiedot"))
    n_prep = 0 if outcome == "hyvaksytty" and index == 0 else rng.choice((1, 1, 1, 2, 0))
    lisatiedot_person = None
    if n_prep:
        preps = [invent_person(rng, f.lang, ctx.used, title=rng.choice(SV_PREPARER_TITLES if sv else PREPARER_TITLES))
                 for _ in range(n_prep)]
        lines, golds = [], []
        for p in preps:
            line, g = _role_line(p, f, ctx.domain, rng.random() < 0.7, rng.random() < 0.8, order)
            lines.append(line)
            golds.append(g)
        heading = rng.choice(prep_heading_choices)
        if n_prep == 2:
            heading = "Beredare" if sv else rng.choice(("Valmistelijat", "Valmistelijat / lisätiedot"))
        inline = f.roles_inline and n_prep == 1
        sections.append(Sec("valmistelija", heading, lines if not inline else lines, inline=inline))
        roles += [{"role": "valmistelija", **g} for g in golds]
        if not sv and rng.random() < 0.2:
            lisatiedot_person = preps[0]
    sections.append(Sec("selostus", None, list(paras)))
    if rng.random() < 0.3:
        sections.append(Sec("liitteet", "Bilagor" if sv else rng.choice(("Liitteet", "Liite")),
                            [f"{'Bilaga' if sv else 'Liite'} 1 {title}"]))
    if rng.random() < 0.15 and not sv:
        sections.append(Sec("oheismateriaali", rng.choice(("Oheismateriaali", "Oheisaineisto")),
                            [f"{title}, taustaselvitys"]))
    # presenter
    p = ctx.presenter
    if rng.random() < 0.15:  # title only, no name (Kankaanpää goals extract)
        t = (p.title or "")[:1].upper() + (p.title or "")[1:]
        pres_line, pres_gold = t, {"title": t, "name": None, "email": None}
    else:
        pres_line, pres_gold = _role_line(p, f, ctx.domain, False, False, order)
    sections.append(Sec("esittelija", "Föredragande" if sv else "Esittelijä", [pres_line], inline=f.roles_inline))
    roles.append({"role": "esittelija", **pres_gold})
    # proposal heading and text
    if sv:
        prop_heading = rng.choice(("Förslag", "Beslutsförslag", f"{ctx.presenter_gen} förslag"))
    else:
        prop_heading = rng.choice(("Päätösehdotus", "Päätösehdotus", "Ehdotus", "Esitys", "Päätösesitys",
                                   "Pohjaesitys", "Esittelijän ehdotus", f"{ctx.presenter_gen} ehdotus",
                                   f"{ctx.presenter_gen} päätösehdotus"))
    prop_paras = [proposal]
    if shape == "list" and not sv:
        prop_paras = [f"{body_name} päättää",
                      "1) hyväksyä liitteen mukaisen esityksen,",
                      "2) oikeuttaa viranhaltijan allekirjoittamaan tarvittavat sopimukset ja",
                      "3) todeta, että päätös tulee voimaan heti."]
    sections.append(Sec("paatosehdotus", prop_heading, prop_paras))
    kasittely, decision, outcome_gold = _handling(ctx, outcome, shape, votes, recusals)
    if shape == "info" and outcome_gold == "hyvaksytty":
        outcome_gold = "merkitty_tiedoksi"  # accepting a noting proposal notes (issue 9, real outcome gold)
    if kasittely:
        sections.append(Sec("kasittely", "Behandling" if sv else rng.choice(("Käsittely", "Käsittely",
                                                                               "Asian käsittely")),
                            kasittely))
    if sv:
        dec_heading = rng.choice(("Beslut", "Beslut", f"{ctx.genitive} beslut" if ctx.body.endswith("n") else "Beslut"))
    else:
        dec_heading = rng.choice(("Päätös", "Päätös", f"{ctx.genitive} päätös",
                                  "Lautakunnan päätös" if "lautakunta" in ctx.body else "Päätös"))
    sections.append(Sec("paatos", dec_heading, decision))
    if not sv and rng.random() < 0.2:
        sections.append(Sec("muutoksenhaku", "Muutoksenhaku",
                            [rng.choice(("Oikaisuvaatimus", "Hankintaoikaisu ja valitus markkinaoikeuteen",
                                         "Ei muutoksenhakuoikeutta, valmistelua koskeva päätös"))]))
    if rng.random() < 0.35:
        sections.append(Sec("tiedoksi", "För kännedom" if sv else rng.choice(("Tiedoksi", "Jakelu")),
                            ["Ekonomiavdelningen" if sv else "Talouspalvelut, hakijat"]))
    if lisatiedot_person is not None:
        line, _ = _role_line(lisatiedot_person, f, ctx.domain, True, False, order)
        sections.append(Sec("lisatiedot", rng.choice(("Lisätietoja antaa", "Lisätiedot")), [line],
                            inline=f.roles_inline))
    if len(title) < 60 and rng.random() < 0.25 and not sv:  # a long title that wraps
        title = title + ", lautakunnan esitys kunnanhallitukselle ja edelleen valtuustolle hyväksyttäväksi"
    return Item(number, title, diary, sections, roles, outcome_gold, history, earlier_line, current_line,
                votes, recusals)


def _dynasty_item(item: Item, ctx: _Ctx) -> None:
    """Re-print an item the way Dynasty does (Espoo 2017 item pages): 'Valmistelijat / lisätiedot:'
    with 'Name, puh.' lines and a shared 'etunimi.sukunimi@' line, the presenter on the
    'Päätösehdotus' heading line, then Käsittely and Päätös ('Body:' on its own line), and the
    explanation last under a 'Selostus' heading. A tabled-before item carries 'Body  n §  date'."""
    rng, sv = ctx.rng, ctx.f.lang == "sv"
    by_kind = {k: [s for s in item.sections if s.kind == k and not s.handling] for k in
               ("valmistelija", "selostus", "liitteet", "oheismateriaali", "paatosehdotus", "kasittely",
                "paatos", "tiedoksi", "lisatiedot", "muutoksenhaku")}
    presenter = next(r for r in item.roles if r["role"] == "esittelija")
    preparers = [r for r in item.roles if r["role"] == "valmistelija"]
    sections: list[Sec] = []
    if preparers:
        lines = [f"{r['name']}, {'tfn' if sv else 'puh.'} 043 {zlib.crc32(r['name'].encode()) % 900 + 100} "
                 f"{zlib.crc32(r['name'].encode()) % 9000 + 1000}" for r in preparers]
        lines.append(f"fornamn.efternamn@{ctx.domain}" if sv else f"etunimi.sukunimi@{ctx.domain}")
        sections.append(Sec("valmistelija", "Beredare / tilläggsuppgifter" if sv else "Valmistelijat / lisätiedot",
                            lines))
        for r in preparers:
            r.update(title=None, email=None)
    lead = " ".join(x for x in (presenter.get("title"), presenter.get("name")) if x)
    for s in by_kind["paatosehdotus"]:
        s.lead, s.heading = lead, ("Beslutsförslag" if sv else "Päätösehdotus")
        sections.append(s)
    sections += by_kind["kasittely"]
    for s in by_kind["paatos"]:
        s.heading = "Beslut" if sv else "Päätös"
        s.paras = [f"{ctx.body}:"] + s.paras
        sections.append(s)
    for s in by_kind["selostus"]:
        s.heading = None if sv else "Selostus"
        sections.append(s)
    sections += by_kind["liitteet"] + by_kind["oheismateriaali"] + by_kind["tiedoksi"] + by_kind["muutoksenhaku"]
    item.sections = sections
    item.history, item.earlier_line, item.current_line = [], None, None
    if item.diary and rng.random() < 0.4:  # tabled in an earlier meeting of the same body
        earlier = ctx.date - dt.timedelta(days=28)
        item.history = [f"{ctx.body} {rng.randint(1, item.number - 1 if item.number and item.number > 2 else 2)} § "
                        f"{fi_date(earlier, padded=False)}"]


def _tweb_item(item: Item, ctx: _Ctx) -> None:
    """Re-print an item the way a Tweb single-item PDF does (the parts of Paatos-Scraper's Oulu and
    Vantaa 2017 outputs). 'margin' (Oulu): margin labels Tiivistelmä, Esittelyteksti, Liitteet,
    Oheismateriaali ('-' for none), Esittelijä, Päätösesitys, Päätös, Valmistelijat ('Unit, title
    Name puh. ...' in one paragraph) and Täytäntöönpanotiedot, with Dno and Päätöshistoria as item
    fields. 'colon' (Vantaa): 'Valmistelijat: initials', the untitled description,
    'Kaupunginjohtajan esitys:', the current handling line, 'Päätös:', 'Liitteet:' with '- name'
    lines, 'Täytäntöönpano: unit', 'Muutoksenhakuohje: ...' and 'Lisätiedot:' with the preparers."""
    rng, style = ctx.rng, ctx.f.tweb_item
    current = [s for s in item.sections if not s.handling]
    by_kind = {k: [s for s in current if s.kind == k] for k in
               ("selostus", "liitteet", "oheismateriaali", "paatosehdotus", "kasittely", "paatos")}
    presenter = next(r for r in item.roles if r["role"] == "esittelija")
    preparers = [invent_person(rng, "fi", ctx.used, title=rng.choice(PREPARER_TITLES))
                 for _ in range(rng.choice((1, 2, 3)))]
    phones = [f"puh. 044 {zlib.crc32(p.name().encode()) % 900 + 100} {zlib.crc32(p.name().encode()) % 9000 + 1000}"
              for p in preparers]
    description = [p for s in by_kind["selostus"] for p in s.paras]
    attachments = [re.sub(r"^Liite \d+ ", "", p) for s in by_kind["liitteet"] for p in s.paras]
    material = [p for s in by_kind["oheismateriaali"] for p in s.paras]
    sections: list[Sec] = []
    item.history = [item.earlier_line] if style == "margin" and item.earlier_line else []
    item.earlier_line, item.current_line = None, None
    if style == "margin":
        summary = re.split(r"(?<=[a-zäö])\. ", description[0])[0].rstrip(".") + "."  # its first sentence
        sections.append(Sec("selostus", "Tiivistelmä", [summary]))
        sections.append(Sec("selostus", "Esittelyteksti", description))
        sections.append(Sec("liitteet", "Liitteet", attachments or ["-"]))
        sections.append(Sec("oheismateriaali", "Oheismateriaali", material or ["-"]))
        title = (presenter.get("title") or "").capitalize()
        sections.append(Sec("esittelija", "Esittelijä", [" ".join(x for x in (title, presenter.get("name")) if x)]))
        presenter["title"] = title or None
        sections.append(Sec("paatosehdotus", "Päätösesitys", by_kind["paatosehdotus"][0].paras))
        sections += by_kind["kasittely"]
        sections.append(Sec("paatos", "Päätös", by_kind["paatos"][0].paras))
        people = [f"{p.title} {p.name()} {ph}" for p, ph in zip(preparers, phones, strict=True)]
        listed = ", ".join(people[:-1]) + " ja " + people[-1] if len(people) > 1 else people[0]
        unit = rng.choice(("Konsernihallinto", "Sivistys- ja kulttuuripalvelut", "Yhdyskunta- ja ympäristöpalvelut"))
        sections.append(Sec("valmistelija", "Valmistelijat", [f"{unit}, {listed}"]))
        extract = ", ".join(p.name() for p in preparers)
        forward = rng.choice(([], ["Asia kaupunginvaltuustoon käsiteltäväksi"], ["Asia tiedoksi kaupunginvaltuustoon"]))
        sections.append(Sec("tiedoksi", "Täytäntöönpanotiedot",
                            forward + [f"Ote: {extract}", "Ei muutoksenhakuoikeutta"]))
        item.roles = [{"role": "esittelija", **{k: presenter.get(k) for k in ("title", "name", "email")}}] + [
            {"role": "valmistelija", "title": p.title, "name": p.name(), "email": None} for p in preparers]
    else:
        initials = "/".join(p.first[0] + p.last[0] for p in preparers)
        sections.append(Sec("valmistelija", "Valmistelijat", [initials], inline=True))
        sections.append(Sec("selostus", None, description))
        sections.append(Sec("paatosehdotus", f"{ctx.presenter_gen} esitys", by_kind["paatosehdotus"][0].paras))
        sections += by_kind["kasittely"]
        sections.append(Sec("paatos", "Päätös", by_kind["paatos"][0].paras))
        item.current_line = f"{ctx.body} {fi_date(ctx.date, padded=False)} § {item.number}"
        if attachments + material:
            sections.append(Sec("liitteet", "Liitteet", [f"- {name}" for name in attachments + material]))
        sections.append(Sec("tiedoksi", "Täytäntöönpano", [rng.choice(("kaupunginkanslia", "talouspalvelut",
                                                                         "hakijat, rakennusvalvonta"))], inline=True))
        if rng.random() < 0.5:
            sections.append(Sec("muutoksenhaku", "Muutoksenhakuohje",
                                [rng.choice(("7.4. Oikaisuvaatimus- ja valituskielto", "Oikaisuvaatimus"))],
                                inline=True))
        mails = [f"{slug(p.first)}.{slug(p.last)}@{ctx.domain}".replace("_", "-") for p in preparers]
        sections.append(Sec("lisatiedot", "Lisätiedot", [f"{p.title} {p.name()}, {ph}, {m}"
                                                         for p, ph, m in zip(preparers, phones, mails, strict=True)]))
        item.roles = []  # initials name no one; the contact persons are no role of the item
    item.sections = sections


def _handling(ctx: _Ctx, outcome: str, shape: str, votes: list, recusals: list) -> tuple[list[str], list[str], str]:
    """Käsittely paragraphs, Päätös paragraphs and the gold outcome for a planned outcome."""
    rng, sv = ctx.rng, ctx.f.lang == "sv"
    plain = [m for m in ctx.members if m.role_norm == "jasen" or m.role in ("ledamot",)]
    a, b = rng.sample(plain, 2)
    body = ctx.body
    if sv:
        if outcome in ("hyvaksytty", "opening", "presenter_changed"):
            return [], [rng.choice(("Godkändes.", f"{body} godkände beslutsförslaget.", "Förslaget godkändes."))], \
                "hyvaksytty"
        if outcome in ("hyvaksytty_muutettuna", "vote"):
            k = [f"{a.name()} föreslog, understödd av {b.name()}, att beloppet höjs till 35 000 euro. "
                 "Förslaget godkändes enhälligt."]
            return k, ["Godkändes med den ändringen att beloppet höjs till 35 000 euro."], "hyvaksytty_muutettuna"
        if outcome == "palautettu":
            return ([f"{a.name()} föreslog, understödd av {b.name()}, att ärendet återremitteras. "
                     "Förslaget godkändes enhälligt."], ["Ärendet återremitterades för ny beredning."], "palautettu")
        if outcome == "poydatty":
            return [], ["Ärendet bordlades."], "poydatty"
        if outcome == "merkitty_tiedoksi":
            return [], ["Antecknades för kännedom."], "merkitty_tiedoksi"
        if outcome == "recusal":
            note = f"{a.name()} anmälde jäv och deltog inte i behandlingen av ärendet."
            recusals.append({"name": a.name(), "role": "ledamot", "note": note})
            return [note], ["Godkändes."], "hyvaksytty"
        votes.append({"jaa": 3, "ei": 5, "tyhja": 0, "poissa": 0, "jaa_names": [], "ei_names": []})
        return [f"{a.name()} föreslog, understödd av {b.name()}, att förslaget förkastas. Omröstning "
                "verkställdes, där de som understöder beslutsförslaget röstar ja och de som understöder "
                "förkastningsförslaget röstar nej. Omröstningen utföll med 3 ja-röster och 5 nej-röster."], \
            [f"{body} förkastade beslutsförslaget med rösterna 5–3."], "hylatty"
    ga, gb = fi_genitive_surname(a.last), fi_genitive_surname(b.last)
    if outcome in ("hyvaksytty", "opening"):
        return [], [rng.choice(("Hyväksyttiin.", "Päätösehdotus hyväksyttiin yksimielisesti.",
                                f"{body} hyväksyi päätösehdotuksen.", "Hyväksyttiin yksimielisesti.",
                                "Ehdotus hyväksyttiin."))], "hyvaksytty"
    if outcome == "hyvaksytty_muutettuna":
        k = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että päätösehdotukseen lisätään maininta "
             "vaikutusten arvioinnista. Puheenjohtaja totesi, että lisäysehdotus hyväksyttiin yksimielisesti."]
        return k, [rng.choice(("Hyväksyttiin päätösehdotus lisäyksellä täydennettynä.",
                               f"{body} hyväksyi päätösehdotuksen muutettuna siten, että siihen lisätään "
                               "maininta vaikutusten arvioinnista."))], "hyvaksytty_muutettuna"
    if outcome == "presenter_changed":
        k = ["Esittelijä muutti päätösehdotustaan siten, että päätös tulee voimaan 1.1.2026."]
        return k, ["Hyväksyttiin esittelijän muutettu päätösehdotus."], "hyvaksytty_muutettuna"
    if outcome == "palautettu":
        k = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että asia palautetaan uudelleen "
             "valmisteltavaksi. Palautusehdotus hyväksyttiin yksimielisesti."]
        return k, [rng.choice(("Asia palautettiin uudelleen valmisteltavaksi.",
                               f"{body} päätti palauttaa asian uudelleen valmisteltavaksi."))], "palautettu"
    if outcome == "poydatty":
        k = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että asia jätetään pöydälle. "
             "Pöydällepanoehdotus hyväksyttiin yksimielisesti."]
        return (k if rng.random() < 0.6 else []), [rng.choice(("Asia jätettiin pöydälle.",
                                                                f"{body} päätti jättää asian pöydälle."))], "poydatty"
    if outcome == "merkitty_tiedoksi":
        return [], [rng.choice(("Merkittiin tiedoksi.", f"{body} merkitsi selvityksen tiedoksi."))], \
            "merkitty_tiedoksi"
    if outcome == "recusal":
        how = rng.choice(("ilmoitti olevansa esteellinen (hallintolaki 28 § 1 mom. 5 kohta) eikä osallistunut "
                          "asian käsittelyyn", "poistui esteellisenä kokouksesta asian käsittelyn ajaksi"))
        note = f"{a.name()} {how}."
        recusals.append({"name": a.name(), "role": "jäsen", "note": note})
        return [note], ["Hyväksyttiin."], "hyvaksytty"
    # votes (proposal wins) and hylatty (proposal loses)
    voters = [m for m in ctx.members]
    rng.shuffle(voters)
    split = rng.randint(len(voters) // 2 + 1, len(voters) - 1)
    win, lose = voters[:split], voters[split:]
    names = rng.random() < 0.6
    if outcome == "vote":
        jaa, ei = win, lose
        text = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että asia palautetaan valmisteluun. "
                "Puheenjohtaja totesi, että oli tehty kannatettu ehdotus, joten asiasta on äänestettävä. "
                "Äänestyksessä päätösehdotusta kannattavat äänestävät JAA ja palautusehdotusta EI."]
        dec = f"{body} hyväksyi päätösehdotuksen äänin {len(jaa)}–{len(ei)}."
        gold_outcome = "hyvaksytty"
    else:
        jaa, ei = lose, win
        text = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että päätösehdotus hylätään. "
                "Puheenjohtaja totesi, että oli tehty kannatettu hylkäysehdotus, joten asiasta on äänestettävä. "
                "Päätösehdotusta kannattavat äänestävät JAA ja hylkäysehdotusta EI."]
        dec = f"{body} hylkäsi päätösehdotuksen äänin {len(ei)}–{len(jaa)}."
        gold_outcome = "hylatty"
    if names:
        text.append(f"Äänestyksessä annettiin {len(jaa)} JAA-ääntä ({', '.join(p.name() for p in jaa)}) ja "
                    f"{len(ei)} EI-ääntä ({', '.join(p.name() for p in ei)}).")
    else:
        text.append(f"Äänestyksessä annettiin {len(jaa)} jaa-ääntä ja {len(ei)} ei-ääntä. Äänestysluettelo "
                    "on pöytäkirjan liitteenä.")
    votes.append({"jaa": len(jaa), "ei": len(ei), "tyhja": 0, "poissa": 0,
                  "jaa_names": [p.name() for p in jaa] if names else [],
                  "ei_names": [p.name() for p in ei] if names else []})
    del ga
    return text, [dec], gold_outcome


# --- gold ---------------------------------------------------------------------------------------------


def gold_of(doc: Doc, file_name: str, pages: dict[int, list[int]] | None, page_count: int | None) -> dict:
    """The answer key in the corpus gold format, from the same records the renderers print."""
    f = doc.feats
    items = []
    for idx, item in enumerate(doc.items):
        sections = [answer.section(s.kind, s.heading, s.paras, **({"handling": s.handling} if s.handling else {}))
                    for s in item.sections]
        paatos = [s for s in item.sections if s.kind == "paatos" and not s.handling]
        items.append(answer.item(item.number, item.title, item.diary, item.history, sections, item.roles,
                                 item.outcome, paatos[0].paras, item.recusals, item.votes,
                                 pages[idx] if pages is not None else None))
    note = f.layout == "note"
    if f.layout == "ktweb_item":
        meeting: dict = {}
    elif note:  # an extract prints neither place, times nor attendees
        meeting = answer.meeting(doc.body, doc.date, doc.number, None, None, None, [])
    else:
        meeting = answer.meeting(doc.body, doc.date, doc.number, doc.place, doc.start, doc.end,
                                 doc.members + doc.others)
    return answer.minutes(file_name, f.layout, f.layout, f.lang, doc.municipality, doc.code, meeting, items,
                          page_count, features=f.as_dict())


# --- shared printed strings ---------------------------------------------------------------------------


def item_header(doc: Doc, item: Item) -> list[str]:
    """The printed § line(s) of an item for text-like layouts."""
    d, n, shape = fi_date(doc.date), item.number, doc.feats.header_shape
    if shape == "para_only":
        return [f"§ {n}"]
    if shape == "body_para_date":
        return [f"{doc.body} § {n}   {d}"]
    if shape == "body_date_para":
        return [f"{doc.body} {d} § {n}"]
    if shape == "dynasty":
        return [f"{doc.body}   {n} §   {d}"]
    return [f"{doc.body}          § {n}          {d}"]


def page1_list_lines(doc: Doc) -> list[tuple[str, str]]:
    """(label, value) rows of the page-1 list of handled items."""
    lab, mode = doc.labels, doc.feats.page1_list
    nums = [i.number for i in doc.items]
    if mode == "none" or nums[0] is None:
        return []
    if mode == "range":
        return [(lab["range"], f"§ {nums[0]} - {nums[-1]}")]
    return [(lab["handled"], "")] + [(f"§ {i.number}", i.title) for i in doc.items]


def section_text_lines(s: Sec) -> list[str]:
    return list(s.paras)


def signature_lines(doc: Doc) -> list[str]:
    lab = doc.labels
    return [lab["signatures"] if doc.feats.lang == "sv" else rng_free_choice(doc, ("Allekirjoitukset",
                                                                                    "Pöytäkirjan vakuudeksi")),
            f"{doc.chair.name()}          {doc.secretary.name()}",
            f"{lab['chair']}          {lab['secretary']}"]


def rng_free_choice(doc: Doc, options: tuple[str, ...]) -> str:
    return options[sum(map(ord, doc.stem)) % len(options)]


# --- PDF rendering ------------------------------------------------------------------------------------


class MinutesPdf(DocPdf):
    """A4 in points; margin headings in condensed bold, so a heading wraps in the 4 cm column only
    when it would in KTweb's Arial."""

    TOP = 92.0

    def __init__(self, doc: Doc, total: int) -> None:
        super().__init__(unit="pt", faces=("", "B", "condensed B"), size=10.0, leading=13.0, bottom=842.0 - 62.0,
                         producer="fi-minutes scripts/make_variants.py")
        self.doc, self.total = doc, total
        self.set_auto_page_break(False)
        self.set_margins(50, self.TOP, 50)

    # running header and footer ------------------------------------------------------------------
    def header(self) -> None:
        doc, style, n = self.doc, self.doc.feats.running, self.page_no()
        total = self.total or 99
        lab = doc.labels
        self.set_text_color(0)
        self.font(size=9)
        if style == "ktweb":
            self.font(True, 10)
            self.text(50, 40, doc.printed_municipality.upper())
            self.font(size=9)
            self.text(290, 40, f"{lab['minutes'].upper()}   {doc.number}")
            self.text(500, 40, f"{n} ({total})")
            self.text(50, 54, doc.body)
            self.text(290, 54, fi_date(doc.date))
        elif style == "sivu":
            self.text(50, 40, doc.printed_municipality)
            self.text(230, 40, doc.body)
            self.text(420, 40, f"{lab['minutes']} {doc.number}")
            self.text(50, 54, fi_date(doc.date))
            self.text(420, 54, f"{lab['page']} {n} / {total}")
        elif style == "esityslista":
            self.text(50, 40, doc.printed_municipality)
            self.text(230, 40, "FÖREDRAGNINGSLISTA/PROTOKOLL" if doc.feats.lang == "sv" else "ESITYSLISTA/PÖYTÄKIRJA")
            self.text(430, 40, doc.number)
            self.text(500, 40, f"{n} ({total})")
            self.text(50, 54, doc.body)
            self.text(230, 54, fi_date(doc.date))
        elif style == "logo":
            self.font(True, 18)
            self.text(50, 46, doc.printed_municipality.split()[0].upper().rstrip("N"))
            self.font(size=9)
            self.text(300, 40, f"{lab['minutes']} {doc.number}")
            self.text(500, 40, f"{n} ({total})")
            self.text(300, 54, f"{doc.body} {fi_date(doc.date)}")
        elif style == "dynasty":
            self.text(50, 40, doc.printed_municipality)
            self.text(300, 40, f"{lab['minutes']}")
            self.text(470, 40, f"{doc.number}")
            self.text(50, 54, doc.body)
            self.text(300, 54, fi_date(doc.date))
            self.text(470, 54, f"{lab['page']} {n}")
        else:  # cloudnc
            self.text(50, 40, doc.printed_municipality)
            self.text(260, 40, lab["minutes"])
            self.text(390, 40, doc.number)
            self.text(500, 40, f"{n} ({total})")
            self.text(50, 54, doc.body)
            self.text(260, 54, fi_date(doc.date))
        self.set_y(self.TOP)

    def footer(self) -> None:
        style = self.doc.feats.footer
        self.font(size=8)
        if style == "address":
            self.text(50, 842 - 36, f"{self.doc.printed_municipality} · PL 13 · kirjaamo@{self.doc.domain} · "
                                    f"www.{self.doc.domain}")
        elif style == "initials":
            self.text(50, 842 - 36, "Pöytäkirjantarkastajien nimikirjaimet" if self.doc.feats.lang == "fi"
                      else "Justerarnas signaturer")
            self.line(250, 842 - 34, 400, 842 - 34)


def _page1(pdf: MinutesPdf, label_x: float, value_x: float) -> None:
    doc, lab = pdf.doc, pdf.doc.labels
    sf = doc.feats.surname_first
    pdf.font(True, 15)
    pdf.text(label_x, pdf.get_y() + 15, lab["minutes"].upper())
    pdf.gap(24)
    pdf.font(True, 12)
    pdf.text(label_x, pdf.get_y() + 12, doc.body)
    pdf.gap(26)
    width = value_x - label_x - 6

    def row(label: str, values: list[str]) -> None:
        pdf.margin_block(label, label_x, value_x, values or [""], width)
        pdf.gap(5)

    row(lab["time"], [f"{fi_date(doc.date)} {lab['clock']} {doc.start} - {doc.end}"])
    row(lab["place"], [doc.place])

    row(lab["members"], [p.printed(sf) for p in doc.members])
    row(lab["others"], [p.printed(sf) for p in doc.others])
    row(lab["absent"], [p.printed(sf) for p in doc.absent])
    rows = page1_list_lines(doc)
    if rows and rows[0][1] == "":
        pdf.font(bold=True)
        pdf.text(label_x, pdf.get_y() + pdf.size, rows[0][0])
        pdf.gap(pdf.leading)
        title_x = value_x if doc.feats.page1_list == "lines" else label_x + 40  # CaseM: narrow cells
        cell = pdf.w - 50 - title_x if doc.feats.page1_list == "lines" else 220
        for num, title in rows[1:]:
            pdf.margin_block(num, label_x, title_x, [title], width, bold_label=False, text_width=cell)
        pdf.gap(5)
    elif rows:
        row(rows[0][0], [rows[0][1]])
    if not doc.feats.signature_end:
        pdf.font(bold=True)
        pdf.text(label_x, pdf.get_y() + pdf.size, lab["signatures"])
        pdf.gap(40)
        pdf.font()
        pdf.text(value_x, pdf.get_y(), doc.chair.name())
        pdf.text(value_x + 200, pdf.get_y(), doc.secretary.name())
        pdf.gap(12)
        pdf.text(value_x, pdf.get_y(), lab["chair"])
        pdf.text(value_x + 200, pdf.get_y(), lab["secretary"])
        pdf.gap(20)
        row(lab["checking"], [("Protokollet har justerats " if doc.feats.lang == "sv" else
                               "Pöytäkirja on tarkastettu ja hyväksytty ") + fi_date(doc.date + dt.timedelta(2))])
        row(lab["public"], [f"www.{doc.domain} {fi_date(doc.date + dt.timedelta(4))}"])


def _trailer_and_signature(pdf: MinutesPdf, text_x: float) -> None:
    doc = pdf.doc
    if doc.feats.signature_end:
        pdf.gap(20)
        pdf.need(pdf.leading * 5)
        for i, line in enumerate(signature_lines(doc)):
            pdf.lines(50 if i == 0 else text_x, pdf.w - 50 - text_x, line, bold=i == 0)
            pdf.gap(10 if i == 0 else 2)
    if doc.feats.trailer != "none":
        render_trailer(pdf, *TRAILER_TEXT[doc.feats.trailer])


def render_trailer(pdf, heading: str, paras: list[str]) -> None:
    """The meeting's appeal instructions on a page of their own after the last item."""
    pdf.add_page()
    pdf.lines(50, pdf.w - 100, heading, bold=True, size=11)
    pdf.gap(6)
    for p in paras:
        pdf.lines(50, pdf.w - 100, p)
        pdf.gap(6)


def render_pdf_once(doc: Doc, total: int) -> MinutesPdf:
    """The document with 'n (total)' page numbers; ``pdf.item_pages`` holds each item's first and last page."""
    pdf = MinutesPdf(doc, total)
    f = doc.feats
    margin = f.layout in ("ktweb", "dynasty")
    text_x = {"ktweb": 160.0, "dynasty": 167.0}.get(f.layout, 85.0)
    pages: dict[int, list[int]] = {}
    pdf.add_page()
    if f.layout == "note":
        pdf.font(True, 14)
        pdf.text(50, pdf.get_y() + 14, doc.labels["note"])
        pdf.gap(30)
    else:
        _page1(pdf, 50, 160 if margin or f.layout == "cloudnc" else 200)
        pdf.add_page()
    for idx, item in enumerate(doc.items):
        if idx and f.item_per_page:
            pdf.add_page()
        pdf.need(pdf.leading * 7)
        start = pdf.page_no()
        _pdf_item_header(pdf, doc, item)
        for s in item.sections:
            if item.earlier_line and s is _first_earlier(item):
                pdf.lines(50, pdf.w - 100, item.earlier_line)
                pdf.gap(4)
            if item.current_line and s is _first_current(item):
                pdf.gap(6)
                pdf.lines(50, pdf.w - 100, item.current_line)
                pdf.gap(4)
            if f.layout == "dynasty" and s.kind == "valmistelija":
                pdf.lines(text_x, pdf.w - 50 - text_x, f"{s.heading}:")
                for para in s.paras:
                    pdf.lines(text_x, pdf.w - 50 - text_x, para)
                pdf.gap(pdf.leading * 0.6)
            elif margin and s.lead:
                pdf.margin_block(s.heading, 50, text_x, [s.lead], text_x - 56)
                for para in s.paras:
                    pdf.lines(text_x, pdf.w - 50 - text_x, para)
                pdf.gap(pdf.leading * 0.6)
            elif margin:
                pdf.margin_block(s.heading, 50, text_x, section_text_lines(s), text_x - 56)
                pdf.gap(pdf.leading * 0.6)
            elif s.inline and s.heading:
                pdf.need(pdf.leading * 2)
                pdf.lines(50, pdf.w - 100, f"{s.heading}: {' '.join(s.paras)}")
                pdf.gap(4)
            else:
                pdf.need(pdf.leading * (3 if s.heading else 2))
                if s.heading:
                    pdf.lines(50 if f.layout == "note" else text_x, pdf.w - 50 - text_x, s.heading, bold=True)
                    pdf.gap(2)
                for para in s.paras:
                    pdf.lines(text_x, pdf.w - 50 - text_x, para)
                    pdf.gap(3 if s.kind == "selostus" else 0)
                pdf.gap(8)
        pages[idx] = [start, pdf.page_no()]
        pdf.gap(14)
    if f.layout == "note":
        pdf.gap(20)
        pdf.lines(50, 400, doc.labels["certify"])
        pdf.gap(20)
        pdf.lines(50, 400, f"{doc.secretary.name()}, {doc.secretary.title}")
    else:
        _trailer_and_signature(pdf, text_x)
    pdf.item_pages = pages
    return pdf


def _first_earlier(item: Item) -> Sec | None:
    return next((s for s in item.sections if s.handling), None)


def _first_current(item: Item) -> Sec | None:
    return next((s for s in item.sections if not s.handling), None) if item.current_line else None


def _pdf_item_header(pdf: MinutesPdf, doc: Doc, item: Item) -> None:
    shape, f = doc.feats.header_shape, doc.feats
    d = fi_date(doc.date)
    pdf.font(bold=True)
    y = pdf.get_y() + pdf.size
    if shape == "cloudnc3":
        pdf.text(50, y, doc.body)
        pdf.text(300, y, f"§ {item.number}")
        pdf.text(420, y, d)
        pdf.gap(pdf.leading + 2)
    elif shape == "dynasty":
        pdf.font()
        if item.diary:
            pdf.text(470, y, item.diary)
            pdf.gap(pdf.leading * 2)
        for h in item.history:  # 'Kaupunginhallitus  105 §  10.4.2017' as a three-cell table
            body, num, date = re.match(r"(.+) (\d+ §) (.+)", h).groups()
            y = pdf.get_y() + pdf.size
            pdf.text(50, y, body)
            pdf.text(300, y, num)
            pdf.text(420, y, date)
            pdf.gap(pdf.leading + 6)
        pdf.font(bold=True)
        pdf.text(50, pdf.get_y() + pdf.size, f"§ {item.number}")
        pdf.gap(pdf.leading + 4)
    elif shape == "para_only":
        pdf.text(50, y, f"§ {item.number}")
        pdf.gap(pdf.leading + 2)
    elif shape == "body_para_date":
        pdf.text(50, y, f"{doc.body} § {item.number}")
        pdf.text(420, y, d)
        pdf.gap(pdf.leading + 2)
    else:  # body_date_para
        pdf.text(50, y, f"{doc.body} {d} § {item.number}")
        pdf.gap(pdf.leading + 2)
    meta = []
    if shape == "dynasty":
        pass
    elif item.diary:
        meta.append(f"Dnro {item.diary}" if f.layout == "ktweb" else item.diary)
    meta += item.history if shape != "dynasty" else []
    for line in meta:
        pdf.lines(50, 300, line)
    pdf.gap(6)
    pdf.lines(50, pdf.w - 100, item.title, bold=True, size=11)
    pdf.gap(8)


def render_tweb_item_once(doc: Doc, total: int) -> MinutesPdf:
    """A Tweb single-item PDF (`_tweb_item`): the running header, '§ n' and the date, the title;
    'margin' prints Dno and Päätöshistoria as the first margin rows, 'colon' the diary number alone
    under the title and the current handling line just above 'Päätös:'."""
    pdf = MinutesPdf(doc, total)
    item, margin = doc.items[0], doc.feats.tweb_item == "margin"
    text_x, width = 160.0, pdf.w - 100
    pdf.add_page()
    pdf.font(bold=True)
    y = pdf.get_y() + pdf.size
    pdf.text(50, y, f"§ {item.number}")
    pdf.text(420, y, fi_date(doc.date))
    pdf.gap(pdf.leading + 6)
    pdf.lines(50, width, item.title, bold=True, size=11)
    pdf.gap(8)
    if margin:
        pdf.margin_block("Dno", 50, text_x, [item.diary or "-"], text_x - 56)
        pdf.gap(pdf.leading * 0.6)
        pdf.margin_block("Päätöshistoria", 50, text_x, item.history or ["-"], text_x - 56)
        pdf.gap(pdf.leading * 0.6)
    elif item.diary:
        pdf.lines(50, width, item.diary)
        pdf.gap(8)
    for s in item.sections:
        if margin:
            pdf.margin_block(s.heading, 50, text_x, s.paras, text_x - 56)
            pdf.gap(pdf.leading * 0.6)
            continue
        if s.kind == "paatos" and item.current_line:
            pdf.lines(50, width, item.current_line)
            pdf.gap(4)
        if s.inline:
            pdf.lines(50, width, f"{s.heading}: {' '.join(s.paras)}")
        else:
            if s.heading:
                pdf.lines(50, width, f"{s.heading}:", bold=True)
            for para in s.paras:
                pdf.lines(50, width, para)
                pdf.gap(3 if s.kind == "selostus" else 0)
        pdf.gap(8)
    pdf.item_pages = {0: [1, pdf.page_no()]}
    return pdf


def render_pdf(doc: Doc) -> tuple[bytes, dict[int, list[int]], int]:
    """The PDF bytes, each item's pages and the page count (the headers' total from a first pass)."""
    once = render_tweb_item_once if doc.feats.tweb_item in ("margin", "colon") else render_pdf_once
    pdf = with_page_total(lambda total: once(doc, total))
    return bytes(pdf.output()), pdf.item_pages, pdf.page_no()


# --- HTML rendering -----------------------------------------------------------------------------------


def render_html(doc: Doc) -> bytes:
    f, lab = doc.feats, doc.labels
    title = f"{doc.printed_municipality} - {doc.body} {fi_date(doc.date)} - {lab['minutes']}"
    out = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', "<html><head>",
           f'<meta http-equiv="Content-Type" content="text/html; charset={f.encoding}">',
           f"<title>{esc(title)}</title></head><body>"]
    people = lambda ps: "<br>\n".join(esc(p.printed()) for p in ps)  # noqa: E731
    if f.layout == "html_table":
        out += [f"<table width='100%'><tr><td><b>{esc(doc.printed_municipality.upper())}</b></td>"
                f"<td align='right'>{lab['minutes'].upper()} {doc.number}</td></tr></table>",
                f"<h1>{esc(doc.body)}</h1>", "<table class='kokoustiedot'>"]
        for label, value in ((lab["time"], f"{fi_date(doc.date)} {lab['clock']} {doc.start} - {doc.end}"),
                             (lab["place"], esc(doc.place)), (lab["members"], people(doc.members)),
                             (lab["others"], people(doc.others)), (lab["absent"], people(doc.absent))):
            out.append(f"<tr><td class='ots'>{label}</td><td>{value}</td></tr>")
        out.append("</table>")
    else:
        out += [f"<p><b>{esc(doc.printed_municipality)}</b><br>{lab['minutes']} {doc.number}</p>",
                f"<h2>{esc(doc.body)}</h2>",
                f"<p><b>{lab['time']}</b><br>{fi_date(doc.date)} {lab['clock']} {doc.start} - {doc.end}</p>",
                f"<p><b>{lab['place']}</b><br>{esc(doc.place)}</p>",
                f"<p><b>{lab['members']}</b><br>{people(doc.members)}</p>",
                f"<p><b>{lab['others']}</b><br>{people(doc.others)}</p>",
                f"<p><b>{lab['absent']}</b><br>{people(doc.absent)}</p>"]
    rows = page1_list_lines(doc)
    if rows:
        out.append(f"<p><b>{esc(rows[0][0])}</b> {esc(rows[0][1])}</p>")
        if len(rows) > 1:
            out.append("<table class='asialista'>" + "".join(
                f"<tr><td>{esc(n)}</td><td>{esc(t)}</td></tr>" for n, t in rows[1:]) + "</table>")
    for item in doc.items:
        out.append("<hr>")
        out += _html_item(doc, item)
    if f.signature_end:
        out.append("<p>" + "<br>".join(esc(x) for x in signature_lines(doc)) + "</p>")
    if f.trailer != "none":
        heading, paras = TRAILER_TEXT[f.trailer]
        out.append(f"<hr><p><b>{esc(heading)}</b></p>" + "".join(f"<p>{esc(p)}</p>" for p in paras))
    out.append("</body></html>")
    return encode("\r\n".join(out), f.encoding)


def _html_item(doc: Doc, item: Item) -> list[str]:
    f = doc.feats
    d = fi_date(doc.date)
    out: list[str] = []
    if f.layout == "html_table":
        out += ["<table class='asia' width='100%'>",
                f"<tr><td colspan='2' class='asia'><b>{esc(doc.body)} § {item.number} {d}</b></td></tr>"]
        for line in ([item.diary] if item.diary else []) + item.history:
            out.append(f"<tr><td colspan='2' class='dno'>{esc(line)}</td></tr>")
        out.append(f"<tr><td colspan='2'><h3>{esc(item.title)}</h3></td></tr>")
        for s in item.sections:
            if s is _first_earlier(item) and item.earlier_line:
                out.append(f"<tr><td colspan='2'>{esc(item.earlier_line)}</td></tr>")
            if s is _first_current(item):
                out.append(f"<tr><td colspan='2'>{esc(item.current_line or '')}</td></tr>")
            body = "".join(f"<p>{esc(p)}</p>" for p in s.paras)
            out.append(f"<tr><td class='ots' valign='top'>{esc(s.heading) if s.heading else '&nbsp;'}</td>"
                       f"<td>{body}</td></tr>")
        out.append("</table>")
        return out
    if f.layout == "html_dynasty":
        if item.diary:
            out.append(f"<p class=MsoNormal align=right>{esc(item.diary)}</p>")
        for h in item.history:
            body, num, date = re.match(r"(.+) (\d+ §) (.+)", h).groups()
            out.append(f"<table class=MsoTableGrid><tr><td><p class=MsoNormal>{esc(body)}</p></td>"
                       f"<td><p class=MsoNormal>{num}</p></td><td><p class=MsoNormal>{date}</p></td></tr></table>")
        out.append(f"<p class=MsoNormal>§ {item.number}</p>")
        out.append(f"<p class=MsoNormal><strong>{esc(item.title)}</strong></p>")
        for s in item.sections:
            if s is _first_earlier(item) and item.earlier_line:
                out.append(f"<p class=MsoNormal>{esc(item.earlier_line)}</p>")
            if s is _first_current(item):
                out.append(f"<p class=MsoNormal>{esc(item.current_line or '')}</p>")
            if s.heading and s.kind in ("valmistelija", "lisatiedot"):
                out.append(f"<p class=Sisennetty>{esc(s.heading)}:</p>")
                out += [f"<p class=Sisennetty>{esc(p)}</p>" for p in s.paras]
            elif s.heading and s.lead:
                out.append(f"<p class=Sivuotsikko>{esc(s.heading)}<span style='mso-tab-count:1'>&nbsp; </span>"
                           f"{esc(s.lead)}</p>")
                out += [f"<p class=Sisennetty>{esc(p)}</p>" for p in s.paras]
            elif s.heading:
                first, rest = s.paras[0], s.paras[1:]
                out.append(f"<p class=Sivuotsikko>{esc(s.heading)}<span style='mso-tab-count:1'>&nbsp; </span>"
                           f"{esc(first)}</p>")
                out += [f"<p class=Sisennetty>{esc(p)}</p>" for p in rest]
            else:
                out += [f"<p class=Sisennetty>{esc(p)}</p>" for p in s.paras]
        return out
    # html_pbold (CaseM content page)
    out.append(f"<h3>{esc(doc.body)} § {item.number}</h3>" if f.header_shape != "para_only"
               else f"<p><b>§ {item.number}</b></p>")
    out += [f"<p>{esc(x)}</p>" for x in ([item.diary] if item.diary else []) + item.history]
    out.append(f"<h4>{esc(item.title)}</h4>")
    for s in item.sections:
        if s is _first_earlier(item) and item.earlier_line:
            out.append(f"<p>{esc(item.earlier_line)}</p>")
        if s is _first_current(item):
            out.append(f"<p>{esc(item.current_line or '')}</p>")
        if s.inline and s.heading:
            out.append(f"<p>{esc(s.heading)}: {esc(' '.join(s.paras))}</p>")
            continue
        if s.heading:
            out.append(f"<p><b>{esc(s.heading)}</b></p>")
        out += [f"<p>{esc(p)}</p>" for p in s.paras]
    return out


# --- plain text rendering -----------------------------------------------------------------------------


def render_text(doc: Doc) -> bytes:
    f, lab = doc.feats, doc.labels
    margin = f.header_shape == "body_date_para" or f.layout == "ktweb_item"
    out: list[str] = []
    pad = lambda label: (label + " " * 22)[:max(22, len(label) + 1)]  # noqa: E731

    def block(label: str | None, paras: list[str]) -> None:
        if margin:
            first = True
            for p in paras:
                out.append((pad(label) if first and label else " " * 22) + p)
                first = False
        else:
            if label:
                out.append(label)
            out.extend(paras)
        out.append("")

    if f.layout != "ktweb_item":
        out += [f"{doc.printed_municipality}    {lab['minutes'].upper()} {doc.number}", doc.body, ""]
        block(lab["time"], [f"{fi_date(doc.date)} {lab['clock']} {doc.start} - {doc.end}"])
        block(lab["place"], [doc.place])
        for label, ps in ((lab["members"], doc.members), (lab["others"], doc.others), (lab["absent"], doc.absent)):
            block(label, [p.printed(f.surname_first) for p in ps])
        rows = page1_list_lines(doc)
        if rows and rows[0][1] == "":
            block(rows[0][0], [f"{n}  {t}" for n, t in rows[1:]])
        elif rows:
            block(rows[0][0], [rows[0][1]])
    for item in doc.items:
        if item.number is not None:
            out += item_header(doc, item)
        out += ([f"Dnro {item.diary}"] if item.diary else []) + item.history + [""]
        out += [item.title, ""]
        for s in item.sections:
            if s is _first_earlier(item) and item.earlier_line:
                out += [item.earlier_line, ""]
            if s is _first_current(item):
                out += [item.current_line or "", ""]
            if s.inline and s.heading and not margin:
                out += [f"{s.heading}: {' '.join(s.paras)}", ""]
            else:
                block(s.heading, s.paras)
        out.append("")
    if f.signature_end:
        out += signature_lines(doc) + [""]
    if f.trailer != "none":
        heading, paras = TRAILER_TEXT[f.trailer]
        out += [heading, ""] + paras
    return ("\n".join(out) + "\n").encode("utf-8")


# --- variants, writing, measuring --------------------------------------------------------------------


@dataclass
class Variant:
    seed: int
    file_name: str
    data: bytes
    gold: dict
    features: dict


def make_variant(seed: int) -> Variant:
    """Document ``seed``: its bytes, file name and gold (deterministic). A seed that does not finish
    in SECONDS_PER_DOCUMENT raises GeneratorTimeout naming it, so no caller waits for ever."""
    with deadline(SECONDS_PER_DOCUMENT, f"make_variants seed {seed}"):
        doc = make_doc(seed)
        f = doc.feats
        if f.layout.startswith("html"):
            name, data, pages, count = f"{doc.stem}.html", render_html(doc), None, None
        elif f.layout == "text" or f.tweb_item == "text":
            name, data, pages, count = f"{doc.stem}.txt", render_text(doc), None, None
        else:
            data, pages, count = render_pdf(doc)
            name = f"{doc.stem}.pdf"
        return Variant(seed, name, data, gold_of(doc, name, pages, count), f.as_dict())


def make_variants(n: int = 48, first_seed: int = 0) -> list[Variant]:
    return [make_variant(s) for s in range(first_seed, first_seed + n)]


def write_variants(out_dir: Path, n: int = 48, first_seed: int = 0,
                   variants: list[Variant] | None = None) -> list[Path]:
    """Each variant's document and ``.gold.json`` in ``out_dir`` (``variants``: these, not seeds)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for v in variants if variants is not None else make_variants(n, first_seed):
        (out_dir / v.file_name).write_bytes(v.data)
        stem = v.file_name.rsplit(".", 1)[0]
        (out_dir / f"{stem}.gold.json").write_text(json.dumps(v.gold, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
        paths.append(out_dir / v.file_name)
    return paths


TARGETS = {"items": 0.98, "sections": 0.95, "decision.outcome": 0.95, "roles": 0.95, "meeting.body": 0.98,
           "meeting.date": 0.98}


@dataclass
class Measurement:
    overall: dict
    by_feature: dict[str, dict]
    documents: list[dict]

    def value(self, name: str) -> float | None:
        s = self.overall.get(name)
        return s.value if s else None

    def failing(self) -> dict[str, float | None]:
        return {k: self.value(k) for k, t in TARGETS.items() if self.value(k) is not None and self.value(k) < t}

    def worst(self, k: int = 10) -> list[dict]:
        return sorted(self.documents, key=lambda d: d["badness"], reverse=True)[:k]


def score_variant(v: Variant) -> tuple[dict, dict]:
    """(scores, predicted) for one variant, through the real extraction and the eval scorer."""
    from extractors.document import Source, extract_document
    from pipeline.evaluate import predicted_from_extraction, score_document

    extraction = extract_document(v.data, Source(v.file_name, v.file_name))
    predicted = predicted_from_extraction(extraction)
    return score_document(v.gold, predicted), predicted


def measure(variants: list[Variant]) -> Measurement:
    from pipeline.evaluate import merge

    overall: dict = {}
    by_feature: dict[str, dict] = {}
    docs = []
    for v in variants:
        scores, predicted = score_variant(v)
        merge(overall, scores)
        for key, value in v.features.items():
            merge(by_feature.setdefault(f"{key}={value}", {}), scores)
        badness = sum(1 - (scores[k].value if scores.get(k) and scores[k].value is not None else 1)
                      for k in TARGETS)
        docs.append({"file": v.file_name, "seed": v.seed, "features": v.features, "badness": badness,
                     "scores": {k: scores[k].value for k in TARGETS if k in scores},
                     "gold": v.gold, "predicted": predicted})
    return Measurement(overall, by_feature, docs)


def diff_lines(doc: dict, limit: int = 12) -> list[str]:
    """Human-readable differences between gold and predicted for one document."""
    g, p = doc["gold"], doc["predicted"]
    out = []
    gm, pm = g.get("meeting") or {}, p.get("meeting") or {}
    for key in ("body", "date"):
        if gm and str(gm.get(key) or "").lower() != str(pm.get(key) or "").lower():
            out.append(f"meeting.{key}: gold {gm.get(key)!r} got {pm.get(key)!r}")
    gn = [i["section_number"] for i in g["items"]]
    pn = [i.get("section_number") for i in p.get("items") or []]
    if gn != pn:
        out.append(f"items: gold {gn} got {pn}")
    pitems = {i.get("section_number"): i for i in p.get("items") or []}
    from pipeline.evaluate import text_similarity
    for gi in g["items"]:
        pi = pitems.get(gi["section_number"])
        if not pi:
            continue
        if (pi.get("decision") or {}).get("outcome") != gi["decision"]["outcome"]:
            out.append(f"§{gi['section_number']} outcome: gold {gi['decision']['outcome']} got "
                       f"{(pi.get('decision') or {}).get('outcome')} (decision {gi['decision']['text'][:70]!r})")
        used = set()
        for gs in gi["sections"]:
            best = max(((text_similarity(gs["text"], ps.get("text")), k)
                        for k, ps in enumerate(pi.get("sections") or [])
                        if ps.get("kind") == gs["kind"] and k not in used), default=(0.0, None))
            if best[0] < 0.85:
                cand = [(ps.get("kind"), ps.get("heading_raw"), (ps.get("text") or "")[:60])
                        for ps in pi.get("sections") or []]
                out.append(f"§{gi['section_number']} section {gs['kind']}/{gs['heading_raw']!r} "
                           f"{gs['text'][:60]!r} not found; got {cand}")
            elif best[1] is not None:
                used.add(best[1])
        gr = sorted((r["role"], str(r["name"])) for r in gi["roles"])
        pr = sorted((str(r.get("role")), str(r.get("name"))) for r in pi.get("roles") or [])
        if gr != pr:
            out.append(f"§{gi['section_number']} roles: gold {gr} got {pr}")
    return out[:limit]


def report(m: Measurement, worst: int = 15) -> str:
    lines = ["field                      value   support"]
    for name in ("items", "item.title", "item.diary_number", "item.page_start", "item.page_end", "sections",
                 "sections.kind", "roles", "roles.title", "decision.outcome", "votes.counts", "recusals",
                 "meeting.body", "meeting.date", "meeting.number", "attendees", "item.history"):
        s = m.overall.get(name)
        if s:
            v = s.value
            lines.append(f"{name:26s} {'-' if v is None else f'{v:.3f}':>6s}  {s.support:5d}")
    lines.append("")
    lines.append("by feature (items / sections / outcome / roles / body / date):")
    for feat in sorted(m.by_feature):
        sc = m.by_feature[feat]
        vals = [sc.get(k).value if sc.get(k) else None for k in TARGETS]
        lines.append(f"  {feat:34s} " + " ".join("  -  " if v is None else f"{v:.2f} " for v in vals))
    lines.append("")
    lines.append("worst documents:")
    for d in m.worst(worst):
        if d["badness"] <= 0:
            break
        lines.append(f"- {d['file']} (seed {d['seed']}) {d['scores']}")
        lines += [f"    {x}" for x in diff_lines(d)]
    return "\n".join(lines)


def main(argv: list[str] | None = None, make=None, description: str | None = None) -> int:
    """`--n`, `--first-seed`, `--out`, `--report` for this generator, or for another family that
    makes `Variant`s the same way (``make(n, first_seed)``, e.g. make_unseen_variants)."""
    parser = argparse.ArgumentParser(description=description or __doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=48)
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args(argv)
    variants = (make or make_variants)(args.n, args.first_seed)  # made once, written and measured
    if args.out:
        for path in write_variants(args.out, variants=variants):
            print(path)
    if args.report or not args.out:
        print(report(measure(variants)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
