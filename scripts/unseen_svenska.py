"""Family 'svenska' of scripts/make_unseen_variants.py: whole Swedish minutes of bilingual municipalities.

Written before the parser was run on it (issue 9: an honest estimate for unseen municipalities).
Raseborg, Borgå, Vasa, Närpes, Pedersöre, Kristinestad and Korsholm print their Swedish protocols
with their own vocabulary: page 1 'PROTOKOLL', 'Sammanträdestid', 'Plats', 'Beslutande', 'Övriga
närvarande', 'Frånvarande', 'Paragrafer', 'Underskrifter' ('Ordförande' / 'Protokollförare'),
'Justering'; every '§ n' with 'Dnr', 'Beredare', an untitled account or 'Bakgrund', 'Bilaga',
'Föredragande', the proposal as 'Förslag', 'Beslutsförslag', 'Ordförandens förslag',
'Stadsdirektörens förslag' or 'Kommundirektörens förslag', 'Jäv', 'Behandling' with an 'Omröstning'
('JA-röster', 'NEJ-röster', 'Blanka', 'Frånvarande', with names or in prose), 'Beslut' ('Godkändes.',
'Ärendet återremitterades ...', 'Ärendet bordlades.', 'Antecknades för kännedom.', 'Förslaget
förkastades ...'), 'För kännedom' / 'Delges', and the item's 'Besvärsanvisning' / 'Anvisning för
begäran om omprövning'; the meeting's own items (laglighet, protokolljusterare, föredragningslistan,
anmälningsärenden); a bilingual running header ('Raseborgs stad - Raaseporin kaupunki') and a few
Finnish names of bodies ('Suomenkielinen koulutusjaosto', 'Kaupunginhallitus') in the texts.

Renderings by seed: a CaseM-like PDF (bold headings on their own line, text indented), a KTweb-like
PDF (headings in the left margin), a Word PDF with run-in headings ('Beslut: Godkändes.'), and
HTML (KTweb table export in windows-1252, or CaseM paragraphs in UTF-8).
"""

from __future__ import annotations

import datetime as dt
import random

from scripts import make_variants as mv
from scripts.docwriter.deadline import deadline
from scripts.docwriter.html import encode, esc
from scripts.docwriter.pdf import with_page_total
from scripts.docwriter.people import Person, invent_person
from scripts.docwriter.printed import fi_date, slug

RENDERINGS = ("pdf_own", "pdf_margin", "html", "pdf_runin")

# (Finnish name as in municipalities.csv, Swedish printed, Finnish printed, domain, town?)
TOWNS = (
    ("Raasepori", "Raseborgs stad", "Raaseporin kaupunki", "raseborg.fi", True),
    ("Porvoo", "Borgå stad", "Porvoon kaupunki", "porvoo.fi", True),
    ("Vaasa", "Vasa stad", "Vaasan kaupunki", "vaasa.fi", True),
    ("Närpiö", "Närpes stad", "Närpiön kaupunki", "narpes.fi", True),
    ("Pedersören kunta", "Pedersöre kommun", "Pedersören kunta", "pedersore.fi", False),
    ("Kristiinankaupunki", "Kristinestads stad", "Kristiinankaupungin kaupunki", "krs.fi", True),
    ("Mustasaari", "Korsholms kommun", "Mustasaaren kunta", "korsholm.fi", False),
)
# body, genitive, presenter title, the proposal heading's possessive
BODIES_TOWN = (("Stadsstyrelsen", "Stadsstyrelsens", "stadsdirektör", "Stadsdirektörens"),
               ("Bildningsnämnden", "Bildningsnämndens", "bildningsdirektör", "Bildningsdirektörens"),
               ("Tekniska nämnden", "Tekniska nämndens", "teknisk direktör", "Tekniska direktörens"),
               ("Byggnads- och miljönämnden", "Byggnads- och miljönämndens", "miljöchef", "Miljöchefens"))
BODIES_KOMMUN = (("Kommunstyrelsen", "Kommunstyrelsens", "kommundirektör", "Kommundirektörens"),
                 ("Bildningsnämnden", "Bildningsnämndens", "bildningsdirektör", "Bildningsdirektörens"),
                 ("Socialnämnden", "Socialnämndens", "socialdirektör", "Socialdirektörens"),
                 ("Tekniska nämnden", "Tekniska nämndens", "teknisk direktör", "Tekniska direktörens"))
PREPARERS = ("ekonomidirektör", "förvaltningschef", "planläggningsarkitekt", "skoldirektör", "fritidschef",
             "miljöinspektör", "stadsgeodet", "personalchef", "byggnadsinspektör", "utvecklingschef")
FI_SECTIONS = ("Suomenkielinen koulutusjaosto", "Kaupunginhallitus", "Tekninen lautakunta", "Perusturvalautakunta")

# (title, tos code, account paragraphs, proposal with {Body}, noting?)
TOPICS = (
    ("Budgetuppföljning januari–juni 2025", "02.02.02",
     ["Verksamhetens kostnader har förverkligats till 49,6 procent, medan den jämna fördelningen skulle "
      "vara 50 procent. Avvikelserna per resultatenhet redovisas i bilagan.",
      "Personalkostnaderna har hållits inom budgeten, men köpta tjänster överskrider budgeten med cirka "
      "120 000 euro på grund av ökade kostnader för skolskjutsar."],
     "{Body} antecknar budgetuppföljningen för kännedom.", True),
    ("Detaljplaneändring för kvarteret Kyrkoesplanaden, godkännande", "10.02.03",
     ["Planändringen gör det möjligt att bygga ett flervåningshus med 24 bostäder i kvarteret. Förslaget "
      "har varit offentligt framlagt 3.3–2.4.2025 och två anmärkningar lämnades in.",
      "Anmärkningarna och bemötandena finns i bilagan. Planförslaget har justerats så att byggnadens höjd "
      "sänks med en våning."],
     "{Body} godkänner detaljplaneändringen enligt bilagan och föreslår att fullmäktige fastställer den.", False),
    ("Upphandling av skolskjutsar för läsåren 2026–2029", "02.08.00",
     ["De nuvarande avtalen om skolskjutsar upphör 31.7.2026. Upphandlingen har genomförts som ett öppet "
      "förfarande i fyra delområden och sammanlagt sex anbud lämnades in inom utsatt tid.",
      "Grunden för valet var det lägsta priset. Upphandlingens värde under avtalsperioden uppskattas till "
      "1,9 miljoner euro (moms 0 %)."],
     "{Body} beslutar välja de anbudsgivare som lämnat det förmånligaste anbudet i varje delområde enligt "
     "bilagan.", False),
    ("Understöd till föreningar för år 2026", "02.05.01",
     ["Sammanlagt 21 föreningar har ansökt om verksamhetsunderstöd till ett belopp om 48 300 euro. I "
      "budgeten har reserverats 35 000 euro för ändamålet.",
      "Förslaget har beretts enligt de av nämnden godkända principerna för understöd."],
     "{Body} beviljar verksamhetsunderstöd för år 2026 enligt bilagan, sammanlagt 34 850 euro.", False),
    ("Utlåtande om utkastet till generalplan för centrum", "10.02.02",
     ["Planläggningen begär ett utlåtande om utkastet senast 15.12.2025. Planområdet omfattar centrum och "
      "dess närområden, cirka 380 hektar.",
      "I utlåtandet fästs uppmärksamhet vid skolornas och daghemmens kapacitet samt vid gång- och "
      "cykelvägarna."],
     "{Body} ger ett utlåtande om utkastet enligt bilagan.", False),
    ("Fullmäktigemotion om en närmotionsplats i Kyrkby", "00.03.01",
     ["Ledamoten Jan Sundqvist och åtta andra ledamöter har lämnat in en motion om att bygga en "
      "närmotionsplats vid Kyrkby skola.",
      "Kostnadsberäkningen är 210 000 euro, varav statsunderstödet kan uppgå till högst 30 procent. "
      "Projektet ingår inte i investeringsplanen."],
     "{Body} föreslår att motionen beaktas i beredningen av budgeten för år 2027 och konstateras vara "
     "slutbehandlad.", False),
    ("Tomtpriser och försäljningsvillkor från 1.1.2026", "10.00.02",
     ["Priserna på egnahemstomter justerades senast år 2020. Priserna föreslås höjas med i genomsnitt 5 "
      "procent för att motsvara kostnaderna för kommunaltekniken.",
      "I försäljningsvillkoren införs en byggnadsskyldighet inom tre år från köpet."],
     "{Body} fastställer tomtpriserna och försäljningsvillkoren enligt bilagan.", False),
    ("Utredning om servicenätet inom småbarnspedagogiken", "12.00.00",
     ["Antalet barn har minskat med 11 procent under fem år. I utredningen granskas tre alternativ där "
      "antalet daghem minskar med ett eller två.",
      "Vårdnadshavarna hördes vid ett informationsmöte och 214 vårdnadshavare svarade på enkäten."],
     "{Body} antecknar utredningen för kännedom och beslutar att den fortsatta beredningen görs utgående "
     "från alternativ B.", True),
    ("Arbetsplan för den grundläggande utbildningen läsåret 2026–2027", "12.01.01",
     ["Enligt förordningen ska varje skola göra upp en arbetsplan för läsåret. Arbetsplanen innehåller "
      "bland annat arbetsdagar, timfördelning och skolans evenemang.",
      "Höstterminen börjar den 12 augusti 2026 och antalet arbetsdagar är 188."],
     "{Body} godkänner arbetsplanerna enligt bilagan.", False),
)

TRAILERS = {
    "besvar": ("BESVÄRSANVISNING",
               ["Ändring i beslutet får sökas genom kommunalbesvär hos Vasa förvaltningsdomstol inom 30 dagar "
                "från delfåendet av beslutet.",
                "Besvärsskriften ska vara undertecknad och innehålla de yrkanden som framställs."]),
    "omprovning": ("ANVISNING FÖR BEGÄRAN OM OMPRÖVNING",
                   ["Den som är missnöjd med beslutet kan skriftligen begära omprövning. Ändring i beslutet "
                    "får inte sökas genom besvär hos domstol.",
                    "Begäran om omprövning ska framställas inom 14 dagar från delfåendet av beslutet."]),
}


def plan_svenska(seed: int, rng: random.Random) -> mv.Features:
    f = mv.Features(layout="svenska", lang="sv")
    f.header_shape = RENDERINGS[seed % len(RENDERINGS)]  # the rendering, by seed
    f.running = rng.choice(("bilingual", "plain"))
    f.page1_list = rng.choice(("range", "lines", "none"))
    f.footer = rng.choice(("none", "initials"))
    f.trailer = rng.choice(("none", "besvar", "omprovning"))
    f.signature_end = rng.random() < 0.5
    f.item_per_page = rng.random() < 0.3
    f.encoding = rng.choice(("windows-1252", "utf-8"))
    return f


class _Meeting:
    """What the renderers need beside mv.Doc: the printed names and page-1 labels of this family."""

    def __init__(self, rng: random.Random, doc: mv.Doc, town: tuple) -> None:
        self.printed_fi = town[2]
        self.members_label = rng.choice(("Beslutande", "Närvarande ledamöter", "Beslutande ledamöter"))
        self.others_label = rng.choice(("Övriga närvarande", "Övriga deltagare", "Övriga närvarande"))
        self.justering = rng.choice(("Justering", "Protokolljustering", "Justering av protokollet"))
        del doc


def make_svenska_doc(seed: int) -> mv.Doc:
    doc = mv.make_doc(seed, plan=plan_svenska)
    rng = random.Random(seed * 1_000_003 + 29)
    town = rng.choice(TOWNS)
    doc.municipality, doc.printed_municipality, doc.domain = town[0], town[1], town[3]
    doc.code = mv._municipality_code(town[0])
    body, genitive, presenter_title, presenter_gen = rng.choice(BODIES_TOWN if town[4] else BODIES_KOMMUN)
    doc.body, doc.body_genitive = body, genitive
    used = {p.last for p in doc.members + doc.others + doc.absent}
    presenter = invent_person(rng, "sv", used, title=presenter_title, role="föredragande", role_norm="esittelija")
    doc.others = [presenter, doc.secretary]
    doc.place = rng.choice(("Stadshuset, sammanträdesrum Ek", "Kommungården, styrelserummet",
                            "Rådhuset, stora salen", "Distans via Teams"))
    doc.start, doc.end = f"{rng.choice((16, 17, 18))}.00", f"{rng.choice((19, 20))}.{rng.choice(('05', '30', '45'))}"
    doc.stem = f"s{seed:03d}_svenska_{slug(town[0])}_{slug(body)}_{doc.date.isoformat()}"
    doc.meeting = _Meeting(rng, doc, town)  # type: ignore[attr-defined]
    first = doc.items[0].number or rng.randint(5, 150)
    n_own = rng.choice((1, 2, 2, 3))
    n_cases = rng.randint(2, 4)
    topics = list(TOPICS)
    rng.shuffle(topics)
    plain = [m for m in doc.members if m.role == "ledamot"]
    items: list[mv.Item] = []
    for k in range(n_own):
        items.append(_own_item(doc, rng, first + k, k))
    for k in range(n_cases):
        items.append(_case_item(doc, rng, first + n_own + k, topics[k], presenter, presenter_gen, plain, used))
    if rng.random() < 0.5:
        items.append(_notices_item(doc, rng, first + len(items)))
    doc.items = items
    return doc


def _own_item(doc: mv.Doc, rng: random.Random, number: int, k: int) -> mv.Item:
    """The meeting's own items: laglighet, protokolljusterare, föredragningslistan."""
    chair_label = "Ordförandens förslag"
    if k == 0:
        title = rng.choice(("Sammanträdets laglighet och beslutförhet", "Konstaterande av sammanträdets "
                            "laglighet och beslutförhet"))
        secs = [mv.Sec("selostus", None, ["Kallelsen till sammanträdet har skickats till ledamöterna elektroniskt "
                                          "sex dagar före sammanträdet. Organet är beslutfört när mer än hälften "
                                          "av ledamöterna är närvarande."]),
                mv.Sec("paatosehdotus", chair_label, ["Sammanträdet konstateras vara lagligen sammankallat och "
                                                      "beslutfört."]),
                mv.Sec("paatos", "Beslut", [rng.choice(("Godkändes.", "Sammanträdet konstaterades vara lagligen "
                                                        "sammankallat och beslutfört."))])]
    elif k == 1:
        a, b = rng.sample([m for m in doc.members if m.role in ("ledamot", "ersättare")], 2)
        title = "Val av protokolljusterare"
        secs = [mv.Sec("paatosehdotus", chair_label, [f"Till protokolljusterare väljs {a.name()} och {b.name()}."]),
                mv.Sec("paatos", "Beslut", [f"Till protokolljusterare valdes {a.name()} och {b.name()}."])]
    else:
        title = "Godkännande av föredragningslistan"
        secs = [mv.Sec("paatosehdotus", chair_label, ["Föredragningslistan godkänns som arbetsordning för "
                                                      "sammanträdet."]),
                mv.Sec("paatos", "Beslut", ["Föredragningslistan godkändes."])]
    return mv.Item(number, title, None, secs, [], "hyvaksytty")


def _notices_item(doc: mv.Doc, rng: random.Random, number: int) -> mv.Item:
    fi_body = rng.choice(FI_SECTIONS)
    secs = [mv.Sec("selostus", None, [f"Protokoll från {fi_body} (finska sektionen) 2.9.2025.",
                                      "Tjänsteinnehavarbeslut fattade under tiden 1.9–30.9.2025."]),
            mv.Sec("paatosehdotus", "Förslag", [f"{doc.body} antecknar anmälningsärendena för kännedom."]),
            mv.Sec("paatos", "Beslut", ["Antecknades för kännedom."])]
    return mv.Item(number, rng.choice(("Anmälningsärenden", "Delgivningar")), None, secs, [], "merkitty_tiedoksi")


def _role(p: Person, doc: mv.Doc, rng: random.Random, contact: bool) -> tuple[str, dict]:
    title = (p.title or "")[:1].upper() + (p.title or "")[1:]
    mail = f"{slug(p.first)}.{slug(p.last)}@{doc.domain}".replace("_", "-")
    if not contact:
        return f"{title} {p.name()}", {"title": title, "name": p.name(), "email": None}
    if rng.random() < 0.5:
        return (f"{title} {p.name()}, tfn 06 {rng.randint(100, 999)} {rng.randint(1000, 9999)}, {mail}",
                {"title": title, "name": p.name(), "email": mail})
    return f"{title} {p.name()}, {mail}", {"title": title, "name": p.name(), "email": mail}


def _case_item(doc: mv.Doc, rng: random.Random, number: int, topic: tuple, presenter: Person, presenter_gen: str,
               plain: list[Person], used: set[str]) -> mv.Item:
    title, tos, paras, proposal, noting = topic
    proposal = proposal.format(Body=doc.body)
    diary = rng.choice((f"{rng.randint(20, 900)}/{tos}/{doc.date.year}",
                        f"{doc.domain.split('.')[0].upper()[:3]} {rng.randint(40, 900)}/{doc.date.year}",
                        f"{rng.randint(20, 900)}/{doc.date.year}"))
    sections: list[mv.Sec] = []
    roles: list[dict] = []
    if rng.random() < 0.85:
        prep = invent_person(rng, "sv", used, title=rng.choice(PREPARERS))
        line, gold = _role(prep, doc, rng, contact=True)
        sections.append(mv.Sec("valmistelija", rng.choice(("Beredare", "Beredare", "Beredning")), [line]))
        roles.append({"role": "valmistelija", **gold})
    sections.append(mv.Sec("selostus", rng.choice((None, None, "Bakgrund")), list(paras)))
    if rng.random() < 0.4:
        sections.append(mv.Sec("liitteet", rng.choice(("Bilaga", "Bilagor")), [f"Bilaga {rng.randint(1, 9)} {title}"]))
    line, gold = _role(presenter, doc, rng, contact=False)
    sections.append(mv.Sec("esittelija", "Föredragande", [line]))
    roles.append({"role": "esittelija", **gold})
    head = rng.choice(("Förslag", "Beslutsförslag", f"{presenter_gen} förslag", f"{presenter_gen} förslag",
                       "Föredragandens förslag"))
    sections.append(mv.Sec("paatosehdotus", head, [proposal]))
    shape = rng.choice(("plain", "plain", "changed", "returned", "tabled", "vote_names", "vote_prose",
                        "rejected", "recusal", "noted"))
    approved = "merkitty_tiedoksi" if noting else "hyvaksytty"
    a, b, c = rng.sample(plain, 3) if len(plain) >= 3 else (plain * 3)[:3]
    kasittely: list[str] = []
    votes: list[dict] = []
    recusals: list[dict] = []
    extra: list[mv.Sec] = []
    body = doc.body
    if shape == "plain":
        decision = [rng.choice(("Godkändes.", "Förslaget godkändes.", f"{body} godkände förslaget.",
                                "Godkändes enhälligt."))]
        outcome = approved
    elif shape == "noted":
        decision, outcome = ["Antecknades för kännedom."], "merkitty_tiedoksi"
    elif shape == "changed":
        kasittely = [f"{a.name()} föreslog, understödd av {b.name()}, att beloppet höjs till 40 000 euro. "
                     "Ordföranden konstaterade att ändringsförslaget godkändes enhälligt."]
        decision = ["Förslaget godkändes med den ändringen att beloppet höjs till 40 000 euro."]
        outcome = "hyvaksytty_muutettuna"
    elif shape == "returned":
        kasittely = [f"{a.name()} föreslog, understödd av {b.name()}, att ärendet återremitteras för ny beredning. "
                     "Återremissförslaget godkändes enhälligt."]
        decision = [rng.choice(("Ärendet återremitterades för ny beredning.",
                                f"{body} beslöt återremittera ärendet för ny beredning."))]
        outcome = "palautettu"
    elif shape == "tabled":
        kasittely = ([f"{a.name()} föreslog, understödd av {b.name()}, att ärendet bordläggs. Förslaget godkändes "
                      "enhälligt."] if rng.random() < 0.6 else [])
        decision, outcome = ["Ärendet bordlades."], "poydatty"
    elif shape in ("vote_names", "vote_prose", "rejected"):
        voters = list(doc.members)
        rng.shuffle(voters)
        away = voters[:1] if rng.random() < 0.5 else []
        blank = voters[len(away):len(away) + rng.choice((0, 1))]
        rest = voters[len(away) + len(blank):]
        k = len(rest) // 2 + 1  # members are 7-10, so both sides have someone
        win, lose = rest[:k], rest[k:]
        if shape == "rejected":
            ja, nej = lose, win
            kasittely = [f"{a.name()} föreslog, understödd av {b.name()}, att förslaget förkastas. Eftersom det "
                         "fanns ett understött motförslag verkställdes omröstning. De som understöder "
                         "föredragandens förslag röstar ja och de som understöder förkastningsförslaget röstar nej."]
            decision = [f"{body} förkastade förslaget efter omröstning med rösterna {len(nej)}–{len(ja)}."
                        if rng.random() < 0.5 else "Förslaget förkastades efter omröstning."]
            outcome = "hylatty"
        else:
            ja, nej = win, lose
            kasittely = [f"{a.name()} föreslog, understödd av {b.name()}, att ärendet återremitteras. Ordföranden "
                         "konstaterade att omröstning ska verkställas. De som understöder "
                         f"{'ordförandens' if rng.random() < 0.3 else 'föredragandens'} förslag röstar JA och de som "
                         "understöder återremissförslaget röstar NEJ."]
            decision = [f"{body} godkände förslaget efter omröstning med rösterna {len(ja)}–{len(nej)}."]
            outcome = approved
        names = shape != "vote_prose"
        if names:
            kasittely.append(f"JA-röster {len(ja)}: {', '.join(p.name() for p in ja)}")
            kasittely.append(f"NEJ-röster {len(nej)}: {', '.join(p.name() for p in nej)}")
            if blank:
                kasittely.append(f"Blanka {len(blank)}: {', '.join(p.name() for p in blank)}")
            if away:
                kasittely.append(f"Frånvarande {len(away)}: {', '.join(p.name() for p in away)}")
        else:
            words = f"Omröstningen utföll med {len(ja)} ja-röster och {len(nej)} nej-röster"
            words += f" samt {len(blank)} blank röst." if blank else "."
            kasittely.append(words)
        votes = [{"jaa": len(ja), "ei": len(nej), "tyhja": len(blank), "poissa": len(away) if names else 0,
                  "jaa_names": [p.name() for p in ja] if names else [],
                  "ei_names": [p.name() for p in nej] if names else []}]
    else:  # recusal
        note = rng.choice((f"{c.name()} anmälde jäv och deltog inte i behandlingen av ärendet.",
                           f"{c.name()} var jävig (förvaltningslagen 28 § 1 mom. 5 punkten) och avlägsnade sig "
                           "från sammanträdet under behandlingen av ärendet."))
        recusals.append({"name": c.name(), "role": "ledamot", "note": note})
        if rng.random() < 0.5:
            extra = [mv.Sec("muu", "Jäv", [note])]
        else:
            kasittely = [note]
        decision = [rng.choice(("Godkändes.", "Förslaget godkändes."))]
        outcome = approved
    sections += extra
    if kasittely:
        sections.append(mv.Sec("kasittely", "Behandling", kasittely))
    sections.append(mv.Sec("paatos", rng.choice(("Beslut", "Beslut", f"{doc.body_genitive} beslut")), decision))
    if rng.random() < 0.35:
        sections.append(mv.Sec("tiedoksi", rng.choice(("För kännedom", "Delges", "Verkställs")),
                               [rng.choice(("Ekonomiavdelningen", f"Sökandena, {rng.choice(FI_SECTIONS).lower()}",
                                            "Tekniska avdelningen, byggnadstillsynen"))]))
    if rng.random() < 0.3:
        sections.append(mv.Sec("muutoksenhaku", rng.choice(("Besvärsanvisning", "Anvisning för begäran om omprövning",
                                                              "Sökande av ändring")),
                               [rng.choice(("Kommunalbesvär", "Begäran om omprövning",
                                            "Ändring får inte sökas, beredning"))]))
    return mv.Item(number, title, diary, sections, roles, outcome, votes=votes, recusals=recusals)


# --- rendering ---------------------------------------------------------------------------------------------


class SvenskaPdf(mv.MinutesPdf):
    """The running header: the town (in both languages when bilingual), PROTOKOLL, number, page."""

    def header(self) -> None:
        doc, n = self.doc, self.page_no()
        meeting = doc.meeting  # type: ignore[attr-defined]
        self.set_text_color(0)
        self.font(True, 9)
        town = doc.printed_municipality
        self.text(50, 40, f"{town} - {meeting.printed_fi}" if doc.feats.running == "bilingual" else town)
        self.font(size=9)
        self.text(330, 40, f"PROTOKOLL {doc.number}")
        self.text(480, 40, f"Sida {n} ({self.total or 99})")
        self.text(50, 54, doc.body)
        self.text(330, 54, fi_date(doc.date))
        self.set_y(self.TOP)

    def footer(self) -> None:
        if self.doc.feats.footer == "initials":
            self.font(size=8)
            self.text(50, 842 - 36, "Justerarnas signaturer")
            self.line(180, 842 - 34, 330, 842 - 34)


def _page1(pdf: SvenskaPdf) -> None:
    doc = pdf.doc
    meeting = doc.meeting  # type: ignore[attr-defined]
    pdf.font(True, 15)
    pdf.text(50, pdf.get_y() + 15, "PROTOKOLL")
    pdf.gap(24)
    pdf.font(True, 12)
    pdf.text(50, pdf.get_y() + 12, doc.body)
    pdf.gap(26)

    def row(label: str, values: list[str]) -> None:
        pdf.margin_block(label, 50, 200, values or [""], 144)
        pdf.gap(5)

    row("Sammanträdestid", [f"{fi_date(doc.date)} kl. {doc.start}–{doc.end}"])
    row("Plats", [doc.place])
    row(meeting.members_label, [p.printed() for p in doc.members])
    row(meeting.others_label, [p.printed() for p in doc.others])
    row("Frånvarande", [p.printed() for p in doc.absent])
    nums = [i.number for i in doc.items]
    if doc.feats.page1_list == "range":
        row("Paragrafer", [f"§ {nums[0]}–{nums[-1]}"])
    elif doc.feats.page1_list == "lines":
        pdf.font(True)
        pdf.text(50, pdf.get_y() + pdf.size, "Behandlade ärenden")
        pdf.gap(pdf.leading)
        for item in doc.items:
            pdf.margin_block(f"§ {item.number}", 50, 200, [item.title], 144, bold_label=False)
        pdf.gap(5)
    if not doc.feats.signature_end:
        pdf.font(True)
        pdf.text(50, pdf.get_y() + pdf.size, "Underskrifter")
        pdf.gap(36)
        pdf.font()
        pdf.text(200, pdf.get_y(), doc.chair.name())
        pdf.text(380, pdf.get_y(), doc.secretary.name())
        pdf.gap(12)
        pdf.text(200, pdf.get_y(), "Ordförande")
        pdf.text(380, pdf.get_y(), "Protokollförare")
        pdf.gap(20)
        row(meeting.justering, [f"Protokollet har justerats {fi_date(doc.date + dt.timedelta(3))}"])
        row("Framläggande", [f"Protokollet är framlagt på www.{doc.domain} {fi_date(doc.date + dt.timedelta(5))}"])


def _end(pdf: SvenskaPdf) -> None:
    doc = pdf.doc
    if doc.feats.signature_end:
        pdf.gap(20)
        pdf.need(pdf.leading * 5)
        pdf.lines(50, 400, "Underskrifter", bold=True)
        pdf.gap(24)
        pdf.lines(200, 330, f"{doc.chair.name()}          {doc.secretary.name()}")
        pdf.lines(200, 330, "Ordförande          Protokollförare")
    if doc.feats.trailer != "none":
        mv.render_trailer(pdf, *TRAILERS[doc.feats.trailer])


def render_svenska_pdf_once(doc: mv.Doc, total: int) -> SvenskaPdf:
    """'pdf_own': headings bold on their own line, text at 85; 'pdf_margin': headings in the margin
    at 50 beside text at 160; 'pdf_runin': 'Heading: text' at one left edge."""
    pdf = SvenskaPdf(doc, total)
    style = doc.feats.header_shape
    pdf.add_page()
    _page1(pdf)
    pdf.add_page()
    text_x = {"pdf_own": 85.0, "pdf_margin": 160.0}.get(style, 50.0)
    width = pdf.w - 50 - text_x
    pages: dict[int, list[int]] = {}
    for idx, item in enumerate(doc.items):
        if idx and doc.feats.item_per_page:
            pdf.add_page()
        pdf.need(pdf.leading * 7)
        start = pdf.page_no()
        pdf.font(True)
        y = pdf.get_y() + pdf.size
        if style == "pdf_margin":
            pdf.text(50, y, f"{doc.body} § {item.number}")
            pdf.text(420, y, fi_date(doc.date))
        else:
            pdf.text(50, y, f"§ {item.number}")
        pdf.gap(pdf.leading + 4)
        if style == "pdf_margin":
            pdf.lines(50, pdf.w - 100, item.title, bold=True, size=11)
            pdf.gap(4)
            if item.diary:
                pdf.margin_block("Dnr", 50, text_x, [item.diary], text_x - 56)
        else:
            if item.diary:
                pdf.lines(50, 300, f"Dnr {item.diary}")
            pdf.gap(4)
            pdf.lines(50, pdf.w - 100, item.title, bold=True, size=11)
        pdf.gap(8)
        for s in item.sections:
            if style == "pdf_margin":
                pdf.margin_block(s.heading, 50, text_x, s.paras, text_x - 56)
                pdf.gap(pdf.leading * 0.6)
            elif style == "pdf_runin" and s.heading:
                for k, para in enumerate(s.paras):
                    lead = f"{s.heading}: " if k == 0 else ""
                    for n, line in enumerate(pdf.wrap(width, lead + para)):
                        pdf.need(pdf.leading)
                        yy = pdf.get_y() + pdf.size
                        if n == 0 and lead:
                            pdf.font(True)
                            pdf.text(50, yy, lead.rstrip())
                            shift = pdf.get_string_width(lead)
                            pdf.font()
                            pdf.text(50 + shift, yy, line[len(lead):])
                        else:
                            pdf.font()
                            pdf.text(50, yy, line)
                        pdf.gap(pdf.leading)
                    pdf.gap(4)
            else:
                pdf.need(pdf.leading * (3 if s.heading else 2))
                if s.heading:
                    pdf.lines(text_x if style == "pdf_own" else 50, width, s.heading, bold=True)
                    pdf.gap(2)
                for para in s.paras:
                    pdf.lines(text_x, width, para)
                    pdf.gap(4)
                pdf.gap(6)
        pages[idx] = [start, pdf.page_no()]
        pdf.gap(14)
    _end(pdf)
    pdf.item_pages = pages
    return pdf


def render_svenska_html(doc: mv.Doc) -> bytes:
    """A KTweb table export (windows-1252) or CaseM paragraphs (UTF-8), chosen by the encoding drawn."""
    f = doc.feats
    meeting = doc.meeting  # type: ignore[attr-defined]
    table = f.encoding == "windows-1252"
    people = lambda ps: "<br>\n".join(esc(p.printed()) for p in ps)  # noqa: E731
    out = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">', "<html><head>",
           f'<meta http-equiv="Content-Type" content="text/html; charset={f.encoding}">',
           f"<title>{esc(doc.printed_municipality)} - {esc(doc.body)} {fi_date(doc.date)} - Protokoll</title>",
           "</head><body>",
           f"<p><b>{esc(doc.printed_municipality)}</b> - {esc(meeting.printed_fi)}<br>PROTOKOLL {doc.number}</p>",
           f"<h2>{esc(doc.body)}</h2>", "<table class='kokoustiedot'>"]
    nums = [i.number for i in doc.items]
    rows = [("Sammanträdestid", f"{fi_date(doc.date)} kl. {doc.start}–{doc.end}"), ("Plats", esc(doc.place)),
            (meeting.members_label, people(doc.members)), (meeting.others_label, people(doc.others)),
            ("Frånvarande", people(doc.absent))]
    if f.page1_list != "none":
        rows.append(("Paragrafer", f"§ {nums[0]}–{nums[-1]}"))
    out += [f"<tr><td class='ots' valign='top'>{label}</td><td>{value}</td></tr>" for label, value in rows]
    out.append("</table>")
    for item in doc.items:
        out.append("<hr>")
        if table:
            out += ["<table class='asia' width='100%'>",
                    f"<tr><td colspan='2'><b>{esc(doc.body)} § {item.number} {fi_date(doc.date)}</b></td></tr>"]
            if item.diary:
                out.append(f"<tr><td class='ots'>Dnr</td><td>{esc(item.diary)}</td></tr>")
            out.append(f"<tr><td colspan='2'><h3>{esc(item.title)}</h3></td></tr>")
            for s in item.sections:
                body = "".join(f"<p>{esc(p)}</p>" for p in s.paras)
                out.append(f"<tr><td class='ots' valign='top'>{esc(s.heading) if s.heading else '&nbsp;'}</td>"
                           f"<td>{body}</td></tr>")
            out.append("</table>")
        else:
            out.append(f"<p><b>§ {item.number}</b></p>")
            if item.diary:
                out.append(f"<p>Dnr {esc(item.diary)}</p>")
            out.append(f"<h4>{esc(item.title)}</h4>")
            for s in item.sections:
                if s.heading:
                    out.append(f"<p><b>{esc(s.heading)}</b></p>")
                out += [f"<p>{esc(p)}</p>" for p in s.paras]
    if f.signature_end:
        out.append(f"<p><b>Underskrifter</b><br>{esc(doc.chair.name())}, ordförande<br>"
                   f"{esc(doc.secretary.name())}, protokollförare</p>")
    if f.trailer != "none":
        heading, paras = TRAILERS[f.trailer]
        out.append(f"<hr><p><b>{esc(heading)}</b></p>" + "".join(f"<p>{esc(p)}</p>" for p in paras))
    out.append("</body></html>")
    return encode("\r\n".join(out), f.encoding)


def make_svenska_variant(seed: int) -> mv.Variant:
    """Document ``seed`` of the 'svenska' family: bytes and gold (deterministic)."""
    with deadline(mv.SECONDS_PER_DOCUMENT, f"make_unseen_variants svenska seed {seed}"):
        doc = make_svenska_doc(seed)
        if doc.feats.header_shape == "html":
            name = f"{doc.stem}.html"
            return mv.Variant(seed, name, render_svenska_html(doc), mv.gold_of(doc, name, None, None),
                              doc.feats.as_dict())
        pdf = with_page_total(lambda total: render_svenska_pdf_once(doc, total))
        name = f"{doc.stem}.pdf"
        return mv.Variant(seed, name, bytes(pdf.output()), mv.gold_of(doc, name, pdf.item_pages, pdf.page_no()),
                          doc.feats.as_dict())


def make_svenska_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    return [make_svenska_variant(s) for s in range(first_seed, first_seed + n)]
