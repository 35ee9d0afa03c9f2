"""Vocabularies in one place: section headings, outcomes, roles, statuses, and their cut-offs.

Heading variants are written as printed (with ä/ö); matching folds diacritics and case, and a
fuzzy cut-off absorbs OCR damage ('Paatdsehdotus', 'Esittelija'), so typos are never listed here.
"""

from __future__ import annotations

from typing import Literal, get_args

SectionKind = Literal[
    "selostus", "valmistelija", "esittelija", "paatosehdotus", "paatos", "kasittely", "liitteet",
    "oheismateriaali", "tiedoksi", "lisatiedot", "muutoksenhaku", "muu",
]
SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)

# kind -> printed heading variants (Finnish and Swedish).
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "valmistelija": (
        "Valmistelija", "Valmistelijat", "Valmistelija / lisätiedot", "Valmistelija ja lisätiedot",
        "Valmistelijat / lisätiedot", "Asian valmisteli", "Asian valmistelija", "Asian valmistelijat",
        "Valmistelu", "Beredare", "Beredning", "Beredare / tilläggsuppgifter",
    ),
    "esittelija": ("Esittelijä", "Esittelijät", "Föredragande", "Föredragande / tilläggsuppgifter"),
    "paatosehdotus": (
        "Päätösehdotus", "Ehdotus", "Esitys", "Päätösesitys", "Pohjaesitys", "Esittelijän ehdotus",
        "Esittelijän päätösehdotus", "Kunnanjohtajan ehdotus", "Kaupunginjohtajan ehdotus",
        "Kunnanjohtajan esitys", "Kaupunginjohtajan esitys", "Kunnanjohtajan päätösehdotus",
        "Kaupunginjohtajan päätösehdotus", "Puheenjohtajan ehdotus", "Ehdotus / esitys",
        "Förslag", "Beslutsförslag", "Föredragandens förslag", "Kommundirektörens förslag",
        "Stadsdirektörens förslag", "Framställning",
    ),
    "paatos": (
        "Päätös", "Lautakunnan päätös", "Kunnanhallituksen päätös", "Kaupunginhallituksen päätös",
        "Valtuuston päätös", "Kunnanvaltuuston päätös", "Kaupunginvaltuuston päätös", "Jaoston päätös",
        "Beslut", "Nämndens beslut", "Stadsstyrelsens beslut", "Kommunstyrelsens beslut",
    ),
    "kasittely": ("Käsittely", "Asian käsittely", "Behandling"),
    "liitteet": ("Liitteet", "Liite", "Bilagor", "Bilaga"),
    "oheismateriaali": ("Oheismateriaali", "Oheismateriaalit", "Oheisaineisto", "Oheisasiakirjat",
                        "Material", "Bakgrundsmaterial"),
    "tiedoksi": ("Tiedoksi", "Tiedoksianto", "Jakelu", "Päätöksestä tiedotetaan", "Tiedoksi ja toimenpiteitä varten",
                 "För kännedom", "Delges", "Tillkännages"),
    "lisatiedot": ("Lisätiedot", "Lisätietoja", "Lisätietoja antaa", "Lisätietoja antavat",
                   "Lisätietojen antaja", "Tilläggsuppgifter", "Ytterligare information", "Mer information"),
    "muutoksenhaku": (
        "Muutoksenhaku", "Muutoksenhakuohje", "Muutoksenhakuohjeet", "Oikaisuvaatimusohje",
        "Oikaisuvaatimusohjeet", "Valitusosoitus", "Muutoksenhakukielto", "Oikaisuvaatimus",
        "Besvärsanvisning", "Anvisning för begäran om omprövning", "Sökande av ändring",
    ),
    "muu": ("Jäv", "Esteellisyys", "Esteellisyydet", "Sovelletut oikeusohjeet", "Tillämpade rättsnormer"),
}

# Generic heading shapes: '<genitive noun> päätös' / '<genitive noun> ehdotus|esitys'.
HEADING_SUFFIX_KINDS: dict[str, str] = {"paatos": "paatos", "ehdotus": "paatosehdotus",
                                        "esitys": "paatosehdotus", "paatosehdotus": "paatosehdotus"}

DEFAULT_HEADING_CUTOFF = 85.0  # rapidfuzz ratio on folded text for single-word headings
DEFAULT_HEADING_CUTOFF_SHORT = 90.0  # for headings of at most 6 letters ('Esitys', 'Päätös')

Outcome = Literal["hyvaksytty", "hyvaksytty_muutettuna", "palautettu", "poydatty", "merkitty_tiedoksi",
                  "hylatty", "muu"]
OUTCOMES: tuple[str, ...] = get_args(Outcome)

RoleNorm = Literal["puheenjohtaja", "varapuheenjohtaja", "jasen", "varajasen", "esittelija",
                   "poytakirjanpitaja", "muu"]
ROLE_NORMS: tuple[str, ...] = get_args(RoleNorm)

ItemRoleKind = Literal["valmistelija", "esittelija"]

DocumentKind = Literal["minutes", "goals", "followup", "other"]
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)

DocumentStatus = Literal["ok", "partial", "failed"]

FollowupStatus = Literal["toteutunut", "osittain", "ei_toteutunut"]
FOLLOWUP_STATUSES: tuple[str, ...] = get_args(FollowupStatus)


# --- meeting header and document identity (extractors/meeting.py, extractors/municipality.py) ----
# Added by the meeting/municipality helper. Written as printed; matching folds case and diacritics
# and tolerates OCR damage with DEFAULT_MEETING_HEADING_CUTOFF, so typos are not listed.

# Words after a municipality name that make it the document's own institution ('Lapuan kaupunki').
MUNICIPALITY_NOUNS: tuple[str, ...] = ("kaupunki", "kaupungin", "kunta", "kunnan", "stad", "kommun")

# Function words that tell the language of a text.
LANGUAGE_STOPWORDS: dict[str, tuple[str, ...]] = {
    "fi": ("ja", "on", "että", "sekä", "ei", "se", "ovat", "tai", "kuin", "myös", "joka", "mukaan",
           "päättää", "hyväksyi", "vuonna", "vuoden"),
    "sv": ("och", "att", "som", "är", "för", "av", "med", "på", "till", "det", "inte", "har", "ett",
           "om", "den", "besluta", "beslöt", "enligt"),
}

# Document kind markers (regular expressions, case-insensitive, counted over the whole text).
FOLLOWUP_MARKERS: tuple[str, ...] = (
    r"\bToteutuma\b", r"\btoteutumisaste", r"\btavoitetaso", r"^\s*Arviointi\b", r"^\s*Tila\b",
    r"\bVihreä\s*=", r"\bkeltainen\s*=", r"\bpunainen\s*=", r"=\s*toteutunut\b",
    r"\btoteutunut osittain\b", r"\bei toteutunut\b",
)
GOAL_MARKERS: tuple[str, ...] = (
    r"^\s*[-–]?\s*Toimenpiteet?\s*:", r"^\s*[-–]?\s*Mittarit?\s*:?\s*$", r"^\s*[-–]?\s*Mittarit?\s*:",
    r"\btoiminnalliset tavoitteet\b", r"\bnähden sitovat\b",
)
MINUTES_MARKERS: tuple[str, ...] = (
    r"\bPÖYTÄKIRJA\b", r"\bESITYSLISTA\b", r"\bPÖYTÄKIRJANOTE\b", r"\bKOKOUSKUTSU\b", r"\bPROTOKOLL\b",
    r"\bFÖREDRAGNINGSLISTA\b", r"^\s*Päätös\b", r"^\s*Päätösehdotus\b", r"^\s*Beslut\b",
    r"^\s*Kokousaika\b", r"^\s*Saapuvilla olleet\b", r"^\s*Närvarande\b", r"§\s*\d+", r"\d+\s*§",
    r"^\s*Valmistelija\b", r"^\s*Esittelijä\b", r"^\s*Beredare\b", r"^\s*Föredragande\b",
)

# Last word of a body's name: 'Sivistyslautakunta', 'Kaupunginhallituksen konsernijaosto', 'Stadsstyrelsen'.
BODY_SUFFIXES: tuple[str, ...] = (
    "lautakunta", "hallitus", "valtuusto", "jaosto", "toimikunta", "neuvosto", "johtokunta",
    "toimielin", "nämnd", "nämnden", "styrelse", "styrelsen", "fullmäktige", "sektion", "sektionen",
    "direktion", "direktionen", "utskott", "utskottet", "rådet",
)
# Words on the page header naming the document type (the meeting number follows them).
DOCUMENT_TYPE_WORDS: tuple[str, ...] = (
    "pöytäkirja", "pöytäkirjanote", "esityslista", "kokouskutsu", "otteet", "protokoll",
    "protokollsutdrag", "föredragningslista", "kallelse",
)

# Meeting-header field headings (left column or own line).
MEETING_TIME_HEADINGS: tuple[str, ...] = (
    "Kokousaika", "Aika", "Kokouksen aika", "Tid", "Sammanträdestid", "Mötestid", "Tidpunkt",
)
MEETING_PLACE_HEADINGS: tuple[str, ...] = (
    "Kokouspaikka", "Paikka", "Kokouksen paikka", "Plats", "Sammanträdesplats", "Mötesplats",
)
# Attendee blocks: members (role 'jäsen' when none is printed), others, absent (not attendees).
ATTENDEE_MEMBER_HEADINGS: tuple[str, ...] = (
    "Saapuvilla olleet jäsenet", "Saapuvilla olleet", "Läsnä olleet jäsenet", "Läsnä", "Läsnäolijat",
    "Jäsenet", "Osallistujat", "Läsnä olleet", "Närvarande", "Närvarande ledamöter", "Ledamöter",
    "Deltagare",
)
ATTENDEE_OTHER_HEADINGS: tuple[str, ...] = (
    "Muut saapuvilla olleet", "Muut läsnä olleet", "Muut läsnäolijat", "Muut osallistujat", "Muut",
    "Övriga närvarande", "Övriga deltagare", "Övriga",
)
ATTENDEE_ABSENT_HEADINGS: tuple[str, ...] = (
    "Poissa", "Poissa olleet", "Poissaolleet", "Poissa olleet jäsenet", "Poissa olleet varajäsenet",
    "Frånvarande", "Frånvarande ledamöter",
)
# Headings that end the attendee lists (signatures and the rest of page 1 are never attendees).
ATTENDEE_STOP_HEADINGS: tuple[str, ...] = (
    "Allekirjoitukset", "Allekirjoitus", "Pöytäkirjan tarkastus", "Pöytäkirjan tarkastajat",
    "Pöytäkirjan nähtävänäolo", "Pöytäkirjan allekirjoitus", "Käsitellyt asiat", "Käsiteltävät asiat",
    "Asiat", "Asialista", "Kokouksen laillisuus ja päätösvaltaisuus", "Vakuudeksi", "Puheenjohtaja",
    "Underskrifter", "Protokolljustering", "Justering av protokollet", "Behandlade ärenden",
    "Ärenden", "Paragrafer", "Protokollet framlagt",
)
# Printed meeting roles -> role_norm. A role with more words ('kaupunginvaltuuston puheenjohtaja')
# is 'muu' unless listed; ordinals ('1. varapuheenjohtaja') are stripped before the lookup.
ATTENDEE_ROLES: dict[str, str] = {
    "puheenjohtaja": "puheenjohtaja", "pj": "puheenjohtaja", "ordförande": "puheenjohtaja",
    "varapuheenjohtaja": "varapuheenjohtaja", "vpj": "varapuheenjohtaja",
    "vice ordförande": "varapuheenjohtaja", "viceordförande": "varapuheenjohtaja",
    "jäsen": "jasen", "ledamot": "jasen", "varsinainen jäsen": "jasen",
    "varajäsen": "varajasen", "ersättare": "varajasen", "varavaltuutettu": "varajasen",
    "valtuutettu": "jasen",
    "esittelijä": "esittelija", "föredragande": "esittelija",
    "pöytäkirjanpitäjä": "poytakirjanpitaja", "sihteeri": "poytakirjanpitaja",
    "protokollförare": "poytakirjanpitaja", "sekreterare": "poytakirjanpitaja",
    "asiantuntija": "muu", "sakkunnig": "muu", "tilintarkastaja": "muu", "viranhaltija": "muu",
}
# Role phrases that are roles though not in ATTENDEE_ROLES ('kaupunginhallituksen edustaja').
ATTENDEE_ROLE_TAILS: tuple[str, ...] = (
    "edustaja", "puheenjohtaja", "varapuheenjohtaja", "representant", "ordförande", "asiantuntija",
    "jäsen", "ledamot",
)
# Words that start an attendee note ('poistui klo 18:25', '§ 89', 'saapui 16:48').
ATTENDEE_NOTE_WORDS: tuple[str, ...] = (
    "poistui", "saapui", "läsnä", "paikalla", "poissa", "klo", "kl", "§", "lähti", "osallistui",
    "etäyhteydellä", "etänä", "avlägsnade", "anlände", "närvarande", "på distans", "asiantuntijana",
)
DEFAULT_MEETING_HEADING_CUTOFF = 88.0  # rapidfuzz ratio on folded text for meeting-header headings
