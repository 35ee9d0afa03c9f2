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

# kind -> printed heading variants (Finnish and Swedish). Web-published items print the explanatory
# text under a heading of its own: Dynasty (Espoo) 'Selostus', Ahjo (Helsinki) 'Tiivistelmä' /
# 'Esittelijän perustelut' / 'Päätöksen perustelut' and an 'Otteet' table (who receives extracts),
# Turku 'Tiivistelmä', Tweb 'Esittelyteksti'; without them that text ran on in the section above.
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "valmistelija": (
        "Valmistelija", "Valmistelijat", "Valmistelija / lisätiedot", "Valmistelija ja lisätiedot",
        "Valmistelijat / lisätiedot", "Asian valmisteli", "Asian valmistelija", "Asian valmistelijat",
        "Valmistelu", "Beredare", "Beredning", "Beredare / tilläggsuppgifter",
    ),
    "esittelija": ("Esittelijä", "Esittelijät", "Esittelijätiedot", "Föredragande",
                   "Föredragande / tilläggsuppgifter"),
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
    # 'Päätöksenteko': how the decision was reached, the votes (Turku)
    "kasittely": ("Käsittely", "Asian käsittely", "Kokouskäsittely", "Päätöksenteko", "Behandling"),
    "liitteet": ("Liitteet", "Liite", "Bilagor", "Bilaga"),
    "oheismateriaali": ("Oheismateriaali", "Oheismateriaalit", "Oheisaineisto", "Oheisasiakirjat",
                        "Material", "Bakgrundsmaterial"),
    "tiedoksi": ("Tiedoksi", "Tiedoksianto", "Jakelu", "Päätöksestä tiedotetaan", "Tiedoksi ja toimenpiteitä varten",
                 "Täytäntöönpanotiedot", "Täytäntöönpano", "Otteet", "För kännedom", "Delges", "Tillkännages",
                 "Verkställighet", "Verkställs", "Utdrag"),
    "lisatiedot": ("Lisätiedot", "Lisätietoja", "Lisätietoja antaa", "Lisätietoja antavat",
                   "Lisätietojen antaja", "Tilläggsuppgifter", "Ytterligare information", "Mer information"),
    "muutoksenhaku": (
        "Muutoksenhaku", "Muutoksenhakuohje", "Muutoksenhakuohjeet", "Oikaisuvaatimusohje",
        "Oikaisuvaatimusohjeet", "Valitusosoitus", "Muutoksenhakukielto", "Hallintovalitus", "Kunnallisvalitus",
        "Besvärsanvisning", "Anvisning för begäran om omprövning", "Sökande av ändring",
    ),
    # 'Lausunto': a board's statement given as its decision (Ahjo); the decision is read from it
    # when the item has no 'Päätös' (minutes.py `_decision_without_heading`)
    "muu": ("Jäv", "Esteellisyys", "Esteellisyydet", "Jäävi", "Jäävit", "Jääviys", "Sovelletut oikeusohjeet",
            "Tillämpade rättsnormer", "Lausunto", "Utlåtande"),
    "selostus": (
        "Selostus", "Asian selostus", "Tiivistelmä", "Esittelijän perustelut", "Päätöksen perustelut",
        "Perustelut", "Esittelyteksti", "Sammandrag", "Föredragandens motiveringar", "Motivering",
    ),
}

# Headings only when alone on their line: item titles often begin with them ('Lausunto
# Pirkanmaan hyvinvointialueen palveluverkkosuunnitelmasta'). Folded.
SOLITARY_HEADINGS: tuple[str, ...] = ("lausunto", "utlatande")

# Sub-headings of a decision's reasons: the legal provisions applied are part of the reasoning
# (Ahjo prints them under 'Päätöksen perustelut'), not a part of their own after it. Folded.
REASONS_SUBHEADINGS: tuple[str, ...] = ("sovelletut oikeusohjeet", "tillampade rattsnormer")

# File extensions of attachment names ('1 Aiesopimus ... valmistelusta.doc'): a line of a Liitteet /
# Oheismateriaali list that ends so is an attachment name, and so is a numbered or bulleted line.
ATTACHMENT_EXTENSIONS: tuple[str, ...] = ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf",
                                          "txt", "jpg", "jpeg", "png", "tif", "tiff", "zip", "dwg", "msg")
# Kinds whose text is a list of attachment names, ended by a paragraph gap or a line that is no name.
ATTACHMENT_LIST_KINDS: tuple[str, ...] = ("liitteet", "oheismateriaali")

# Run-in labels before an item's title (CloudNC/CaseM 'Asia: Koulukuljetusten hankinta', 'Ärende: ...').
TITLE_LABELS: tuple[str, ...] = ("Asia", "Ärende", "Otsikko", "Rubrik")

# Margin labels of Tweb single-item files: 'Dno' before the diary number, 'Päätöshistoria' before
# the earlier handlings ('Kaupunginhallitus 20.3.2017 § 66', or '-' for none). Not sections.
DIARY_LABELS: tuple[str, ...] = ("Dno", "Dnro", "Dnr", "Diaarinumero", "Asianumero", "Diarienummer")
HISTORY_LABELS: tuple[str, ...] = ("Päätöshistoria", "Käsittelyhistoria", "Aiempi käsittely", "Aikaisempi käsittely",
                                   "Beslutshistorik", "Behandlingshistorik")

# Lines that end the last item: appeal instructions printed once for the whole minutes (in
# capitals), and an extract's certification.
TRAILER_CAPS = ("oikaisuvaatimusohje", "muutoksenhakuohje", "valitusosoitus", "besvarsanvisning",
                "anvisning for begaran om omprovning")
TRAILER_ANY_CASE = ("otteen oikeaksi todistaa", "otteen vakuudeksi", "ratt utdrag intygar", "pa tjanstens vagnar")
# ... and the signature block when it follows the last item (a heading alone or 'Heading: names').
TRAILER_SIGNATURES = ("allekirjoitukset", "poytakirjan vakuudeksi", "vakuudeksi", "underskrifter",
                      "poytakirjan tarkastus", "poytakirjan tarkastajat", "protokolljustering",
                      "poytakirjan nahtavanapito", "poytakirjan nahtavanaolo")

# Generic heading shapes: '<genitive noun> päätös' / '<genitive noun> ehdotus|esitys'.
# Finnish genitives end in -n ('Teknisen lautakunnan päätös'), Swedish ones in -s ('Tekniska
# nämndens beslut'); the last word decides the kind.
HEADING_SUFFIX_KINDS: dict[str, str] = {"paatos": "paatos", "ehdotus": "paatosehdotus",
                                        "esitys": "paatosehdotus", "paatosehdotus": "paatosehdotus",
                                        "paatosesitys": "paatosehdotus", "beslut": "paatos",
                                        "forslag": "paatosehdotus", "beslutsforslag": "paatosehdotus"}

# Inflected and plural forms of heading nouns: a line ending so is a title or running text, never a
# heading ('Kaupunginjohtajan päätökset', 'Kaupunginvaltuuston päätökset 17.2.2025'). Folded.
NOT_HEADING_LAST_WORDS: tuple[str, ...] = (
    "paatokset", "paatoksia", "paatoksen", "paatoksesta", "paatoksella", "paatokseen", "paatoksista",
    "ehdotukset", "ehdotuksen", "ehdotuksia", "esitykset", "esityksen", "esityksia", "besluten", "forslagen",
    # a finite verb ends a sentence's start, never a heading: 'Kaupunginvaltuusto päättää' before a list
    "paattaa", "paatti", "esittaa", "esitti", "ehdottaa", "ehdotti", "hyvaksyy", "beslutar", "foreslar",
    "foreslog",
)
# Who may own a '<genitive> päätös / ehdotus' heading besides bodies (vocab.BODY_SUFFIXES) and
# officials (vocab.TITLE_SUFFIXES): a ministry's or a court's decision quoted in a description is text.
HEADING_OWNER_WORDS: tuple[str, ...] = ("viranhaltija", "esittelijä", "puheenjohtaja", "pormestari")
# A decision line after which the decision is over ('Ei muita asioita.' in 'Muut asiat'): what
# follows it is the meeting's closing text, kept as a section of its own. Folded.
DECISION_END_LINES: tuple[str, ...] = ("ei muita asioita", "ei muita ilmoitusasioita", "inga ovriga arenden")

DEFAULT_HEADING_CUTOFF = 85.0  # rapidfuzz ratio on folded text for single-word headings
DEFAULT_HEADING_CUTOFF_SHORT = 90.0  # for headings of at most 6 letters ('Esitys', 'Päätös')

Outcome = Literal["hyvaksytty", "hyvaksytty_muutettuna", "palautettu", "poydatty", "merkitty_tiedoksi",
                  "hylatty", "muu"]
OUTCOMES: tuple[str, ...] = get_args(Outcome)

RoleNorm = Literal["puheenjohtaja", "varapuheenjohtaja", "jasen", "varajasen", "esittelija",
                   "poytakirjanpitaja", "muu"]
ROLE_NORMS: tuple[str, ...] = get_args(RoleNorm)

ItemRoleKind = Literal["valmistelija", "esittelija"]

DocumentKind = Literal["minutes", "agenda", "goals", "followup", "budget", "other"]
DOCUMENT_KINDS: tuple[str, ...] = get_args(DocumentKind)

DocumentStatus = Literal["ok", "partial", "failed"]

FollowupStatus = Literal["toteutunut", "osittain", "ei_toteutunut"]
FOLLOWUP_STATUSES: tuple[str, ...] = get_args(FollowupStatus)


# --- meeting header and document identity (extractors/minutes/meeting.py, extractors/municipality.py) ----
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
    "direktion", "direktionen", "utskott", "utskottet", "rådet", "jaos", "kommitté", "kommittén",
    "työryhmä", "ohjausryhmä", "arbetsgrupp", "arbetsgruppen", "styrgrupp", "styrgruppen",
)
# ... and their genitives where a body name is printed inside a longer one ('Teknisen lautakunnan jaosto')
BODY_GENITIVES: tuple[str, ...] = ("lautakunnan", "hallituksen", "valtuuston", "jaoston", "nämndens")
# Words on the page header naming the document type (the meeting number follows them).
DOCUMENT_TYPE_WORDS: tuple[str, ...] = (
    "pöytäkirja", "pöytäkirjanote", "esityslista", "kokouskutsu", "otteet", "protokoll",
    "protokollsutdrag", "föredragningslista", "kallelse",
)
# ... of them, the ones that name an agenda (items to be handled, no decisions yet) and the ones
# that name minutes; a header with both ('Esityslista / Pöytäkirja') is minutes.
AGENDA_TYPE_WORDS: tuple[str, ...] = ("esityslista", "kokouskutsu", "föredragningslista", "kallelse")
MINUTES_TYPE_WORDS: tuple[str, ...] = ("pöytäkirja", "pöytäkirjanote", "otteet", "protokoll", "protokollsutdrag")

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
    "Deltagare", "Beslutande", "Beslutande ledamöter",
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

# --- roles, decisions, votes, recusals (extractors/minutes/roles.py, extractors/minutes/decisions.py) ------------
# Patterns are regular expressions over *folded* text (lower case, å/á/é -> a, ö/ó -> o: see
# roles.fold_keep_length); in them 'ä' and 'ö' also accept the 'd' that OCR prints for them
# ('ettd', 'kayttd'), so write them with the real letters.

# Labels printed before the people of a Valmistelija/Esittelijä section; never part of a name.
PERSON_LABEL_WORDS: tuple[str, ...] = (
    "valmistelija", "valmistelijat", "valmistelu", "asian valmisteli", "asian valmistelija",
    "esittelijä", "esittelijät", "lisätiedot", "lisätietoja antaa", "lisätietoja antavat",
    "lisätietoja", "lisätietojen antaja", "ja lisätiedot", "yhteyshenkilö", "beredare", "beredning",
    "föredragande", "tilläggsuppgifter", "ytterligare information", "mer information", "kontaktperson",
)
# Labels of contact details.
PHONE_LABELS: tuple[str, ...] = ("puh", "puhelin", "p", "tel", "tfn", "gsm", "mob", "puhelinnumero", "telefon",
                                 "mobil", "matkapuhelin")
EMAIL_LABELS: tuple[str, ...] = ("sähköposti", "s-posti", "email", "e-mail", "e-post", "sposti")
# How a job title ends; a capitalised word ending so is a title, not a surname ('Sivistysjohtaja').
TITLE_SUFFIXES: tuple[str, ...] = (
    "johtaja", "päällikkö", "sihteeri", "tarkastaja", "insinööri", "arkkitehti", "koordinaattori",
    "asiantuntija", "suunnittelija", "mestari", "esimies", "esihenkilö", "ohjaaja", "rehtori",
    "kamreeri", "lakimies", "asiamies", "neuvoja", "neuvos", "valvoja", "hoitaja", "lääkäri",
    "opettaja", "kaavoittaja", "tiedottaja", "geodeetti", "puutarhuri", "kirjanpitäjä", "controller",
    "kanslisti", "virkailija", "avustaja", "työntekijä", "kuraattori", "psykologi", "terapeutti",
    "agrologi", "ekonomi", "kehittäjä", "vetäjä", "toimittaja", "edustaja", "puheenjohtaja", "jäsen",
    "valtuutettu", "pöytäkirjanpitäjä", "esittelijä", "valmistelija", "vastaava", "kasvattaja",
    "kuntoutaja", "tutkija", "analyytikko", "juristi", "notaari", "laskuttaja", "emäntä", "isäntä",
    "direktör", "chef", "sekreterare", "inspektör", "ingenjör", "arkitekt", "koordinator", "rektor",
    "planerare", "föreståndare", "ombudsman", "kamrer", "sakkunnig", "handläggare", "ledare", "jurist",
    "geodet",
)
# Abbreviations that start or qualify a title ('vs. sivistysjohtaja', 'va. toimialajohtaja').
TITLE_ABBREVIATIONS: tuple[str, ...] = ("vs", "vt", "va", "ma", "v.t", "t.f", "tf", "tjf")

# Outcome cues, strongest first. Each outcome lists patterns for the decision (Päätös/Beslut) text.
OUTCOME_CUES: dict[str, tuple[str, ...]] = {
    "poydatty": (
        r"p[oö]yd[aä]lle", r"p[oö]yd[aä]ttiin", r"\b(käsittely\s+)?siirrettiin seuraavaan kokoukseen",
        r"\bbordl(ades|ägg|agg|agd)", r"\bbordlägg",
    ),
    "palautettu": (
        r"\bpalaut(ettiin|ti|etaan|taa|ettava|ettavaksi)\b[^.]{0,80}(valmistel|käsittel|esittelij)",
        r"uudelleen valmisteltavaksi", r"uuteen valmisteluun", r"takaisin valmisteluun",
        r"\båterremitt", r"\bremitterades\b", r"\bny beredning\b",
    ),
    "hylatty": (
        r"\bhylk[aä]si\s+(?:(?:esittelij[aä]n|kunnanjohtajan|kaupunginjohtajan|pormestarin|"
        r"kunnanhallituksen|kaupunginhallituksen|lautakunnan|jaoston)\s+)?"
        r"(p[aä][aä]t[oö]sehdotuksen|p[aä][aä]t[oö]sesityksen|pohjaesityksen|pohjaehdotuksen|"
        r"ehdotuksen|esityksen)\b",
        r"\b(p[aä][aä]t[oö]s|pohja)?(ehdotus|esitys)\s+hyl[aä]ttiin",
        r"^\W*hyl[aä]ttiin\W*$",  # a bare 'Hylättiin.' rejects the proposal it answers
        r"\bei hyv[aä]ksynyt\s+(esittelij[aä]n\s+|kunnanjohtajan\s+|kaupunginjohtajan\s+)?"
        r"(p[aä][aä]t[oö]s)?(ehdotusta|esitysta)\b",
        r"\bförkastade\s+(föredragandens\s+)?(besluts)?förslaget", r"\b(beslutsförslaget|förslaget)\s+förkastades",
        r"\bföredragandens förslag föll",
    ),
    "hyvaksytty_muutettuna": (
        r"muutettuna", r"muutetussa muodossa", r"muutoksella", r"muutoksin", r"muutoksilla",
        r"lisäyksellä", r"lisäyksin", r"lisäyksillä", r"täydennettynä", r"täydennyksellä",
        r"täydennyksin", r"korjauksella", r"korjauksin", r"tarkennuksella",
        r"\b(p[aä][aä]t[oö]s)?(ehdotusta|esitystä) (muutettiin|täydennettiin)",
        r"\b(muutos|lisäys|vasta|täydennys)ehdotuksen\b",
        r"\bvastaehdotus\b", r"\bmuutettu (pohja|päätös)?(ehdotus|esitys)",
        r"\bmuutet(tu|un|tua|ussa)\s+(\w+\s+)?(pohja|päätös)?(ehdotu|esity)",
        r"\btäydennet(ty|yn|tyä)\s+(\w+\s+)?(pohja|päätös)?(ehdotu|esity)", r"\bkorjattuna\b",
        r"\btarkennettuna\b", r"\bhyv[aä]ksyi\b[^.]{0,80}\b(lisäyksen|muutoksen|täydennyksen)\b",
        r"\bmed (följande )?(ändring|ändringar|tillägg|tilläggen|tillägget|ändringen)\b",
        r"\bändrat förslag", r"\bändrade förslaget", r"\bkompletterat", r"\bmed den ändringen",
    ),
    "merkitty_tiedoksi": (
        r"\bmerkit(si|tiin|see|aan|ä)\b[^.]{0,160}?\btiedoksi\b", r"\btiedoksi merkit",
        r"\btiedoksi ja merkit", r"\bmerkitään\b[^.]{0,160}?\btiedoksi\b",
        r"\banteckna(r|s|de|des)\b[^.]{0,160}?\b(för|till) kännedom", r"\b(för|till) kännedom\b[^.]{0,40}\banteckna",
        r"\bdelgavs\b", r"\bantecknades\b", r"\btogs till kännedom", r"\btog\b[^.]{0,120}\btill kännedom",
    ),
    "hyvaksytty": (
        r"\bhyv[aä]ksyttiin\b", r"\bhyv[aä]ksyi\b", r"\bhyv[aä]ksytään\b", r"\bhyväksyy\b",
        r"\b(ehdotuksen|esityksen|esittelijän|kunnanjohtajan|kaupunginjohtajan) mukaisesti\b",
        r"\b(ehdotuksen|esityksen) mukainen\b", r"\bjäi voimaan\b", r"\bgodkändes\b", r"\bgodkände\b",
        r"\benligt (beslutsförslaget|förslaget|föredragandens förslag)", r"\bgodkänns\b",
        r"\bbifölls\b", r"\bbiföll\b",
    ),
    "muu": (
        r"poistettiin esityslistalta", r"\bjätettiin käsittelemättä", r"\bpoisti asian esityslistalta", r"\braukesi\b",
        r"^\W*ei (muita |)(ilmoitus|)asioita\W*$",  # 'Ei ilmoitusasioita.': nothing to decide or note
        r"\bavfördes\b", r"\bstruken från föredragningslistan",
    ),
}
# An amendment adopted with the proposal, matched on lemmas (libvoikko) so that every inflection and
# compound counts: 'hyväksyi ehdotuksen X:n tekemällä muutosehdotuksella', '... lisäysehdotuksin',
# 'ehdotus hyväksyttiin vastaehdotuksella täydennettynä': a word of these lemmas in one of these cases
# (adessive 'millä', instructive 'min'); and a past participle of changing in the essive ('muutettuna').
AMENDMENT_LEMMAS: tuple[str, ...] = ("muutosehdotus", "lisäysehdotus", "täydennysehdotus", "vastaehdotus",
                                     "muutosesitys", "lisäysesitys", "täydennysesitys", "muutos", "lisäys",
                                     "täydennys", "korjaus", "tarkennus")
AMENDMENT_CASES: tuple[str, ...] = ("ulkoolento", "keinonto")
AMENDED_PARTICIPLE_LEMMAS: tuple[str, ...] = ("muutettu", "täydennetty", "korjattu", "tarkennettu", "lisätty")
AMENDED_PARTICIPLE_CASES: tuple[str, ...] = ("olento",)
# Noting, matched on lemmas (libvoikko) so that every inflection counts ('merkitsi ... tiedokseen',
# 'merkitään tiedoksi', 'saatettiin tiedoksi', 'on merkitty tiedoksi'): a verb of these lemmas and
# the object lemma in its case in one sentence. The regular expressions above stay for OCR-damaged text.
NOTED_VERB_LEMMAS: tuple[str, ...] = ("merkitä", "merkitty", "merkinnyt", "saattaa", "saatettu", "kuitata")
NOTED_OBJECT: tuple[str, str] = ("tieto", "tulento")  # 'tiedoksi', 'tiedokseen', 'tiedoksensa'
NOTED_OBJECT_STEM = "tiedo"  # what every translative of 'tieto' begins with ('tiedoksi', 'tiedoiksi')
# 'saattaa tiedoksi' is distribution, not the outcome, when the decision itself is its subject
# ('Päätös saatetaan tiedoksi hakijalle') or the sentence approves something ('hyväksyi ... ja saattaa').
DISTRIBUTION_LEMMAS: tuple[str, ...] = ("saattaa", "saatettu")
DISTRIBUTION_SUBJECTS: tuple[str, ...] = ("päätös", "ote", "pöytäkirjanote", "hyväksyä")
# A noting proposal that also decides something ('merkitsee selvityksen tiedoksi ja päättää, että
# jatkovalmistelu tehdään ...') is more than noting: these verbs after the noting verb say so. Lemmas.
# Verbs of a proposal's later point that decide nothing ('2. keskustelee itsearvioinnin tuloksista'):
# such a point leaves a noting proposal a noting one.
NON_DECIDING_POINT_LEMMAS: tuple[str, ...] = ("keskustella", "merkitä", "saattaa", "todeta", "käsitellä")
# A section that opens by reporting what the body did, in the past tense ('Kasvatus- ja
# koulutuslautakunta antoi puoltavan lausunnon', 'Lautakunta päätti panna asian pöydälle'):
# Ahjo prints a board's statement or proposal to the city board under 'Lausunto' / 'Esitys' in
# place of 'Päätös'. Read only where the item has no decision section.
REPORTED_DECISION_CUES: tuple[str, ...] = (
    r"\b(päätti|antoi|esitti|hyväksyi|merkitsi|valitsi|myönsi|puolsi|ehdotti|totesi)\b",
    r"\b(beslöt|gav|godkände|antecknade|föreslog|tillstyrkte)\b",
)
# A decision printed with no proposal that says nothing was decided ('1. Valtuustoaloite ... on
# liitteenä. 2. ... kiitospuheenvuorot') is `muu`; one with these verbs decided something.
DECIDED_CUES: tuple[str, ...] = REPORTED_DECISION_CUES + (
    r"\b(päätettiin|valittiin|todettiin|hyväksyttiin|merkittiin|myönnettiin|nimettiin|vahvistettiin)\b",
    r"\b(päätetään|valitaan|todetaan|hyväksytään|merkitään|myönnetään|nimetään|vahvistetaan)\b",
    r"\b(beslöts|valdes|konstaterades|godkändes|antecknades|beviljades)\b",
)
# ... and so does a decision with one of these verbs in any form ('Terveysinsinööri myöntää',
# 'tiimin päällikkö päättää: - muuttaa ...'): officials decide in the present tense, with no proposal.
ACTION_VERB_LEMMAS: tuple[str, ...] = (
    "päättää", "hyväksyä", "myöntää", "valita", "vahvistaa", "oikeuttaa", "valtuuttaa", "nimetä", "todeta",
    "merkitä", "antaa", "vuokrata", "myydä", "ostaa", "hylätä", "muuttaa", "irtisanoa", "palkata", "siirtää",
    "asettaa", "määrätä", "lopettaa", "perustaa", "varata", "osoittaa", "kieltää", "velvoittaa", "ottaa",
)
# A decision whose first sentence has its maker act ('Kumppanuuspäällikkö jatkaa avustuksen
# käyttöaikaa', 'Tilapäällikkö päätti hankkia'): the active finite verb after the subject decides,
# unless it is one of these, which report talk, presence or a member's own act.
NON_ACTING_LEMMAS: tuple[str, ...] = (
    "olla", "keskustella", "käsitellä", "kuulla", "esitellä", "tutustua", "käydä", "saada", "jättää",
    "kiittää", "puhua", "ilmoittaa", "kertoa", "selostaa", "poistua", "saapua", "osallistua", "kysyä",
)
# An item published without its text because the matter is secret: the title says so
# ('Salassa pidettävä (JulkL (621/1999) 24.1 § 25 k)', 'Sekretessbelagd (OffL ...)', 'Ei julkinen').
WITHHELD_CUES: tuple[str, ...] = (r"\bsalassa\s+pidett[aä]v[aä]", r"\bsekretessbelag", r"^\W*ei julkinen\b",
                                  r"\bjulkl\b", r"\boffl\b", r"\bmyndoffl\b")
# Verbs that frame a proposal's content ('<body> päättää, että ...', 'esittää valtuustolle, että ...',
# 'esitti valtuustolle seuraavaa: ...'): what follows the frame is what was proposed.
PROPOSING_FRAME_VERBS: tuple[str, ...] = ("päättää", "päätti", "esittää", "esitti", "ehdottaa", "ehdotti",
                                          "beslutar", "föreslår", "föreslog")
# Elections ('valitaan A ja B', 'Valittiin B ja C'): whom the proposal named and whom the body chose.
ELECTION_CUES: tuple[str, ...] = (r"\bvali(taan|ttiin|tsi|tsee|ttaisiin|ttavaksi)\b", r"\bvaldes\b", r"\bväljs\b",
                                  r"\bvalde\b", r"\bväljer\b")
DECIDING_VERB_LEMMAS: tuple[str, ...] = ("päättää", "hyväksyä", "myöntää", "valita", "vahvistaa", "oikeuttaa", "todeta",
                                         "valtuuttaa", "nimetä")
# A decision sentence saying which proposal won ('päätökseksi tuli Saarisen vastaehdotus').
WINNER_CUES: tuple[str, ...] = (r"\bpäätökseksi tuli\b", r"\b(ehdotus|esitys|vastaehdotus)\s+voitti\b",
                                r"\bblev (nämndens |styrelsens )?beslut\b",
                                r"\bvann\b")
# Order in which outcome cues are tried on the decision text.
OUTCOME_ORDER: tuple[str, ...] = (
    "muu", "poydatty", "palautettu", "hylatty", "hyvaksytty_muutettuna", "merkitty_tiedoksi", "hyvaksytty",
)
# Sentences of a decision text that only record who was present (recusals, experts, breaks):
# they are dropped before the outcome is read, so 'poistui' or 'hyväksyi' in them does not count.
DECISION_REMARK_CUES: tuple[str, ...] = (
    r"esteelli", r"jääv", r"\bjäv", r"\bpoistui", r"\bpoistuivat", r"\bsaapui", r"asiantuntija",
    r"kuultavana", r"puheenjohtajana toimi", r"\btoimi puheenjohtajana", r"\bläsnä\b", r"\btauko\b",
    r"\balusti\b", r"puheenvuoro", r"pöytäkirjamerkintä", r"\bmerkittiin pöytäkirjaan\b",
    r"\bavlägsnade\b", r"\bdeltog inte\b", r"\bsom ordförande\b", r"\bsakkunnig\b",
    r"\bpöytäkirjan tarkast", r"\bolivat kokouksessa\b", r"\boli kokouksessa\b",
)
# Sentences that tell who proposed what or how a vote was set up: they name outcomes ('että asia
# jätetään pöydälle') that were not necessarily decided.
PROCEDURAL_CUES: tuple[str, ...] = (
    r"\behdotti\b", r"\behdottivat\b", r"\bteki\b[^.]{0,80}(ehdotuksen|esityksen)", r"\bkannatti\b",
    r"\bkannattivat\b", r"\bkannattamana\b", r"\bkannatettiin\b", r"\bäänestävät\b", r"\bäänestys",
    r"\bäänestyksessä\b", r"\bäänestykseen\b", r"\bäänestystavaksi\b", r"(jaa|ei)-ehdotus",
    r"\boli tehty\b", r"\bei kannatettu\b", r"\braukesi\b", r"\bföreslog\b", r"\bunderstödd",
    r"\bomröstning", r"\bröstade\b", r"\bjaa-ään", r"\bei-ään", r"\bfrågan om\b",
    r"\bpuheenjohtaja totesi, että oli\b", r"\bpuoltivat\b", r"\besitti\b[^.]{0,120}\bpoikkeavan\b",
)
# A body forwarding a proposal to another ('esitti kaupunginvaltuustolle, että se merkitsee ...'):
# the noting words that follow are the other body's to decide.
FORWARDING_CUES: tuple[str, ...] = (r"\b(esitti|esittää|ehdotti|ehdottaa|föreslår|föreslog)\b",)
# Approvals that name the proposal ('Päätösehdotus hyväksyttiin', 'ehdotuksen mukaisesti'): they
# outweigh an amendment accepted in the Käsittely.
STRONG_APPROVAL_CUES: tuple[str, ...] = (
    r"(p[aä][aä]t[oö]s|pohja)?(ehdotus|esitys)\s+hyv[aä]ksyttiin", r"hyv[aä]ksyi\s+\w*\s*(ehdotuksen|esityksen)",
    r"\bmukaisesti\b", r"\bmukainen\b", r"\bjäi voimaan\b", r"\benligt\b", r"\bförslaget godkändes",
)
# A proposal that sends the matter back ('palautetaan valmisteluun', 'återremitteras').
RETURN_CUES: tuple[str, ...] = (r"palaut", r"valmisteluun", r"valmisteltavaksi", r"återremitt")
# Proposals printed in a Käsittely text (or in a vote) and the outcome they lead to when accepted.
COUNTER_PROPOSAL_KINDS: dict[str, str] = {
    r"palautus(ehdotu|esity)": "palautettu", r"\bpalaut(etaan|taa|ettaisiin)\b": "palautettu",
    r"pöydällepano": "poydatty", r"\bp[oö]yd[aä]lle\b": "poydatty", r"bordläggning": "poydatty",
    r"återremiss": "palautettu", r"hylkäys(ehdotu|esity)": "hylatty", r"\bhylätään\b": "hylatty",
    r"(muutos|lisäys|täydennys|vasta)(ehdotu|esity)": "hyvaksytty_muutettuna",
    r"\blisäyksen\b": "hyvaksytty_muutettuna", r"\bmuutoksen\b": "hyvaksytty_muutettuna",
    r"(ändrings|motförslag|tilläggs)": "hyvaksytty_muutettuna",
}
# A Käsittely sentence saying the presenter changed the proposal in the meeting.
PRESENTER_CHANGED_CUES: tuple[str, ...] = (
    r"\besittelijä (muutti|täydensi|korjasi|poisti|lisäsi|tarkensi)\b",
    r"\b(kunnan|kaupungin)johtaja (muutti|täydensi|korjasi|tarkensi) (päätös)?(ehdotus|esity)",
    r"\b(muutti|täydensi|korjasi) (päätös)?(ehdotustaan|esitystään)\b", r"\bmuutetun (päätös)?ehdotuksen mukaisesti",
    r"\besittelijän muuttama", r"\besittelijän (muutetun|täydennetyn|korjatun)\b", r"\bföredraganden ändrade",
    r"\bföredragandens ändrade förslag",
)
# A Käsittely sentence that accepts a proposal printed in it.
ACCEPTANCE_CUES: tuple[str, ...] = (
    r"\bhyv[aä]ksyttiin\b", r"\bhyv[aä]ksyi\b", r"\bhyv[aä]ksyneen\b", r"\bhyv[aä]ksyä\b",
    r"päätökseksi tuli", r"\bvoitti\b", r"\bgodkändes\b", r"\bgodkände\b", r"\bblev nämndens beslut",
    r"\bblev beslut",
)
REJECTION_CUES: tuple[str, ...] = (
    r"\bhyl[aä]ttiin\b", r"\braukesi\b", r"\bei kannatettu\b", r"\bei hyväksytty\b", r"\bföll\b",
    r"\bförkastades\b", r"\bjäi voimaan\b",
)
# Who stood for JAA in a vote ('esittelijän ehdotusta kannattavat äänestävät JAA').
PROPOSAL_SIDE_CUES: tuple[str, ...] = (
    r"esittelij", r"pohja(ehdotu|esity)", r"päätösehdotu", r"päätösesity", r"kunnanjohtajan",
    r"kaupunginjohtajan", r"pormestarin", r"hallituksen (ehdotu|esity)", r"lautakunnan (ehdotu|esity)",
    r"käsittelyn jatkamista", r"jatkamista", r"föredragand", r"beslutsförslag", r"esityksen mukaan",
)

# Votes: the printed labels of each count ('6 JAA-ääntä', 'Ei-äänet: 34', '2 blanka').
VOTE_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "jaa": ("jaa", "ja"),
    "ei": ("ei", "nej"),
    "tyhja": ("tyhjä", "tyhjää", "tyhjiä", "tyhjät", "blank", "blanka", "blanko", "avointa", "avoin"),
    "poissa": ("poissa", "poissaolevia", "poissaoleva", "frånvarande"),
}
# Cardinal number words (nominative, as printed in vote prose).
NUMBER_WORDS: dict[str, int] = {
    "nolla": 0, "yksi": 1, "yhden": 1, "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6,
    "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9, "kymmenen": 10, "yksitoista": 11,
    "kaksitoista": 12, "kolmetoista": 13, "neljätoista": 14, "viisitoista": 15, "kuusitoista": 16,
    "seitsemäntoista": 17, "kahdeksantoista": 18, "yhdeksäntoista": 19, "kaksikymmentä": 20,
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14,
    "femton": 15,
}

# Recusals: a sentence that says someone was disqualified.
RECUSAL_CUES: tuple[str, ...] = (
    r"esteellinen\b", r"esteellisenä\b", r"esteelliseksi\b", r"esteellisyyte(nsä|en)\b",
    r"esteellisyydestä(än)?\b", r"esteellisyyden (vuoksi|takia|perusteella)", r"jäävi\b", r"jäävinä\b",
    r"jäävänä\b", r"jäävä(si|sivät|ävät)\b", r"jäävää\b", r"\bjäävasi\b", r"\bjävig", r"\banmälde jäv",
    r"\bjäv\b", r"\bjäviga\b",
)
# The same sentence negated ('ettei kukaan ollut esteellinen').
RECUSAL_NEGATIONS: tuple[str, ...] = (
    r"\b(ei|ettei|eikä|kukaan)\s+(\w+\s+){0,2}(esteelli|jäävi)", r"\binte\s+(\w+\s+){0,2}jävig",
    r"\bingen\b[^.]{0,30}\bjäv",
)
# The chair replaced for the item ('puheenjohtajana toimi Sari Listenmaa').
CHAIR_REPLACED_CUES: tuple[str, ...] = (
    r"puheenjohtajana\b[^.]{0,120}?\btoimi", r"\btoimi\b[^.]{0,80}?puheenjohtajana",
    r"\bsom ordförande\b[^.]{0,80}\bfungerade", r"\bfungerade\b[^.]{0,80}\bsom ordförande",
)
# Someone leaving during the item is a recusal only when the chair is replaced (seed 003).
LEAVING_CUES: tuple[str, ...] = (r"\bpoistui", r"\bpoistuivat", r"\bavlägsnade sig", r"\blämnade")
# Printed meeting roles before a name ('puheenjohtaja Jaana Tiura', 'kaupunginhallituksen jäsen').
RECUSAL_ROLE_WORDS: tuple[str, ...] = (
    "puheenjohtaja", "varapuheenjohtaja", "jäsen", "jäsenet", "varajäsen", "varajäsenet", "valtuutettu",
    "valtuutetut", "varavaltuutettu", "esittelijä", "pöytäkirjanpitäjä", "sihteeri", "ordförande",
    "viceordförande", "vice ordförande", "ledamot", "ledamöter", "ersättare", "föredragande",
)
# --- end of roles/decisions block ----------------------------------------------------------------


# --- goals and follow-up tables (extractors/goals/followup.py, extractors/goals/plans.py) --------------------
# Added by the goals/follow-up helper. Header cells of follow-up tables are matched by *stems*
# (lower case, inside the cell text), so 'Toteutuma (toteutumisaste)', 'Toteutuminen 2025' and
# 'Mittarin tavoitetaso' need no listing of their own. Roles are tried in this order; the first
# role with a stem in the cell wins ('Toimenpide/mittari' is an action column).
FOLLOWUP_ROLE_STEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("strategy_goal", ("strateginen tavoite", "strategiset tavoitteet", "strategiskt mål")),
    # how a goal is to be judged is its metric, not an assessment ('Mittari/arviointikriteeri')
    ("metric", ("arviointikriteeri", "arviointimenetelm", "arviointitapa", "arviointiperuste")),
    ("comment", ("tilannekuva", "riskiarvio", "kuvaus", "selvitys")),  # 'Toteutumisen kuvaus' describes, not grades
    ("current", ("nykyarvo", "nykytaso", "nykytila", "lähtötaso", "lähtöarvo", "lähtötila", "vertailuarvo",
                 "utgångsläge", "utgångsvärde", "nuläge")),
    ("actual", ("toteuma-arvo", "toteumaarvo", "toteutuma-arvo", "toteutunut arvo", "utfallsvärde")),
    ("extra", ("ta20", "tp20")),
    ("status", ("toteutuma", "toteuma", "toteutumi", "tilanne", "status", "toteutuiko", "saavutettiinko",
                "onnistuminen", "liikennevalo", "utfall", "uppfyllelse", "måluppfyllelse", "förverkligande",
                "förverkligats")),
    ("comment", ("kommen", "koment", "selite", "selitys", "perustelu", "lisätie", "huomio", "arviointi",
                 "sanallinen", "analyysi", "toteutuneet toimenpiteet", "kommentar", "förklaring",
                 "bedömning", "anmärkning")),
    ("strategy_area", ("strategi", "painopiste", "kärki", "kärje", "päämäärä", "tavoitealue", "teema",
                       "visio", "fokusområde", "strategisk", "tema", "prioritering")),
    ("action", ("toimenpi", "teko", "teot", "keino", "tehtävä", "åtgärd", "aktivitet", "insats")),
    ("metric", ("mittari", "indikaattori", "tunnusluku", "mätare", "indikator", "nyckeltal")),
    ("target", ("tavoitearvo", "tavoitetaso", "målvärde", "målnivå")),
    ("goal", ("tavoite", "tavoitteet", "tavoitteen", "målsättning", "delmål", "mål ")),
)
# Comment columns that assess the outcome ('Arviointi', 'Kommentointi', 'Sanallinen arvio'): with a
# status, an actual value or ticked status columns they make a table a follow-up. A budget's goal table
# ('Tavoite | Toimenpiteet | Mittari | Tavoitetaso') has none of them; other comment columns
# ('Tilannekuvaus ja riskiarvio', 'Lisätietoja') may be either, and go with the document's other tables.
FOLLOWUP_ASSESSMENT_STEMS: tuple[str, ...] = ("arviointi", "sanallinen", "kommen", "koment", "analyysi",
                                              "toteutune", "bedöm", "kommentar", "utvärder")
# An assessment column beside another comment column and no status column ('Arviointi | Perustelut')
# holds the verdict.
FOLLOWUP_VERDICT_STEMS: tuple[str, ...] = ("arvio", "bedöm", "utvärder")
# The comment column a labelled goal block gets when its assessment opens with the verdict
# ('Arvio: Toteutunut. Tavoitetaso saavutettiin.'): the reasons after the verdict.
FOLLOWUP_COMMENT_LABEL = "Perustelut"
# Header cells that are one short word, matched whole ('Tila', 'Mål').
FOLLOWUP_WHOLE_WORD_ROLES: dict[str, str] = {"tila": "status", "arvio": "status", "tulos": "status",
                                             "mål": "goal", "läge": "status", "mått": "metric"}
# Status words (regular expressions, case-insensitive). Negations and partial words are tried
# first: 'ei toteutunut' must not be read as 'toteutunut', nor 'delvis uppnått' as 'uppnått'.
STATUS_PARTIAL_WORDS: tuple[str, ...] = (
    r"\bosittain\b", r"\bei\s+kaikilta\s+osin\b", r"\bkaikilta\s+osin\s+ei\b", r"\bpääosin\b",
    r"\bpääsääntöisesti\b", r"\bkesken\w*\b", r"\bkäynnissä\b", r"\bkeltai\w*", r"\btoteutumassa\b",
    r"\bmuuten\s+(?:ok|kunnossa|toteutu\w*)", r"\bdelvis\b", r"\bpågå\w*", r"\bpåbörja\w*", r"\bgul\b",
    r"\(\s*[✓✔]\s*\)",
)
STATUS_NOT_WORDS: tuple[str, ...] = (
    r"\bei\s+(?:ole\s+)?(?:toteut\w*|toteud\w*|toteun\w*|saavutet\w*|valmistu\w*|käynnisty\w*)",
    r"\btoteutumatta\b", r"\bjäi\s+toteutumatta\b", r"\btoteutuisi\b", r"\bolisi\s+toteutunut\b",
    r"\bpunai\w*", r"\bperuttu\b", r"\bperuuntui\b",
    r"\bkeskeytet\w*", r"\b(?:ej|inte)\s+(?:uppnå\w*|förverkliga\w*|genomför\w*)", r"\bröd\b", r"^\s*ei\s*$",
    r"[✗✘☒]",
)
STATUS_DONE_WORDS: tuple[str, ...] = (
    r"\btoteutu(?:i|nut|neet|u|vat|ttu)\b", r"\btoteutettu\b", r"\bvalmis\b", r"\bvalmistui\b",
    r"\bvalmistunut\b", r"\bsaavutettu\b", r"\bsaavutettiin\b", r"\bkyllä\b", r"\btehty\b", r"\bvihre\w*",
    r"\buppnå(?:tt|dd|ddes|s)\b", r"\bförverkliga(?:ts|des|t)\b", r"\bgenomför(?:t|d|da|des)\b", r"\bgrön\w*",
    r"[✓✔☑]",
)
# Comparison words in a metric ('vähintään 0,5', 'alle 12.000') and the words that report the
# measured value in an assessment ('nyt 12,1 %', 'oli 3,02', 'nyt vain 0,2').
TARGET_AT_LEAST: tuple[str, ...] = ("vähintään", "yli", "min.", "minst", "över", "≥", ">")
TARGET_AT_MOST: tuple[str, ...] = ("enintään", "alle", "korkeintaan", "max.", "högst", "under", "≤", "<")
ACTUAL_WORDS: tuple[str, ...] = ("nyt", "oli", "on", "vain", "noin", "n.", "arvo", "nu", "var")
SHORTFALL_WORDS: tuple[str, ...] = ("vain", "ainoastaan", "endast", "bara")
# A contrast that leaves part undone ('..., mutta emme ole saaneet rahoitusta'): partly achieved.
PARTIAL_CONTRAST = r"\b(?:mutta|men)\s+(?:emme|ei|eivät|en|inte)\b"
# Financial result targets and the words that report a loss or a profit.
RESULT_TARGET_WORDS: tuple[str, ...] = ("voitollinen", "positiivinen", "ylijäämäinen", "nollatulos")
LOSS_WORDS: tuple[str, ...] = ("tappio", "tappiollinen", "alijäämä", "negatiivinen")
# Status digits printed beside traffic-light balls, when the report prints no legend for them
# (the reports we know number them from the best: 1 = green ... 3 = red).
# What a unit's heading may add after a colon to say that its goals' outcomes follow ('6100
# Ympäristölautakunta: tavoitteiden toteutuminen', 'Vesihuolto Oy Ab: toiminnalliset tavoitteet 2024'):
# the unit is the part before the colon. Regular expressions, case-insensitive, matched whole.
UNIT_HEADING_TITLES: tuple[str, ...] = (
    r"(?:toiminnallisten\s+|sitovien\s+)?tavoitteiden\s+(?:toteutuminen|toteuma|seuranta|arviointi)",
    r"(?:toiminnalliset\s+|sitovat\s+)?tavoitteet(?:\s+ja\s+niiden\s+toteutuminen)?", r"toteutuminen",
    r"måluppfyllelse", r"uppföljning\s+av\s+målen", r"(?:verksamhetens\s+)?mål(?:en)?",
)
DEFAULT_DIGIT_STATUS: dict[str, str] = {"1": "toteutunut", "2": "osittain", "3": "ei_toteutunut"}
# Process words in a status cell: the evaluation's state, not the goal's ('Valmis', 'Kesken').
STATUS_PROCESS_WORDS: tuple[str, ...] = ("valmis", "kesken", "käynnissä", "aloitettu", "aloittamatta", "jatkuu")
# Marks that tick one of several status columns ('Toteutunut | Osittain | Ei toteutunut').
STATUS_MARKS: tuple[str, ...] = ("x", "✓", "✔", "•", "●", "*", "+", "☑", "☒", "1")
# A block of a tilinpäätös that belongs to a subsidiary ('company'): an entity apart from the municipality,
# with accounts of its own: a company (Oy, Oyj, Ab, Oy Ab, Osakeyhtiö, Ky, Ay, osuuskunta), a joint
# municipal authority (kuntayhtymä) or a foundation (säätiö, 'sr'). A liikelaitos is the municipality's
# own (its accounts are part of the municipality's): a unit, never a company. See docs/schema.md.
SUBSIDIARY_FORMS = (r"\b(?:Oyj?|Ab|Abp|Ky|Ay)(?::n)?\b|(?i:osakeyhtiö|osuuskunta|kuntayhtymä|säätiö)\w*\b"
                    r"|\bsr\b")
# Glyphs a report prints in colour as a traffic light ('●' in green): their colour is the status.
STATUS_GLYPHS: str = "●⬤◉■◼▲▼◆★"
STATUS_ROUND_GLYPHS: str = "●⬤◉"
# Printed colour-name stems (fi, sv, en) -> colour name; the default meaning of each colour.
COLOUR_NAME_STEMS: dict[str, str] = {
    "vihre": "vihreä", "keltai": "keltainen", "oranss": "oranssi", "punai": "punainen", "harma": "harmaa",
    "sini": "sininen", "musta": "musta", "valkoi": "valkoinen", "grön": "vihreä", "gul": "keltainen",
    "röd": "punainen", "orange": "oranssi", "grå": "harmaa", "blå": "sininen", "green": "vihreä",
    "yellow": "keltainen", "red": "punainen", "amber": "oranssi",
}
DEFAULT_COLOUR_STATUS: dict[str, str] = {"vihreä": "toteutunut", "keltainen": "osittain", "oranssi": "osittain",
                                         "punainen": "ei_toteutunut"}
# Goal-list markers (extractors/goals/plans.py): singular and plural, Finnish and Swedish.
GOAL_ACTION_SINGULAR: tuple[str, ...] = ("toimenpide", "teko", "keino", "åtgärd", "insats")
GOAL_ACTION_PLURAL: tuple[str, ...] = ("toimenpiteet", "toimenpide(et)", "toimenpide(t)", "teot", "keinot",
                                       "åtgärder", "insatser")
GOAL_METRIC_SINGULAR: tuple[str, ...] = ("mittari", "arviointikriteeri", "tavoitetaso", "mätare", "indikator",
                                         "mått")
GOAL_METRIC_PLURAL: tuple[str, ...] = ("mittarit", "mittari(t)", "arviointikriteerit", "indikatorer", "mätarna")
# Lines that end a goal's action or metric list without belonging to it: a strategy line under the
# goal ('Strategian painopiste: Hyvinvoiva kunta') or a note on the list ('Mittareiden lähtötasot
# ... kirjataan talousarvioon', 'Huom.').
GOAL_STRATEGY_LINE = (r"^(?:Strategian|Strateginen|Strategiset)\s+(?:painopiste|painopistealue|tavoite|valinta)\w*"
                      r"\s*:\s*(.+)$")
GOAL_LIST_NOTE = (r"^(?:Huom\.?|Huomio\b|Huomioitavaa\b|Mittareiden\s+(?:lähtötaso|tavoitetaso|lähtöarvo)\w*|"
                  r"Lähtötasot\b|Tavoitetasot\b)")
# --- end of goals and follow-up block --------------------------------------------------------------

# --- budget tables (extractors/goals/budget.py) ----------------------------------------------------------
# Column headers of budget and outturn tables, as regular expressions over the folded header cell
# (a header may be printed over two or three lines: 'TA / muutosten / jälkeen'); first match wins.
BUDGET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("ero_raamiin", r"\bero\b.*\braami"),
    ("yhteensa", r"\bmuutosten\s+jälkeen\b|\bmuutoksineen\b|\byhteensä\b|\bmuutettu\b|\befter\s+ändring"
                 r"|\bkäytettävissä\b"  # 'Käytettävissä': the appropriation after changes
                 r"|\b(?:ta|talousarvio|budjetti|budget)\s*\+\s*(?:muutok|ändring)"),  # 'TA+muutokset'

    ("alkuperainen", r"\balkuperäinen\b|\balkup\b"),  # 'Alkup. TA 2025'
    ("prosentti", r"%|\bprosentti\b|\btoteutumisaste\b"),  # 'Tot-%', 'Muutos-%': a share, no euros
    ("muutos", r"muutok\w*|\bmuutos\b|ändring"),  # 'Talousarviomuutokset', 'TA-muutokset', 'Budgetändringar'
    ("poikkeama", r"\bpoikkeama\b|\bero\b|\berotus\b|\bavvikelse\b|\bylitys\b|\balitus\b"),
    ("toteutuma", r"\btoteutuma\b|\btoteuma\b|\btoteutunut\b|\butfall\b"),
    ("raami", r"\braami\b|\bkehys\b|\bram\b"),
    ("tp", r"\btp\b|\btilinpäätös\b|\bbokslut\b|\bbs\b"),  # 'BS 2024': bokslut
    ("ta", r"\bta\b|\btalousarvio\b|\bbudjetti\b|\bbudget\b"),
    ("ts", r"\bts\b|\btaloussuunnitelma\b"),
)
# Words a budget header cell may hold besides a year and '€'.
BUDGET_HEADER_WORDS: tuple[str, ...] = (
    "ta", "tp", "ts", "ks", "raami", "kehys", "alkuperäinen", "muutokset", "muutos", "muutosten", "jälkeen",
    "toteutuma", "toteuma", "poikkeama", "ero", "raamiin", "talousarvio", "yhteensä", "muutettu", "budjetti",
    "tilinpäätös", "erotus", "€", "e", "1000", "t€", "euroa", "budget", "bokslut", "utfall", "avvikelse",
    "toteutunut", "ta-muutokset", "talousarviomuutokset", "budjettimuutokset", "%",
    "ändringar", "ändring", "budgetändringar", "efter", "budgeten", "förändring",
    "alkup", "alkup.", "käytettävissä", "ylitys", "alitus", "käyttö",  # 'Ylitys (-) / alitus (+)', 'Käyttö-%'
    "tot",  # 'Tot. %'
    "bs",  # 'BS 2024': bokslut
)
# A key-figure table ('Tunnusluvut | TP 2022 | TP 2023 | TP 2024 | Muutos %', 'Nyckeltal | BS 2022 | … |
# Förändring %') lists the accounts of several years and how they changed, with no budget: besides its
# outturn columns ('tp' with a year) only these columns (budget.column_of names) ...
KEY_FIGURE_SIDE_COLUMNS: tuple[str, ...] = ("muutos", "prosentti", "poikkeama")
# ... and its rows are indicators, not lines of the operating budget: a label that names a budget line
# ('Vuosikate, €/asukas') is an indicator when it is per inhabitant or a share.
KEY_FIGURE_INDICATOR = r"[€e]\s*/\s*\w|/\s*(?:asukas|invånare|as|inv)\b|%|\bper\s+(?:asukas|invånare)\b"
# A budget table printed in thousands of euros says so in its header or title ('Käyttötalous (1 000 €)',
# 'TA 2025 t€'): its amounts are multiplied to euros.
BUDGET_THOUSANDS = r"\b1[\s\u00a0.]?000\s?(?:€|e\b|eur\b|euroa)|(?<!\w)t€|\btuhatta\s+euroa|\bteur\b|\bt\.\s?e\b"
# Lines under a unit heading that state a field of the unit ('Sitovuustaso: toimintakate'), not a heading.
UNIT_FIELD_LINES = r"^(?:sitovuustaso|sitovuus|vastuuhenkilö\w*|tilivelvolli\w*|toimielin|bindningsnivå)\s*:"
# Budget line labels -> a normalised line; the rest keep None (their printed label says it).
BUDGET_LINES: tuple[tuple[str, str], ...] = (
    ("toimintatuotot", r"^toiminta(?:tuotot|tulot)\b|^verksamhetens intäkter"),
    ("toimintakulut", r"^toiminta(?:kulut|menot)\b|^verksamhetens kostnader"),
    ("toimintakate", r"^toimintakate\b|^netto\b|^verksamhetsbidrag"),
    ("valmistus_omaan_kayttoon", r"^valmistus omaan"),
    ("vuosikate", r"^vuosikate\b|^årsbidrag"),
    ("poistot", r"^poistot\b|^avskrivningar"),
    ("tulos", r"^tulos\b|^tilikauden tulos|^räkenskapsperiodens resultat"),
    ("verotulot", r"^verotulot\b|^skatteinkomster"),
    ("valtionosuudet", r"^valtionosuudet\b|^statsandelar"),
)
# Change rows under a budget line ('Alkuperäinen', 'Muutos Kv 9.12. §98', 'Yhteensä'): they name the
# budget column of their amount instead of a line of their own.
BUDGET_CHANGE_ROWS: tuple[tuple[str, str], ...] = (
    ("alkuperainen", r"^alkuperäinen\b"),
    ("muutos", r"^muutos\b|^muutokset\b|^lisätalousarvio\b"),
    ("yhteensa", r"^yhteensä\b|^muutettu\b"),
)
# A council or board decision printed beside a change ('Kv 9.12. §98', 'Kvalt 15.6.2025 § 40').
BUDGET_DECISION = (r"\b(?:Kv|Kvalt|Kval|Kh|Khall|Kunnanvaltuusto|Kaupunginvaltuusto)\s+"
                   r"\d{1,2}\.\d{1,2}\.(?:\d{2,4})?\s*§\s*\d+")
# Headings above a budget table that name the table, not its unit.
BUDGET_TABLE_TITLES = (r"^(?:talousarvion toteutuminen|toteutumisvertailu|käyttötalous|tuloslaskelma|talousarvio"
                       r"|driftsekonomi|driftsredovisning|budgetutfall|resultaträkning)\b")

# --- handling histories (issue 15) -----------------------------------------------------------------
# A later handling of a case opens by saying what the earlier one did with it ('Pöydältä 21.3.2017
# § 84.' = it was tabled there): cue at the start of the handling's text -> the earlier one's outcome.
HANDLING_CARRIED_CUES: dict[str, str] = {
    r"^pöydältä\b": "poydatty", r"^från bordet\b": "poydatty",
    r"^palautett(u|iin|una)\b": "palautettu", r"^återremitter": "palautettu",
}

# --- entities in decisions (extractors/minutes/entities.py, `minutes enrich`) -----------------------------------
EntityKind = Literal["org", "person", "place", "money", "date"]
ENTITY_KINDS: tuple[str, ...] = get_args(EntityKind)
# Sections whose entities are extracted: the proposal and the decision, current and earlier handlings.
ENTITY_SECTION_KINDS: tuple[str, ...] = ("paatosehdotus", "paatos")
# spaCy's Finnish model labels -> our kinds (its MONEY, DATE and number labels are left to the rules).
ENTITY_MODEL_LABELS: dict[str, str] = {"ORG": "org", "PERSON": "person", "GPE": "place", "LOC": "place",
                                       "FAC": "place"}
# A name that is only one of these words stands for the deciding body or a kind of thing, not a
# named organisation ('Lautakunta hyväksyi', 'Johtokunta valitsi'). Lemmas, lower-case.
ENTITY_GENERIC_WORDS: tuple[str, ...] = (
    *BODY_SUFFIXES, "kaupunki", "kunta", "yhtiö", "hyvinvointialue", "toimiala", "liikelaitos", "palvelukeskus",
    "osasto", "yksikkö", "virasto", "kaupunginkanslia", "jaa", "ei", "tyhjä", "vs",
)
# Last words that make a name a law, not an organisation ('Maankäyttö- ja rakennuslain'). Lemmas.
ENTITY_NOT_ORG_HEADS: tuple[str, ...] = ("laki", "asetus", "direktiivi", "säädös", "hallintosääntö", "pöytäkirja")
# Last words of street and park names: a 'person' or 'organisation' ending so is a place ('Mäkelänkatu').
PLACE_NAME_HEADS: tuple[str, ...] = ("katu", "tie", "polku", "kuja", "väylä", "raitti", "puisto", "tori", "aukio",
                                     "bulevardi", "gatan", "vägen", "stigen", "gränden")
# Words after a place in the genitive that make the two an organisation ('Helsingin kaupungin').
ORG_AFTER_PLACE: tuple[str, ...] = ("kaupunki", "kunta", "hyvinvointialue", "seurakunta", "kuntayhtymä",
                                    "liitto")
# Legal forms of Finnish and Swedish companies and associations: printed after the name
# ('Sakela Rakennus Oy:n') or, for housing and property companies, before it ('Asunto Oy Helsingin Havanna').
COMPANY_FORMS: tuple[str, ...] = ("Oyj", "Oy", "OY", "Ab", "AB", "Ky", "Ay", "ry", "r.y.", "Tmi", "Osk", "Ltd")
COMPANY_PREFIX_FORMS: tuple[str, ...] = ("Asunto Oy", "Kiinteistö Oy", "Asunto-osakeyhtiö", "Kiinteistöosakeyhtiö",
                                         "Bostads Ab", "Fastighets Ab")
# Month names in the genitive as dates print them ('15. maaliskuuta 2025').
MONTHS_GENITIVE: tuple[str, ...] = (
    "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
    "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
)
# Euro units after an amount, with the multiplier they carry ('2 milj. euroa', '5 M€', '300 t€').
EURO_UNITS: tuple[tuple[str, float], ...] = (
    (r"milj(?:oon(?:aa|an|illa|ista|ia))?\.?\s*(?:euro\w*|€|eur\b)", 1e6), (r"M€", 1e6),
    (r"mrd\.?\s*(?:euro\w*|€)|miljardia?\s*euro\w*", 1e9),
    (r"tuhat(?:ta)?\s*euro\w*|tuhannen\s*euro\w*|t€|k€", 1e3),
    (r"€(?::\w+)?|euro(?:a|n|lla|lle|sta|on|ksi|t|ja|ineen|issa|ista|ihin)?\b|EUR\b", 1.0),
)
