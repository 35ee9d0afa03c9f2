"""Write the bundled sample documents in data/raw/ (and their .gold.json), deterministically.

`make demo` must work on a fresh clone without ../shared, so the repository carries four small
minutes documents that we wrote ourselves: real municipality names, invented people, numbers and
decisions. Each imitates what a publishing system really emits, because that is what the parser
has to survive:

- CloudNC/CaseM-style PDF (Ylöjärvi): running header 'Ylöjärven kaupunki  Pöytäkirja 4/2026  2 (4)',
  page-1 attendee lists and a 'Käsitellyt asiat' list that are not items, items flowing over pages,
  headings on lines of their own, a roll-call vote, a recusal, a returned and a noted item.
- KTweb-style PDF (Mäntsälä): margin headings (heading at x=50pt, its text at x=160pt on the same
  line), names printed surname first, times with dots, 'Dnro' prefix, a history line, a tabled item.
- KTweb HTML export (Kangasala) in windows-1252 declared in a meta tag, with €, en dashes and curly
  quotes, headings as table cells, 'Valmistelija / lisätiedot' and 'Kaupunginjohtajan ehdotus'.
- Swedish protocol PDF (Närpes): PROTOKOLL, Beredare, Föredragande, Beslutsförslag, Beslut, Bilagor,
  Jäv.

Content is defined once as records below; the renderers lay it out and the gold writer derives the
`.gold.json` (format: ../shared/corpus/README.md) from the same records, with the pages on which
the renderer actually placed each section, so `minutes eval data/raw` has an exact answer key.

Run: `.venv/bin/python scripts/make_samples.py [OUT_DIR]` (default data/raw). The output is
byte-for-byte stable for a given fpdf2 and matplotlib version: fixed creation date and producer,
and the DejaVu Sans font that ships inside matplotlib (a dev dependency), not a system font.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# after the path is set for a direct run
from scripts.docwriter import gold as answer  # noqa: E402
from scripts.docwriter.html import encode, esc  # noqa: E402
from scripts.docwriter.pdf import DocPdf, with_page_total  # noqa: E402
from scripts.docwriter.people import Person  # noqa: E402
from scripts.docwriter.printed import fi_date  # noqa: E402

DEFAULT_OUT = ROOT / "data" / "raw"
PRODUCER = "fi-minutes scripts/make_samples.py"


# --- records: the content of a sample, written once ---------------------------------------------


@dataclass(frozen=True)
class Section:
    """One section of an item as printed; ``heading`` None is the untitled selostus."""

    kind: str
    heading: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    role: str  # valmistelija | esittelija
    title: str | None
    name: str  # always 'Etunimi Sukunimi'
    email: str | None = None


@dataclass(frozen=True)
class Item:
    number: int
    title: str
    diary: str | None
    sections: tuple[Section, ...]
    roles: tuple[Role, ...]
    outcome: str
    history: tuple[str, ...] = ()
    votes: tuple[dict, ...] = ()
    recusals: tuple[dict, ...] = ()


@dataclass(frozen=True)
class Labels:
    """Page-1 and header words in the document's language."""

    minutes: str = "Pöytäkirja"
    time: str = "Kokousaika"
    place: str = "Kokouspaikka"
    members: str = "Saapuvilla olleet jäsenet"
    others: str = "Muut saapuvilla olleet"
    absent: str = "Poissa"
    handled: str = "Käsitellyt asiat"
    signatures: str = "Allekirjoitukset"
    checking: str = "Pöytäkirjan tarkastus"
    checked: str = "Pöytäkirja on tarkastettu ja hyväksytty"
    public: str = "Pöytäkirjan nähtävänäolo"
    public_text: str = "Yleisessä tietoverkossa"
    clock: str = "klo"


SWEDISH = Labels(
    minutes="Protokoll", time="Sammanträdestid", place="Plats", members="Närvarande ledamöter",
    others="Övriga närvarande", absent="Frånvarande", handled="Behandlade ärenden",
    signatures="Underskrifter", checking="Protokolljustering", checked="Protokollet har justerats",
    public="Framläggande", public_text="I det allmänna datanätet", clock="kl.",
)


@dataclass(frozen=True)
class Sample:
    stem: str
    layout: str
    layout_name: str
    language: str
    printed_municipality: str  # as in the running header: 'Ylöjärven kaupunki'
    municipality: str  # Finnish form, as in reference/municipalities.csv
    municipality_code: str
    body: str
    date: dt.date
    number: str
    place: str
    start: str  # printed form
    end: str
    members: tuple[Person, ...]
    others: tuple[Person, ...]
    absent: tuple[Person, ...]
    items: tuple[Item, ...]
    secretary: Person
    checkers: tuple[Person, ...]
    web: str
    footer: str
    labels: Labels = field(default_factory=Labels)

    @property
    def chair(self) -> Person:
        return self.members[0]


def sec(kind: str, heading: str | None, *paragraphs: str) -> Section:
    return Section(kind, heading, paragraphs)


# --- content -------------------------------------------------------------------------------------

YLO_ESITTELIJA = sec("esittelija", "Esittelijä", "Sivistysjohtaja Katja Viitanen")
YLO_ESITTELIJA_ROLE = Role("esittelija", "Sivistysjohtaja", "Katja Viitanen")

YLOJARVI = Sample(
    stem="ylojarvi_sivistyslautakunta_2026-03-17", layout="L1", layout_name="cloudnc", language="fi",
    printed_municipality="Ylöjärven kaupunki", municipality="Ylöjärvi", municipality_code="980",
    body="Sivistyslautakunta", date=dt.date(2026, 3, 17), number="4/2026",
    place="Kaupungintalo, kokoushuone Siivikkala", start="18:00", end="19:45",
    members=(
        Person("Hanna", "Lahtinen", "puheenjohtaja", "puheenjohtaja"),
        Person("Petri", "Ojala", "varapuheenjohtaja", "varapuheenjohtaja"),
        Person("Minna", "Kivelä"), Person("Jussi", "Rantanen"), Person("Sari", "Lehtola"),
        Person("Timo", "Alanko"), Person("Eeva", "Kallioniemi"), Person("Markus", "Heinonen"),
        Person("Riikka", "Salmela", "varajäsen", "varajasen"),
    ),
    others=(
        Person("Katja", "Viitanen", "esittelijä", "esittelija", "sivistysjohtaja"),
        Person("Laura", "Hietala", "pöytäkirjanpitäjä", "poytakirjanpitaja", "hallintosihteeri"),
        Person("Olli", "Mäkelä", "kaupunginhallituksen edustaja", "muu"),
    ),
    absent=(Person("Aki", "Nurmi", "jäsen"),),
    secretary=Person("Laura", "Hietala", "pöytäkirjanpitäjä", "poytakirjanpitaja"),
    checkers=(Person("Minna", "Kivelä"), Person("Jussi", "Rantanen")),
    web="www.ylojarvi.fi",
    footer="Ylöjärven kaupunki · PL 22, 33471 Ylöjärvi · kirjaamo@ylojarvi.fi",
    items=(
        Item(12, "Kokouksen laillisuus ja päätösvaltaisuus", None, (
            sec("selostus", None,
                "Kokouskutsu esityslistoineen on lähetetty lautakunnan jäsenille sähköisesti 11.3.2026. "
                "Hallintosäännön mukaan lautakunta on päätösvaltainen, kun enemmän kuin puolet jäsenistä "
                "on saapuvilla."),
            YLO_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Kokous todetaan laillisesti koolle kutsutuksi ja päätösvaltaiseksi."),
            sec("paatos", "Päätös", "Hyväksyttiin."),
        ), (YLO_ESITTELIJA_ROLE,), "hyvaksytty"),
        Item(13, "Perusopetuksen oppilaaksiottoalueet lukuvuodesta 2026–2027 alkaen", "118/12.01.00/2026", (
            sec("valmistelija", "Valmistelija",
                "Opetuspäällikkö Anne Koskela, puh. 050 385 4471, anne.koskela@ylojarvi.fi"),
            sec("selostus", None,
                "Kaupungin perusopetuksessa oppilaalle osoitetaan lähikoulu oppilaaksiottoalueiden "
                "perusteella. Nykyiset alueet on vahvistettu vuonna 2021. Soppeenharjun ja Siivikkalan "
                "alueiden oppilasmäärät ovat sen jälkeen kasvaneet niin, että Soppeenharjun koulun "
                "opetustilat eivät riitä lukuvuodesta 2026–2027 alkaen.",
                "Valmistelussa on verrattu kolmea vaihtoehtoa. Esitettävässä vaihtoehdossa Vahannan "
                "asuinalue siirretään Soppeenharjun koulun alueelta Siivikkalan koulun alueelle. Muutos "
                "koskee arviolta 46 oppilasta, joista jo koulua käyvät oppilaat voivat jatkaa nykyisessä "
                "koulussaan. Koulukuljetusten lisäkustannukseksi arvioidaan 18 500 euroa vuodessa.",
                "Huoltajilta pyydettiin palautetta 2.–16.2.2026. Palautetta saatiin 132 kappaletta, ja "
                "niistä on laadittu yhteenveto."),
            sec("liitteet", "Liitteet", "Liite 1 Oppilaaksiottoalueiden kartta 2026–2027",
                "Liite 2 Yhteenveto huoltajien palautteesta"),
            YLO_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Sivistyslautakunta päättää vahvistaa perusopetuksen oppilaaksiottoalueet lukuvuodesta "
                "2026–2027 alkaen liitteen 1 mukaisesti."),
            sec("kasittely", "Käsittely",
                "Timo Alanko ehdotti Markus Heinosen kannattamana, että Vahannan asuinalue pidetään "
                "Soppeenharjun koulun alueella ja tilatarve ratkaistaan väistötiloilla. Puheenjohtaja "
                "totesi, että oli tehty päätösehdotuksesta poikkeava kannatettu ehdotus, joten asiasta on "
                "äänestettävä. Äänestystavaksi hyväksyttiin nimenhuutoäänestys, jossa päätösehdotusta "
                "kannattavat äänestävät JAA ja Alangon ehdotusta kannattavat EI.",
                "Nimenhuutoäänestyksessä annettiin 6 JAA-ääntä (Hanna Lahtinen, Petri Ojala, Minna "
                "Kivelä, Jussi Rantanen, Sari Lehtola, Riikka Salmela) ja 3 EI-ääntä (Timo Alanko, Eeva "
                "Kallioniemi, Markus Heinonen). Puheenjohtaja totesi lautakunnan hyväksyneen "
                "päätösehdotuksen äänin 6–3."),
            sec("paatos", "Päätös", "Sivistyslautakunta hyväksyi päätösehdotuksen äänin 6–3."),
            sec("tiedoksi", "Tiedoksi", "Perusopetuksen rehtorit, koulukuljetukset"),
        ), (Role("valmistelija", "Opetuspäällikkö", "Anne Koskela", "anne.koskela@ylojarvi.fi"),
            YLO_ESITTELIJA_ROLE), "hyvaksytty",
            votes=({"jaa": 6, "ei": 3, "tyhja": 0, "poissa": 0,
                    "jaa_names": ["Hanna Lahtinen", "Petri Ojala", "Minna Kivelä", "Jussi Rantanen",
                                  "Sari Lehtola", "Riikka Salmela"],
                    "ei_names": ["Timo Alanko", "Eeva Kallioniemi", "Markus Heinonen"]},)),
        Item(14, "Yleisavustus Vahannan Voima ry:lle vuodelle 2026", "97/02.05.01/2026", (
            sec("valmistelija", "Valmistelija",
                "Vapaa-aikapäällikkö Juha Mattila, puh. 040 133 5290, juha.mattila@ylojarvi.fi"),
            sec("selostus", None,
                "Vahannan Voima ry hakee 12 000 euron yleisavustusta junioritoiminnan "
                "valmentajakoulutukseen ja salivuokriin vuodelle 2026. Yhdistyksessä harrastaa 214 alle "
                "20-vuotiasta.",
                "Avustus myönnetään lautakunnan hyväksymien avustusperiaatteiden mukaisesti. "
                "Talousarviossa yleisavustuksiin on varattu 85 000 euroa, josta on myönnetty 41 500 "
                "euroa. Hakemuksen ja toimintasuunnitelman perusteella avustukseksi esitetään 9 000 "
                "euroa."),
            YLO_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Sivistyslautakunta päättää myöntää Vahannan Voima ry:lle 9 000 euron yleisavustuksen "
                "vuodelle 2026."),
            sec("kasittely", "Käsittely",
                "Jussi Rantanen ilmoitti olevansa esteellinen (yhteisöjäävi) Vahannan Voima ry:n "
                "hallituksen jäsenenä ja poistui kokouksesta asian käsittelyn ajaksi."),
            sec("paatos", "Päätös", "Hyväksyttiin."),
            sec("tiedoksi", "Tiedoksi", "Vahannan Voima ry, talouspalvelut"),
        ), (Role("valmistelija", "Vapaa-aikapäällikkö", "Juha Mattila", "juha.mattila@ylojarvi.fi"),
            YLO_ESITTELIJA_ROLE), "hyvaksytty",
            recusals=({"name": "Jussi Rantanen", "role": "jäsen",
                       "note": "Jussi Rantanen ilmoitti olevansa esteellinen (yhteisöjäävi) Vahannan "
                               "Voima ry:n hallituksen jäsenenä ja poistui kokouksesta asian "
                               "käsittelyn ajaksi."},)),
        Item(15, "Kirjastoauton hankinta", "64/02.07.01/2026", (
            sec("valmistelija", "Valmistelija",
                "Kirjastotoimenjohtaja Pirjo Haavisto, puh. 044 486 1920, pirjo.haavisto@ylojarvi.fi"),
            sec("selostus", None,
                "Nykyinen kirjastoauto on otettu käyttöön vuonna 2011, ja sen korjauskustannukset ovat "
                "kasvaneet viime vuosina. Vuoden 2026 investointiosaan on varattu 420 000 euroa uuden "
                "auton hankintaan.",
                "Hankinta toteutettaisiin yhteishankintana Nokian kaupungin kanssa. Valmistelussa on "
                "selvitetty myös vaihtoehto, jossa kirjastoauton reittejä supistetaan ja palvelu "
                "korvataan lainausautomaateilla kyläkouluilla. Vaihtoehtojen käyttökustannuksia ei ole "
                "vielä verrattu."),
            YLO_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Sivistyslautakunta päättää käynnistää uuden kirjastoauton hankinnan yhteishankintana "
                "Nokian kaupungin kanssa ja oikeuttaa kirjastotoimenjohtajan valmistelemaan "
                "tarjouspyynnön."),
            sec("kasittely", "Käsittely",
                "Sari Lehtola ehdotti Petri Ojalan kannattamana, että asia palautetaan uudelleen "
                "valmisteltavaksi siten, että vaihtoehtojen käyttökustannukset selvitetään kymmenen "
                "vuoden ajalta. Lautakunta hyväksyi palautusehdotuksen yksimielisesti."),
            sec("paatos", "Päätös", "Asia palautettiin uudelleen valmisteltavaksi."),
        ), (Role("valmistelija", "Kirjastotoimenjohtaja", "Pirjo Haavisto", "pirjo.haavisto@ylojarvi.fi"),
            YLO_ESITTELIJA_ROLE), "palautettu"),
        Item(16, "Talousarvion toteutuminen 1.1.–28.2.2026", "31/02.02.02/2026", (
            sec("valmistelija", "Valmistelija",
                "Talouspäällikkö Mervi Lindqvist, puh. 050 412 7783, mervi.lindqvist@ylojarvi.fi"),
            sec("selostus", None,
                "Sivistyspalvelujen toimintakulut olivat tammi–helmikuussa 14,2 miljoonaa euroa, mikä on "
                "16,1 prosenttia koko vuoden määrärahasta. Tasaisen kertymän mukainen osuus olisi 16,7 "
                "prosenttia. Toimintatuotot toteutuivat arvioidusti.",
                "Varhaiskasvatuksen henkilöstökulut ylittävät arvion sijaiskulujen vuoksi. Ylitystä "
                "seurataan, ja siihen palataan huhtikuun raportissa."),
            sec("liitteet", "Liitteet", "Talousarvion toteumaraportti 28.2.2026"),
            YLO_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Sivistyslautakunta merkitsee tiedoksi talousarvion toteutumisen ajalta 1.1.–28.2.2026."),
            sec("paatos", "Päätös", "Sivistyslautakunta merkitsi talousarvion toteutumisen tiedoksi."),
        ), (Role("valmistelija", "Talouspäällikkö", "Mervi Lindqvist", "mervi.lindqvist@ylojarvi.fi"),
            YLO_ESITTELIJA_ROLE), "merkitty_tiedoksi"),
    ),
)

MAN_ESITTELIJA = sec("esittelija", "Esittelijä", "Tekninen johtaja Saarela Kimmo")
MAN_ESITTELIJA_ROLE = Role("esittelija", "Tekninen johtaja", "Kimmo Saarela")

MANTSALA = Sample(
    stem="mantsala_tekninen_lautakunta_2026-02-10", layout="L2", layout_name="tweb", language="fi",
    printed_municipality="Mäntsälän kunta", municipality="Mäntsälä", municipality_code="505",
    body="Tekninen lautakunta", date=dt.date(2026, 2, 10), number="2/2026",
    place="Kunnantalo, Aurora-sali", start="17.00", end="18.30",
    members=(
        Person("Aino", "Virtanen", "puheenjohtaja", "puheenjohtaja"),
        Person("Jari", "Koskinen", "varapuheenjohtaja", "varapuheenjohtaja"),
        Person("Tiina", "Hämäläinen"), Person("Peter", "Lindroos"), Person("Markku", "Salonen"),
        Person("Helena", "Nyström"), Person("Ville", "Ahola", "varajäsen", "varajasen"),
    ),
    others=(
        Person("Kimmo", "Saarela", "esittelijä", "esittelija", "tekninen johtaja"),
        Person("Sanna", "Peltonen", "pöytäkirjanpitäjä", "poytakirjanpitaja", "hallintosihteeri"),
        Person("Esa", "Rautio", "kunnanhallituksen edustaja", "muu"),
    ),
    absent=(Person("Anna", "Järvinen", "jäsen"),),
    secretary=Person("Sanna", "Peltonen", "pöytäkirjanpitäjä", "poytakirjanpitaja"),
    checkers=(Person("Tiina", "Hämäläinen"), Person("Peter", "Lindroos")),
    web="www.mantsala.fi",
    footer="Mäntsälän kunta  |  Tekninen toimiala  |  kirjaamo@mantsala.fi",
    items=(
        Item(8, "Katuvalaistuksen LED-saneerauksen ensimmäisen vaiheen urakka", "45/10.03.02/2026", (
            sec("valmistelija", "Valmistelija",
                "Kuntatekniikan päällikkö Laaksonen Mikko, puh. 040 314 5566, mikko.laaksonen@mantsala.fi"),
            sec("selostus", None,
                "Kunnan katuvalaistuksessa on noin 2 900 elohopea- ja suurpainenatriumvalaisinta, jotka "
                "vaihdetaan LED-valaisimiin vuosina 2026–2028. Ensimmäisen vaiheen urakkaan kuuluvat "
                "keskustan ja Kaunismäen alueen 960 valaisinta. Vaiheen määräraha on 540 000 euroa.",
                "Urakasta saatiin määräaikaan mennessä viisi tarjousta. Valintaperusteena oli halvin "
                "hinta. Edullisimman hyväksyttävän tarjouksen teki Valopolku Oy, 468 300 euroa "
                "(alv 0 %)."),
            sec("liitteet", "Liitteet", "Tarjousten vertailu"),
            MAN_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Tekninen lautakunta päättää hyväksyä Valopolku Oy:n tarjouksen katuvalaistuksen "
                "LED-saneerauksen ensimmäisen vaiheen urakasta ja oikeuttaa teknisen johtajan "
                "allekirjoittamaan urakkasopimuksen."),
            sec("paatos", "Päätös", "Hyväksyttiin."),
            sec("tiedoksi", "Tiedoksi", "Tarjoajat, kuntatekniikka"),
        ), (Role("valmistelija", "Kuntatekniikan päällikkö", "Mikko Laaksonen", "mikko.laaksonen@mantsala.fi"),
            MAN_ESITTELIJA_ROLE), "hyvaksytty"),
        Item(9, "Lausunto Etelä-Mäntsälän osayleiskaavaluonnoksesta", "12/10.02.03/2026", (
            sec("valmistelija", "Valmistelija",
                "Kaavoituspäällikkö Rinne Outi, puh. 040 314 5120, outi.rinne@mantsala.fi"),
            sec("selostus", None,
                "Kunnanhallitus pyytää teknisen lautakunnan lausuntoa osayleiskaavaluonnoksesta 27.2.2026 "
                "mennessä. Kaava-alue käsittää noin 38 neliökilometriä moottoritien ja rautatien välissä.",
                "Tekninen toimiala katsoo, että luonnoksessa osoitetut uudet asuinalueet tukeutuvat "
                "olemassa olevaan vesihuoltoverkostoon. Kevyen liikenteen yhteys Hyökkälän ja keskustan "
                "välillä tulee osoittaa kaavassa ensisijaisena hankkeena."),
            MAN_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Tekninen lautakunta päättää antaa selostuksen mukaisen lausunnon Etelä-Mäntsälän "
                "osayleiskaavaluonnoksesta."),
            sec("kasittely", "Käsittely",
                "Peter Lindroos ehdotti Tiina Hämäläisen kannattamana, että lausuntoon lisätään kappale: "
                "Kaavassa tulee varata riittävät alueet hulevesien viivyttämiselle. Lautakunta hyväksyi "
                "lisäyksen yksimielisesti."),
            sec("paatos", "Päätös",
                "Tekninen lautakunta antoi selostuksen mukaisen lausunnon käsittelyssä hyväksytyllä "
                "lisäyksellä täydennettynä."),
            sec("tiedoksi", "Tiedoksi", "Kunnanhallitus"),
        ), (Role("valmistelija", "Kaavoituspäällikkö", "Outi Rinne", "outi.rinne@mantsala.fi"),
            MAN_ESITTELIJA_ROLE), "hyvaksytty_muutettuna"),
        Item(10, "Valtuustoaloite koirapuiston perustamisesta Sälinkään", "188/10.03.00/2025", (
            sec("valmistelija", "Valmistelija",
                "Viheraluesuunnittelija Mäkinen Laura, puh. 040 314 5701, laura.makinen@mantsala.fi"),
            sec("selostus", None,
                "Valtuutettu Heikki Ranta ja 12 muuta valtuutettua ovat tehneet aloitteen koirapuiston "
                "perustamisesta Sälinkään kylän alueelle. Lautakunta pyysi 13.1.2026 selvityksen "
                "mahdollisista sijaintipaikoista.",
                "Selvityksessä on tarkasteltu kahta kunnan omistamaa aluetta. Aidatun, noin 2 000 "
                "neliömetrin koirapuiston rakentamiskustannukset ovat 35 000–42 000 euroa ja vuotuiset "
                "ylläpitokustannukset noin 3 000 euroa. Hankkeelle ei ole varattu määrärahaa vuoden 2026 "
                "talousarviossa."),
            MAN_ESITTELIJA,
            sec("paatosehdotus", "Päätösehdotus",
                "Tekninen lautakunta esittää kunnanhallitukselle, että koirapuiston rakentaminen "
                "Sälinkään otetaan huomioon vuoden 2027 talousarvion valmistelussa ja aloite todetaan "
                "loppuun käsitellyksi."),
            sec("kasittely", "Käsittely",
                "Markku Salonen ehdotti Helena Nyströmin kannattamana, että asia jätetään pöydälle, jotta "
                "sijaintivaihtoehdoista kuullaan Sälinkään kyläyhdistystä. Pöydällepanoehdotus "
                "hyväksyttiin yksimielisesti."),
            sec("paatos", "Päätös", "Asia jätettiin pöydälle."),
        ), (Role("valmistelija", "Viheraluesuunnittelija", "Laura Mäkinen", "laura.makinen@mantsala.fi"),
            MAN_ESITTELIJA_ROLE), "poydatty", history=("Tela 13.01.2026 § 3",)),
    ),
)

KAN_ESITTELIJA = sec("esittelija", "Esittelijä", "Kaupunginjohtaja Antti Honkanen")
KAN_ESITTELIJA_ROLE = Role("esittelija", "Kaupunginjohtaja", "Antti Honkanen")

KANGASALA = Sample(
    stem="kangasala_kaupunginhallitus_2026-03-09", layout="L8", layout_name="html", language="fi",
    printed_municipality="Kangasalan kaupunki", municipality="Kangasala", municipality_code="211",
    body="Kaupunginhallitus", date=dt.date(2026, 3, 9), number="3/2026",
    place="Kunnantalo, kaupunginhallituksen kokoushuone", start="16.00", end="18.10",
    members=(
        Person("Tuomas", "Lehto", "puheenjohtaja", "puheenjohtaja"),
        Person("Marja", "Helenius", "1. varapuheenjohtaja", "varapuheenjohtaja"),
        Person("Kalle", "Vuorinen", "2. varapuheenjohtaja", "varapuheenjohtaja"),
        Person("Sanna", "Ketola"), Person("Ilkka", "Aaltonen"), Person("Paula", "Rajala"),
        Person("Jorma", "Saari"), Person("Heli", "Nieminen", "varajäsen", "varajasen"),
    ),
    others=(
        Person("Antti", "Honkanen", "esittelijä", "esittelija", "kaupunginjohtaja"),
        Person("Merja", "Karhu", "pöytäkirjanpitäjä", "poytakirjanpitaja", "hallintojohtaja"),
        Person("Veikko", "Laine", "kaupunginvaltuuston puheenjohtaja", "muu"),
    ),
    absent=(Person("Riitta", "Söderholm", "jäsen"),),
    secretary=Person("Merja", "Karhu", "pöytäkirjanpitäjä", "poytakirjanpitaja"),
    checkers=(Person("Sanna", "Ketola"), Person("Jorma", "Saari")),
    web="www.kangasala.fi", footer="",
    items=(
        Item(41, "Lisämääräraha Lamminrahkan koulun piha-alueen rakentamiseen", "KANDno-2026-184", (
            sec("valmistelija", "Valmistelija / lisätiedot",
                "Rakennuttajapäällikkö Timo Kangas, puh. 040 133 6120, timo.kangas@kangasala.fi"),
            sec("selostus", None,
                "Investointihankkeen “Lamminrahkan koulu, piha-alue” urakkatarjoukset ylittivät "
                "investointiosaan varatun 650 000 €:n määrärahan. Edullisin hyväksyttävä tarjous oli "
                "742 800 € (alv 0 %).",
                "Ylitys johtuu pääosin hulevesijärjestelmän laajentamisesta, jota rakennuslupa "
                "edellyttää. Lisämäärärahaksi esitetään 95 000 € – summa sisältää 2 200 €:n varauksen "
                "ennakoimattomiin töihin."),
            KAN_ESITTELIJA,
            sec("paatosehdotus", "Kaupunginjohtajan ehdotus",
                "Kaupunginhallitus esittää kaupunginvaltuustolle, että Lamminrahkan koulun piha-alueen "
                "rakentamiseen myönnetään 95 000 €:n lisämääräraha vuoden 2026 investointiosaan."),
            sec("paatos", "Päätös", "Hyväksyttiin."),
        ), (Role("valmistelija", "Rakennuttajapäällikkö", "Timo Kangas", "timo.kangas@kangasala.fi"),
            KAN_ESITTELIJA_ROLE), "hyvaksytty"),
        Item(42, "Kaupungin edustajan nimeäminen Vatialan Energia Oy:n yhtiökokoukseen", "KANDno-2026-201", (
            sec("selostus", None,
                "Vatialan Energia Oy:n varsinainen yhtiökokous pidetään 8.4.2026. Kaupungin omistusosuus "
                "yhtiöstä on 34 %. Omistajaohjauksen periaatteiden mukaan kaupunginhallitus nimeää "
                "kaupungin edustajan yhtiökokouksiin."),
            KAN_ESITTELIJA,
            sec("paatosehdotus", "Kaupunginjohtajan ehdotus",
                "Kaupunginhallitus nimeää kaupungin edustajaksi yhtiökokoukseen talousjohtaja Leena "
                "Vainion ja varalle kaupunginjohtaja Antti Honkasen."),
            sec("kasittely", "Käsittely",
                "Marja Helenius ehdotti Ilkka Aaltosen kannattamana, että edustajaksi nimetään "
                "kaupunginhallituksen jäsen Sanna Ketola. Kaupunginjohtaja muutti ehdotustaan Heleniuksen "
                "ehdotuksen mukaiseksi."),
            sec("paatos", "Päätös",
                "Kaupunginhallitus nimesi kaupungin edustajaksi yhtiökokoukseen Sanna Ketolan ja varalle "
                "kaupunginjohtaja Antti Honkasen."),
        ), (KAN_ESITTELIJA_ROLE,), "hyvaksytty_muutettuna"),
        Item(43, "Kuntalaisaloitteet vuonna 2025", "KANDno-2026-96", (
            sec("valmistelija", "Valmistelija / lisätiedot",
                "Hallintojohtaja Merja Karhu, puh. 040 133 6002, merja.karhu@kangasala.fi"),
            sec("selostus", None,
                "Kuntalain 23 §:n mukaan valtuustolle on vuosittain ilmoitettava aloitteet ja niiden "
                "johdosta tehdyt toimenpiteet. Vuonna 2025 kaupunkiin jätettiin 37 kuntalaisaloitetta, "
                "joista 29 on käsitelty loppuun. Kahdeksan aloitteen käsittely jatkuu vuonna 2026 – "
                "niistä viisi koskee liikennejärjestelyjä."),
            sec("liitteet", "Liitteet", "Luettelo kuntalaisaloitteista 2025"),
            KAN_ESITTELIJA,
            sec("paatosehdotus", "Kaupunginjohtajan ehdotus",
                "Kaupunginhallitus merkitsee selvityksen tiedoksi ja saattaa sen kaupunginvaltuuston "
                "tietoon."),
            sec("paatos", "Päätös",
                "Kaupunginhallitus merkitsi selvityksen tiedoksi ja päätti saattaa sen "
                "kaupunginvaltuuston tietoon."),
        ), (Role("valmistelija", "Hallintojohtaja", "Merja Karhu", "merja.karhu@kangasala.fi"),
            KAN_ESITTELIJA_ROLE), "merkitty_tiedoksi"),
    ),
)

NAR_FOREDRAGANDE = sec("esittelija", "Föredragande", "Bildningsdirektör Henrik Söderberg")
NAR_FOREDRAGANDE_ROLE = Role("esittelija", "Bildningsdirektör", "Henrik Söderberg")

NARPES = Sample(
    stem="narpes_bildningsnamnden_2026-02-24", layout="L7", layout_name="swedish", language="sv",
    printed_municipality="Närpes stad", municipality="Närpiö", municipality_code="545",
    body="Bildningsnämnden", date=dt.date(2026, 2, 24), number="2/2026",
    place="Stadshuset, sammanträdesrum 3", start="18:00", end="19:10", labels=SWEDISH,
    members=(
        Person("Mats", "Backlund", "ordförande", "puheenjohtaja"),
        Person("Lena", "Granqvist", "vice ordförande", "varapuheenjohtaja"),
        Person("Anna", "Sjöholm", "ledamot"), Person("Johan", "Nyholm", "ledamot"),
        Person("Camilla", "Ehrs", "ledamot"), Person("Patrik", "Mård", "ledamot"),
        Person("Sofia", "Lindén", "ersättare", "varajasen"),
    ),
    others=(
        Person("Henrik", "Söderberg", "föredragande", "esittelija", "bildningsdirektör"),
        Person("Maria", "Lassus", "protokollförare", "poytakirjanpitaja", "förvaltningssekreterare"),
    ),
    absent=(Person("Tomas", "Kull", "ledamot"),),
    secretary=Person("Maria", "Lassus", "protokollförare", "poytakirjanpitaja"),
    checkers=(Person("Johan", "Nyholm"), Person("Camilla", "Ehrs")),
    web="www.narpes.fi", footer="Närpes stad · Kyrkvägen 18, 64200 Närpes · registratur@narpes.fi",
    items=(
        Item(14, "Arbetsplan för den grundläggande utbildningen läsåret 2026–2027", "41/12.01.01/2026", (
            sec("valmistelija", "Beredare",
                "Skoldirektör Eva Storbacka, tfn 050 551 2190, eva.storbacka@narpes.fi"),
            sec("selostus", None,
                "Enligt förordningen om grundläggande utbildning ska varje skola göra upp en arbetsplan "
                "för läsåret. Arbetsplanen innehåller bland annat läsårets arbetsdagar, timfördelningen "
                "och skolans verksamhet utöver undervisningen.",
                "Höstterminen börjar onsdagen den 12 augusti 2026 och vårterminen slutar lördagen den 29 "
                "maj 2027. Antalet arbetsdagar är 188."),
            sec("liitteet", "Bilagor", "Arbetsplan 2026–2027"),
            NAR_FOREDRAGANDE,
            sec("paatosehdotus", "Beslutsförslag",
                "Bildningsnämnden godkänner arbetsplanen för den grundläggande utbildningen läsåret "
                "2026–2027 enligt bilagan."),
            sec("paatos", "Beslut", "Godkändes."),
        ), (Role("valmistelija", "Skoldirektör", "Eva Storbacka", "eva.storbacka@narpes.fi"),
            NAR_FOREDRAGANDE_ROLE), "hyvaksytty"),
        Item(15, "Verksamhetsbidrag till Närpes Ungdomsförening r.f. för år 2026", "27/02.05.01/2026", (
            sec("valmistelija", "Beredare",
                "Fritidschef Kim Rönnqvist, tfn 050 551 2245, kim.ronnqvist@narpes.fi"),
            sec("selostus", None,
                "Föreningen ansöker om 6 500 euro i verksamhetsbidrag för ungdomsverksamhet under år "
                "2026. I budgeten har reserverats 48 000 euro för verksamhetsbidrag, varav 17 200 euro "
                "har beviljats."),
            NAR_FOREDRAGANDE,
            sec("paatosehdotus", "Beslutsförslag",
                "Bildningsnämnden beviljar Närpes Ungdomsförening r.f. 5 000 euro i verksamhetsbidrag "
                "för år 2026."),
            sec("muu", "Jäv",
                "Anna Sjöholm anmälde jäv (styrelseledamot i föreningen) och avlägsnade sig från "
                "sammanträdet under behandlingen av ärendet."),
            sec("paatos", "Beslut", "Godkändes."),
            sec("tiedoksi", "För kännedom", "Föreningen, ekonomiavdelningen"),
        ), (Role("valmistelija", "Fritidschef", "Kim Rönnqvist", "kim.ronnqvist@narpes.fi"),
            NAR_FOREDRAGANDE_ROLE), "hyvaksytty",
            recusals=({"name": "Anna Sjöholm", "role": "ledamot",
                       "note": "Anna Sjöholm anmälde jäv (styrelseledamot i föreningen) och avlägsnade "
                               "sig från sammanträdet under behandlingen av ärendet."},)),
    ),
)

SAMPLES: tuple[Sample, ...] = (YLOJARVI, MANTSALA, KANGASALA, NARPES)


# --- PDF rendering -------------------------------------------------------------------------------


@dataclass
class Placement:
    """Pages on which the renderer put each item and section, for the gold file."""

    item_pages: dict[int, list[int]] = field(default_factory=dict)
    section_pages: dict[tuple[int, int], int] = field(default_factory=dict)
    pages: int = 0


class MinutesPdf(DocPdf):
    """A4 in points with a running header and footer drawn on every page; paragraphs flow over
    pages by fpdf2's automatic breaks."""

    LEFT = 57.0
    TOP = 88.0
    BOTTOM = 62.0

    def __init__(self, sample: Sample, header: Callable[[MinutesPdf], None], total_pages: int = 0):
        super().__init__(unit="pt", faces=("", "B"), size=10.0, leading=12.5, producer=PRODUCER)
        self.sample = sample
        self.total_pages = total_pages
        self.page_header = header
        self.set_margins(self.LEFT, self.TOP, 50)
        self.set_auto_page_break(True, margin=self.BOTTOM)
        self.set_title(f"{sample.printed_municipality} {sample.body} {fi_date(sample.date)} "
                       f"{sample.labels.minutes} {sample.number}")
        self.set_author(sample.printed_municipality)
        self.set_lang(sample.language)
        self.placement = Placement()

    def header(self) -> None:
        super().header()
        self.font()
        self.set_xy(self.LEFT, self.TOP)

    def footer(self) -> None:
        if not self.sample.footer:
            return
        self.set_draw_color(120)
        self.line(self.LEFT, self.h - 48, self.w - 50, self.h - 48)
        self.font(size=7.5)
        self.text(self.LEFT, self.h - 36, self.sample.footer)


def page_number(pdf: MinutesPdf, x: float, baseline: float) -> None:
    """'n (N)', the total from the first rendering pass (``with_page_total``)."""
    pdf.text(x, baseline, f"{pdf.page_no()} ({pdf.total_pages or '?'})")


def running_header(title: str) -> Callable[[MinutesPdf], None]:
    """CloudNC/CaseM header: 'Municipality  Pöytäkirja 4/2026  n (N)' over 'Body  date'."""

    def draw(pdf: MinutesPdf) -> None:
        s = pdf.sample
        pdf.font(True, 10)
        pdf.text(pdf.LEFT, 42, s.printed_municipality)
        pdf.font(size=10)
        pdf.text(300, 42, f"{title} {s.number}")
        page_number(pdf, 480, 42)
        pdf.text(pdf.LEFT, 56, s.body)
        pdf.text(300, 56, fi_date(s.date))
        pdf.set_draw_color(120)
        pdf.line(pdf.LEFT, 64, pdf.w - 50, 64)

    return draw


def ktweb_header(pdf: MinutesPdf) -> None:
    """KTweb header: municipality and 'PÖYTÄKIRJA n/yyyy', body and date, page 'n (N)' at the right."""
    s = pdf.sample
    pdf.font(True, 11)
    pdf.text(50, 40, s.printed_municipality.upper())
    pdf.font(size=10)
    pdf.text(290, 40, f"PÖYTÄKIRJA {s.number}")
    page_number(pdf, 480, 40)
    pdf.text(290, 54, f"{s.body}  {fi_date(s.date)}")


def _page1_block(pdf: MinutesPdf, label_x: float, value_x: float, label: str, lines: list[str],
                 label_width: float) -> None:
    """A page-1 row: label at ``label_x`` (wrapping inside ``label_width``), values at ``value_x``."""
    pdf.need(pdf.leading * 2)
    y0 = pdf.get_y()
    pdf.set_xy(label_x, y0)
    pdf.font(bold=True)
    pdf.multi_cell(label_width, pdf.leading, label, align="L", new_x="LEFT", new_y="NEXT")
    label_end = pdf.get_y()
    pdf.set_xy(value_x, y0)
    for line in lines:
        pdf.paragraph(value_x, pdf.w - 50 - value_x, line)
    pdf.set_y(max(label_end, pdf.get_y()) + 6)


def _page1(pdf: MinutesPdf, label_x: float, value_x: float, surname_first: bool, time_sep: str) -> None:
    s, lab = pdf.sample, pdf.sample.labels
    width = value_x - label_x - 8
    pdf.font(True, 16)
    pdf.set_x(label_x)
    pdf.cell(0, 22, lab.minutes.upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.font(True, 12)
    pdf.set_x(label_x)
    pdf.cell(0, 18, s.body, new_x="LMARGIN", new_y="NEXT")
    pdf.gap(10)
    _page1_block(pdf, label_x, value_x, lab.time,
                 [f"{fi_date(s.date)} {lab.clock} {s.start}{time_sep}{s.end}"], width)
    _page1_block(pdf, label_x, value_x, lab.place, [s.place], width)
    _page1_block(pdf, label_x, value_x, lab.members, [p.printed(surname_first) for p in s.members], width)
    _page1_block(pdf, label_x, value_x, lab.others, [p.printed(surname_first) for p in s.others], width)
    _page1_block(pdf, label_x, value_x, lab.absent, [p.printed(surname_first) for p in s.absent], width)
    _page1_block(pdf, label_x, value_x, lab.handled, [f"§ {i.number}    {i.title}" for i in s.items], width)
    _page1_block(pdf, label_x, value_x, lab.signatures,
                 [f"{p.name(surname_first)}, {p.role}" for p in (s.chair, s.secretary)], width)
    checked = s.date + dt.timedelta(days=1)
    _page1_block(pdf, label_x, value_x, lab.checking,
                 [f"{lab.checked} {fi_date(checked)}",
                  "      ".join(p.name(surname_first) for p in s.checkers)], width)
    _page1_block(pdf, label_x, value_x, lab.public,
                 [f"{lab.public_text} {s.web} {fi_date(s.date + dt.timedelta(days=3))}"], width)


def render_cloudnc(sample: Sample, total_pages: int = 0) -> MinutesPdf:
    """Headings on lines of their own; items follow one another and may run over a page break."""
    pdf = MinutesPdf(sample, running_header(sample.labels.minutes), total_pages)
    pdf.add_page()
    _page1(pdf, pdf.LEFT, 210, surname_first=False, time_sep=" - ")
    pdf.add_page()
    text_x, text_w = 85.0, pdf.w - 50 - 85.0
    for item in sample.items:
        pdf.need(pdf.leading * 6)
        start = pdf.page_no()
        pdf.font(bold=True)
        y = pdf.get_y() + pdf.size
        pdf.text(pdf.LEFT, y, sample.body)
        pdf.text(300, y, f"§ {item.number}")
        pdf.text(400, y, fi_date(sample.date))
        pdf.set_y(pdf.get_y() + pdf.leading + 2)
        for line in ([item.diary] if item.diary else []) + list(item.history):
            pdf.paragraph(pdf.LEFT, text_w, line)
        pdf.gap(4)
        pdf.paragraph(pdf.LEFT, pdf.w - 50 - pdf.LEFT, item.title, bold=True, size=11.5)
        pdf.gap(8)
        for ordinal, section in enumerate(item.sections):
            pdf.need(pdf.leading * (3 if section.heading else 2))
            pdf.placement.section_pages[(item.number, ordinal)] = pdf.page_no()
            if section.heading:
                pdf.paragraph(text_x, text_w, section.heading, bold=True)
                pdf.gap(3)
            for paragraph in section.paragraphs:
                pdf.paragraph(text_x, text_w, paragraph)
                pdf.gap(pdf.leading * 0.7 if section.kind == "selostus" else 1)
            pdf.gap(8)
        pdf.placement.item_pages[item.number] = [start, pdf.page_no()]
        pdf.gap(10)
    return pdf


def render_ktweb(sample: Sample, total_pages: int = 0) -> MinutesPdf:
    """KTweb margin layout: heading at x=50 and its text at x=160 on the same line."""
    pdf = MinutesPdf(sample, ktweb_header, total_pages)
    pdf.set_left_margin(50)
    label_x, text_x = 50.0, 160.0
    text_w = pdf.w - 50 - text_x
    pdf.add_page()
    _page1(pdf, label_x, text_x, surname_first=True, time_sep=" - ")
    pdf.add_page()
    for item in sample.items:
        pdf.need(pdf.leading * 6)
        start = pdf.page_no()
        pdf.paragraph(label_x, pdf.w - 100, f"{sample.body} {fi_date(sample.date)} § {item.number}",
                        bold=True)
        for line in list(item.history):
            pdf.paragraph(label_x, text_w, line)
        if item.diary:
            pdf.paragraph(label_x, text_w, f"Dnro {item.diary}")
        pdf.gap(6)
        pdf.paragraph(label_x, pdf.w - 100, item.title, bold=True, size=11.5)
        pdf.gap(8)
        for ordinal, section in enumerate(item.sections):
            pdf.need(pdf.leading * 2)
            pdf.placement.section_pages[(item.number, ordinal)] = pdf.page_no()
            y0 = pdf.get_y()
            if section.heading:
                pdf.font(bold=True)
                pdf.text(label_x, y0 + pdf.size, section.heading)
            pdf.set_xy(text_x, y0)
            for index, paragraph in enumerate(section.paragraphs):
                if index:
                    pdf.gap(pdf.leading * 0.6)
                pdf.paragraph(text_x, text_w, paragraph)
            pdf.gap(pdf.leading * 0.8)
        pdf.placement.item_pages[item.number] = [start, pdf.page_no()]
        pdf.gap(16)
    return pdf


def render_pdf(sample: Sample) -> tuple[bytes, Placement]:
    """The PDF bytes and where each item and section went; the header's page total from a first pass."""
    render = render_ktweb if sample.layout_name == "tweb" else render_cloudnc
    pdf = with_page_total(lambda total: render(sample, total))
    pdf.placement.pages = pdf.page_no()
    return bytes(pdf.output()), pdf.placement


# --- HTML rendering (KTweb export, windows-1252) -------------------------------------------------


def render_html(sample: Sample) -> bytes:
    """A KTweb-style HTML export: tables with heading cells, windows-1252 declared in a meta tag."""
    s, lab = sample, sample.labels
    title = f"{s.printed_municipality} - {s.body} {s.date.day}.{s.date.month}.{s.date.year} - Pöytäkirja"
    out = [
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
        "<HTML>", "<HEAD>",
        '<META http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        f"<TITLE>{esc(title)}</TITLE>",
        '<STYLE type="text/css">td.ots{font-weight:bold;width:170px;vertical-align:top} '
        "td.asia{font-size:13pt;font-weight:bold} .dno{font-size:9pt}</STYLE>",
        "</HEAD>", "<BODY>",
        f'<TABLE width="100%"><TR><TD><B>{esc(s.printed_municipality.upper())}</B></TD>'
        f'<TD align="right">PÖYTÄKIRJA {s.number}</TD></TR></TABLE>',
        f"<H1>{esc(s.body)}</H1>",
        '<TABLE class="kokoustiedot" border="0" cellpadding="3">',
        f'<TR><TD class="ots">{lab.time}</TD><TD>{fi_date(s.date)} {lab.clock} {s.start}&nbsp;–&nbsp;{s.end}'
        "</TD></TR>",
        f'<TR><TD class="ots">{lab.place}</TD><TD>{esc(s.place)}</TD></TR>',
    ]
    for label, people in ((lab.members, s.members), (lab.others, s.others), (lab.absent, s.absent)):
        rows = "<BR>\n".join(esc(p.printed()) for p in people)
        out.append(f'<TR><TD class="ots">{label}</TD><TD>{rows}</TD></TR>')
    out += ["</TABLE>", f"<H2>{lab.handled}</H2>", '<TABLE class="asialista">']
    out += [f'<TR><TD><A href="#p{i.number}">§ {i.number}</A></TD><TD>{esc(i.title)}</TD></TR>'
            for i in s.items]
    out.append("</TABLE>")
    for item in s.items:
        out += ["<HR>", f'<A name="p{item.number}"></A>',
                '<TABLE class="asia" width="100%" border="0" cellpadding="4">',
                f'<TR><TD colspan="2" class="asia">{esc(s.body)} § {item.number} '
                f"{s.date.day}.{s.date.month}.{s.date.year}</TD></TR>"]
        if item.diary:
            out.append(f'<TR><TD colspan="2" class="dno">{esc(item.diary)}</TD></TR>')
        out.append(f'<TR><TD colspan="2"><H3>{esc(item.title)}</H3></TD></TR>')
        for section in item.sections:
            heading = esc(section.heading) if section.heading else "&nbsp;"
            body = "\n".join(f"<p>{esc(p)}</p>" for p in section.paragraphs)
            out.append(f'<TR><TD class="ots">{heading}</TD><TD>{body}</TD></TR>')
        out.append("</TABLE>")
    out += ["<HR>", f"<P>{lab.signatures}: {esc(s.chair.printed())}; {esc(s.secretary.printed())}</P>",
            "</BODY>", "</HTML>", ""]
    return encode("\r\n".join(out), "cp1252")


# --- gold ----------------------------------------------------------------------------------------


def gold(sample: Sample, file_name: str, placement: Placement | None) -> dict:
    """The answer key, with the pages on which the renderer placed each item and section."""
    items = []
    for item in sample.items:
        sections = [answer.section(s.kind, s.heading, s.paragraphs,
                                   **({"page": placement.section_pages[(item.number, k)]} if placement else {}))
                    for k, s in enumerate(item.sections)]
        paatos = [s for s in item.sections if s.kind == "paatos"]
        items.append(answer.item(
            item.number, item.title, item.diary, item.history, sections,
            [{"role": r.role, "title": r.title, "name": r.name, "email": r.email} for r in item.roles],
            item.outcome, paatos[0].paragraphs if paatos else None, item.recusals, item.votes,
            placement.item_pages[item.number] if placement else None))
    s = sample
    meeting = answer.meeting(s.body, s.date, s.number, s.place, s.start, s.end, s.members + s.others)
    return answer.minutes(file_name, s.layout, s.layout_name, s.language, s.municipality, s.municipality_code,
                          meeting, items, placement.pages if placement else None)


README = """\
# Sample documents (invented)

These four meeting-minutes documents were written for the fi-minutes project by
`scripts/make_samples.py`, so that `make demo` works on a fresh clone. The municipality names
are real; the people, e-mail addresses, phone numbers, amounts, associations, companies and
decisions are invented. They are not real minutes of these municipalities.

- `{ylo}.pdf`: CloudNC/CaseM-style minutes PDF. Running header,
  page-1 lists, headings on their own lines, a roll-call vote, a recusal, a returned item and a
  noted item.
- `{man}.pdf`: KTweb-style minutes PDF. Margin headings (heading at
  x≈50 pt, text at x≈160 pt), surname-first names, `Dnro`, times with dots, a history line, a
  tabled item.
- `{kan}.html`: KTweb HTML export in windows-1252 (declared in a
  meta tag) with €, en dashes and curly quotes; headings as table cells.
- `{nar}.pdf`: Swedish protocol PDF (Protokoll, Beredare,
  Föredragande, Beslutsförslag, Beslut, Bilagor, Jäv).
- `{goals}.txt` and `{followup}.txt`: a goals extract (units, goals, `Mittari:` lines) and its
  follow-up table (tab-separated cells with status words), so the goal views have rows. These
  two have no `.gold.json`: `minutes eval` scores minutes only.

Each minutes document has a `.gold.json` beside it in the format of `../shared/corpus/README.md`,
derived from the same source records (so `minutes eval data/raw` has an answer key).

Regenerate (byte-for-byte identical output for the same fpdf2 and matplotlib versions):

    .venv/bin/python scripts/make_samples.py
"""


# --- goals and their follow-up (plain text, as goal extracts and HTML tables come out) ------------

GOALS_STEM = "ylojarvi_sivistyslautakunta_tavoitteet_2025"
FOLLOWUP_STEM = "ylojarvi_sivistyslautakunta_tavoitteiden_toteutuminen_2025"

GOALS_TEXT = """Toiminnalliset tavoitteet 2025 / Sivistyslautakunta

Sivistyslautakunta 14.1.2025 § 5

Valmistelija

Sivistysjohtaja Aino Virtanen

Sivistyslautakunnan alaisten tehtäväalueiden toiminnalliset tavoitteet vuodelle 2025:

Perusopetus

Vahvistetaan lukutaitoa kaikissa kouluissa. Jokaiselle vuosiluokalle laaditaan lukemisen vuosikello.

Mittari:

Lukemisen vuosikello käytössä kaikissa kouluissa: kyllä/ei

Varhaiskasvatus

Lyhennetään varhaiskasvatuspaikan odotusaikaa. Otetaan käyttöön sähköinen hakemus ja sijoittelu.

Mittari: Keskimääräinen odotusaika alle kaksi kuukautta: kyllä/ei.

Kirjastopalvelut

Lisätään kirjaston aukioloa omatoimikirjastona. Laajennetaan omatoimiaukiolo kahteen lähikirjastoon.

Mittari:

Omatoimikirjastojen määrä kasvanut: kyllä/ei

Nuorisopalvelut

Kehitetään koulujen nuorisotyötä yhdessä oppilashuollon kanssa. Nuorisotyöntekijä on tavattavissa
viikoittain jokaisessa yläkoulussa.

Mittari:

Koulunuorisotyö käynnissä kaikissa yläkouluissa: kyllä/ei

Esittelijä

Sivistysjohtaja

Päätösehdotus

Sivistyslautakunta hyväksyy toiminnalliset tavoitteet vuodelle 2025.

Päätös

Ehdotus hyväksyttiin.
"""

FOLLOWUP_ROWS: tuple[tuple[str, ...], ...] = (
    ("Strategiakärjet", "Toiminnallinen tavoite", "Teko", "Mittarin tavoitetaso", "Toteutuma (toteutumisaste)",
     "Kommentointi"),
    ("Osaava ja hyvinvoiva kaupunki", "1. Vahvistetaan lukutaitoa kaikissa kouluissa",
     "1. Jokaiselle vuosiluokalle laaditaan lukemisen vuosikello.",
     "Mittari: Lukemisen vuosikello käytössä kaikissa kouluissa: kyllä/ei.", "Toteutunut",
     "Vuosikello otettiin käyttöön kaikissa kouluissa syksyllä."),
    ("", "2. Lyhennetään varhaiskasvatuspaikan odotusaikaa", "1. Otetaan käyttöön sähköinen hakemus ja sijoittelu.",
     "Mittari: Keskimääräinen odotusaika alle kaksi kuukautta: kyllä/ei.", "Osittain toteutunut",
     "Sähköinen hakemus otettiin käyttöön, odotusaika oli keskimäärin kolme kuukautta."),
    ("Elinvoimainen ja viihtyisä ympäristö", "1. Lisätään kirjaston aukioloa omatoimikirjastona",
     "1. Laajennetaan omatoimiaukiolo kahteen lähikirjastoon.",
     "Mittari: Omatoimikirjastojen määrä kasvanut: kyllä/ei.",
     "Ei toteutunut", "Laitehankinta siirtyi vuodelle 2026."),
    ("", "2. Kehitetään koulujen nuorisotyötä yhdessä oppilashuollon kanssa",
     "1. Nuorisotyöntekijä on tavattavissa viikoittain jokaisessa yläkoulussa.",
     "Mittari: Koulunuorisotyö käynnissä kaikissa yläkouluissa: kyllä/ei.", "Toteutunut",
     "Nuorisotyöntekijä kävi kaikissa yläkouluissa viikoittain."),
)

FOLLOWUP_TEXT = ("Sivistyslautakunta\nToiminnallisten tavoitteiden toteutuminen 2025\n\n"
                 "Strategian toteutumista tukevat toiminnalliset tavoitteet\n\n"
                 + "".join("\t".join(row) + "\n" for row in FOLLOWUP_ROWS))


def write_goal_samples(out_dir: Path) -> list[Path]:
    """A goals extract and its follow-up table (invented), so the goal views are not empty in the demo."""
    written = []
    for stem, text in ((GOALS_STEM, GOALS_TEXT), (FOLLOWUP_STEM, FOLLOWUP_TEXT)):
        path = out_dir / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_samples(out_dir: Path) -> list[Path]:
    """Render every sample and its gold into ``out_dir``; return the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in SAMPLES:
        if sample.layout_name == "html":
            name, data, placement = f"{sample.stem}.html", render_html(sample), None
        else:
            data, placement = render_pdf(sample)
            name = f"{sample.stem}.pdf"
        (out_dir / name).write_bytes(data)
        answer = json.dumps(gold(sample, name, placement), ensure_ascii=False, indent=1) + "\n"
        (out_dir / f"{sample.stem}.gold.json").write_text(answer, encoding="utf-8")
        written += [out_dir / name, out_dir / f"{sample.stem}.gold.json"]
    written += write_goal_samples(out_dir)
    readme = README.format(ylo=YLOJARVI.stem, man=MANTSALA.stem, kan=KANGASALA.stem, nar=NARPES.stem,
                           goals=GOALS_STEM, followup=FOLLOWUP_STEM)
    (out_dir / "README.md").write_text(readme, encoding="utf-8")
    return written + [out_dir / "README.md"]


def main(argv: list[str]) -> None:
    out_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    for path in write_samples(out_dir):
        print(f"{path.stat().st_size:7d}  {path}")


if __name__ == "__main__":
    main(sys.argv)
