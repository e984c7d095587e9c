"""Italian (it) shopper queries for the ecomintent generator.

Covers shoppers in Italy and in Italian-speaking Switzerland (Ticino, Grigioni italiano): Lei, tu and the
"voi" Italians use for a shop; € and CHF (Swiss prices with a decimal point: "CHF 49.90"); Satispay,
PayPal, Scalapay, contrassegno, Postepay, TWINT; codice fiscale, partita IVA, codice SDI.

Product nouns carry their articles and prepositions as forms (il/lo/l'/la/i/gli/le, del/dello/...), so
templates never put an agreeing word outside the slot: colours go in "color nero" / "in nero", and no
adjective or participle after a product has to agree with it.
"""

import random

CODE = "it"
KEYBOARD = (
    "qwerty"  # Italian layout is QWERTY (Swiss keyboards are QWERTZ, but most Italian speakers are in Italy)
)

_VOWEL_START = "aeiouàèéìòùhAEIOUH"


def _impure(word):
    """True for nouns that take lo/uno/gli: s + consonant, z, gn, ps, pn, x, y."""
    w = word.lower()
    if w[0] in "zxy" or w[:2] in ("gn", "ps", "pn"):
        return True
    return w[0] == "s" and len(w) > 1 and w[1] not in "aeiouàèéìòù"


def _n(noun, gender, plural=None):
    """Forms of a product noun: gender "m"/"f"; plural is the bare plural, None for plural-only nouns."""
    pl_only = plural is None
    vowel = noun[0] in _VOWEL_START
    if gender == "m" and not pl_only:
        if _impure(noun):
            art, ind, dem = "lo ", "uno ", "questo "
        elif vowel:
            art, ind, dem = "l'", "un ", "questo " if noun[0] in "hH" else "quest'"  # questo hard disk
        else:
            art, ind, dem = "il ", "un ", "questo "
    elif gender == "m":
        if _impure(noun) or vowel:
            art, ind, dem = "gli ", "degli ", "questi "
        else:
            art, ind, dem = "i ", "dei ", "questi "
    elif not pl_only:
        if vowel:
            art, ind, dem = "l'", "un'", "quest'"
        else:
            art, ind, dem = "la ", "una ", "questa "
    else:
        art, ind, dem = "le ", "delle ", "queste "
    prep = {
        "il ": ("del ", "nel ", "sul ", "al "),
        "lo ": ("dello ", "nello ", "sullo ", "allo "),
        "l'": ("dell'", "nell'", "sull'", "all'"),
        "la ": ("della ", "nella ", "sulla ", "alla "),
        "i ": ("dei ", "nei ", "sui ", "ai "),
        "gli ": ("degli ", "negli ", "sugli ", "agli "),
        "le ": ("delle ", "nelle ", "sulle ", "alle "),
    }[art]
    return {
        "base": noun,
        "pl": noun if pl_only else plural,  # bare plural: "Vendete giacche?"
        "def": art + noun,  # la giacca, lo zaino, l'orologio, i jeans, gli stivaletti, le cuffie
        "indef": ind + noun,  # una giacca, uno zaino, dei jeans, delle cuffie
        "dem": dem + noun,  # questa giacca, quest'orologio, questi jeans
        "di": prep[0] + noun,  # della giacca, dello zaino, dei jeans
        "in": prep[1] + noun,  # nella giacca, nello zaino, nei jeans
        "su": prep[2] + noun,  # sulla giacca, sullo zaino, sui jeans
        "a": prep[3] + noun,  # alla giacca, allo zaino, ai jeans
    }


SLOTS = {
    "product": [
        # clothes
        _n("giacca", "f", "giacche"),
        _n("giubbotto", "m", "giubbotti"),
        _n("piumino", "m", "piumini"),
        _n("cappotto", "m", "cappotti"),
        _n("impermeabile", "m", "impermeabili"),
        _n("felpa con cappuccio", "f", "felpe con cappuccio"),
        _n("maglietta", "f", "magliette"),
        _n("camicia", "f", "camicie"),
        _n("maglione", "m", "maglioni"),
        _n("jeans", "m"),
        _n("pantaloni della tuta", "m"),
        _n("leggings", "m"),
        _n("vestito", "m", "vestiti"),
        _n("gonna", "f", "gonne"),
        _n("costume da bagno", "m", "costumi da bagno"),
        _n("reggiseno sportivo", "m", "reggiseni sportivi"),
        _n("pigiama", "m", "pigiami"),
        # shoes and accessories
        _n("scarpe da ginnastica", "f"),
        _n("scarpe da running", "f"),
        _n("stivaletti", "m"),
        _n("sandali", "m"),
        _n("ciabatte", "f"),
        _n("mocassini", "m"),
        _n("zaino", "m", "zaini"),
        _n("valigia", "f", "valigie"),
        _n("borsa", "f", "borse"),
        _n("portafoglio", "m", "portafogli"),
        _n("occhiali da sole", "m"),
        _n("orologio", "m", "orologi"),
        # electronics
        _n("smartphone", "m", "smartphone"),
        _n("cover per iPhone", "f", "cover per iPhone"),
        _n("auricolari", "m"),
        _n("cuffie", "f"),
        _n("portatile", "m", "portatili"),
        _n("tablet", "m", "tablet"),
        _n("smartwatch", "m", "smartwatch"),
        _n("caricabatterie", "m", "caricabatterie"),
        _n("smart TV", "f", "smart TV"),
        _n("stampante", "f", "stampanti"),
        _n("console", "f", "console"),
        _n("hard disk esterno", "m", "hard disk esterni"),
        # home and kitchen
        _n("friggitrice ad aria", "f", "friggitrici ad aria"),
        _n("macchina del caffè", "f", "macchine del caffè"),
        _n("aspirapolvere senza fili", "m", "aspirapolvere senza fili"),
        _n("robot aspirapolvere", "m", "robot aspirapolvere"),
        _n("frullatore", "m", "frullatori"),
        _n("set di pentole", "m", "set di pentole"),
        _n("padella antiaderente", "f", "padelle antiaderenti"),
        _n("piumone", "m", "piumoni"),
        _n("lampada da tavolo", "f", "lampade da tavolo"),
        # beauty
        _n("profumo", "m", "profumi"),
        _n("crema viso", "f", "creme viso"),
        _n("fondotinta", "m", "fondotinta"),
        _n("rossetto", "m", "rossetti"),
        _n("shampoo", "m", "shampoo"),
        _n("piastra per capelli", "f", "piastre per capelli"),
        _n("asciugacapelli", "m", "asciugacapelli"),
        # sport and toys
        _n("tappetino da yoga", "m", "tappetini da yoga"),
        _n("bici elettrica", "f", "bici elettriche"),
        _n("monopattino elettrico", "m", "monopattini elettrici"),
        _n("racchetta da padel", "f", "racchette da padel"),
        _n("pallone da calcio", "m", "palloni da calcio"),
        _n("borraccia termica", "f", "borracce termiche"),
        _n("passeggino", "m", "passeggini"),
        _n("seggiolino auto", "m", "seggiolini auto"),
        _n("gioco da tavolo", "m", "giochi da tavolo"),
        _n("peluche", "m", "peluche"),
        _n("puzzle", "m", "puzzle"),
    ],
    "brand": [
        "Nike",
        "Adidas",
        "Puma",
        "New Balance",
        "Converse",
        "Superga",
        "Geox",
        "Diadora",
        "Kappa",
        "Fila",
        "Zara",
        "H&M",
        "Benetton",
        "Calzedonia",
        "Intimissimi",
        "Tezenis",
        "OVS",
        "Liu Jo",
        "Guess",
        "Napapijri",
        "Colmar",
        "The North Face",
        "Levi's",
        "Ray-Ban",
        "Samsung",
        "Apple",
        "Xiaomi",
        "Sony",
        "Bose",
        "JBL",
        "Philips",
        "Dyson",
        "De'Longhi",
        "Smeg",
        "Bialetti",
        "Lagostina",
        "Imetec",
        "Kiko Milano",
        "L'Oréal",
        "Lego",
        "Chicco",
        "Decathlon",
    ],
    "color": [
        "nero",
        "bianco",
        "grigio",
        "grigio antracite",
        "blu",
        "blu navy",
        "azzurro",
        "rosso",
        "bordeaux",
        "verde",
        "verde oliva",
        "verde militare",
        "beige",
        "cammello",
        "panna",
        "marrone",
        "rosa",
        "rosa cipria",
        "giallo",
        "senape",
        "viola",
        "fucsia",
        "argento",
        "oro",
    ],
    "size": [
        "XS",
        "S",
        "M",
        "L",
        "XL",
        "XXL",
        "3XL",
        "38",
        "40",
        "42",
        "44",
        "46",
        "48",
        "50",
        "36",
        "37",
        "39",
        "41",
        "43",
        "45",
        "37,5",
        "42,5",
        "EU 39",
        "UK 8",
        "3B",
        "4C",
        "W32 L34",
        "S/M",
    ],
    "city": [
        "Milano",
        "Roma",
        "Napoli",
        "Torino",
        "Palermo",
        "Genova",
        "Bologna",
        "Firenze",
        "Bari",
        "Catania",
        "Venezia",
        "Verona",
        "Padova",
        "Trieste",
        "Brescia",
        "Bergamo",
        "Parma",
        "Modena",
        "Cagliari",
        "Pescara",
        "Lecce",
        "Perugia",
        "Trento",
        "Bolzano",
        "Reggio Calabria",
        "Salerno",
        "Como",
        "Varese",
        "Lugano",
        "Bellinzona",
        "Locarno",
        "Mendrisio",
        "Chiasso",
    ],
    # Plain values that read well after "con", "tramite", "accettate ...?"
    "payment_method": [
        "PayPal",
        "Satispay",
        "Scalapay",
        "Klarna",
        "contrassegno",
        "bonifico",
        "bonifico bancario",
        "carta di credito",
        "carta di debito",
        "carta prepagata",
        "Postepay",
        "bancomat",
        "Apple Pay",
        "Google Pay",
        "Amazon Pay",
        "Visa",
        "Mastercard",
        "American Express",
        "Maestro",
        "TWINT",
        "PostFinance",
        "buono regalo",
        "Carta del Docente",
    ],
    "coupon": [
        "BENVENUTO10",
        "WELCOME15",
        "ESTATE20",
        "SALDI30",
        "BF-2026",
        "BLACKFRIDAY",
        "CYBER25",
        "NATALE15",
        "PRIMAVERA10",
        "SCONTO10",
        "SPEDIZIONEGRATIS",
        "APP5",
        "FESTAMAMMA",
        "MIDSEASON",
        "BACKTOSCHOOL",
        "AMICO20",
        "VIP-30",
        "PRIMOORDINE",
        "TICINO10",
        "SUMMER-SALE",
    ],
}

_MONTHS = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
]
_MONTHS_SHORT = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
# Days that read "il ..." (no "l'8", "l'11", "l'1º"), so templates can write "il {date}", "del {date}", "dal {date}".
_DAYS = [2, 3, 4, 5, 6, 7, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]
_CENTS = [0, 0, 0, 99, 99, 90, 90, 50, 95, 49]


def _thousands(n, sep="."):
    return f"{n:,}".replace(",", sep)


def price(rng: random.Random) -> str:
    big = rng.random() < 0.15
    whole = rng.randint(100, 1999) if big else rng.randint(5, 249)
    cents = rng.choice(_CENTS)
    if rng.random() < 0.78:  # euro, Italian style: comma decimals, dot thousands
        style = rng.randrange(9)
        if style == 0:
            return f"{_thousands(whole)},{cents:02d} €"
        if style == 1:
            return f"{whole},{cents:02d}€"
        if style == 2:
            return f"€ {_thousands(whole)},{cents:02d}"
        if style == 3:
            return f"€{whole}"
        if style == 4:
            return f"{whole} euro"
        if style == 5:
            return f"{whole},{cents:02d} euro"
        if style == 6:
            return f"{_thousands(whole)} €"
        if style == 7:
            return f"{whole} EUR"
        return f"{whole}€"
    # Swiss francs: decimal point, apostrophe thousands, "Fr." and ".–"
    style = rng.randrange(6)
    if style == 0:
        return "CHF {}.{:02d}".format(_thousands(whole, "'"), cents)
    if style == 1:
        return f"{whole}.{cents:02d} CHF"
    if style == 2:
        return f"Fr. {whole}.–"
    if style == 3:
        return f"{whole} franchi"
    if style == 4:
        return "CHF {}.–".format(_thousands(whole, "'"))
    return f"{whole} CHF"


def date(rng: random.Random) -> str:
    # Calendar dates only, without article: templates write "il {date}", "del {date}", "entro il {date}".
    d = rng.choice(_DAYS)
    m = rng.randint(1, 12)
    y = rng.choice((2025, 2026, 2026))
    style = rng.randrange(9)
    if style in (0, 1):
        return f"{d} {_MONTHS[m - 1]}"
    if style == 2:
        return f"{d} {_MONTHS_SHORT[m - 1]}"
    if style == 3:
        return f"{d:02d}/{m:02d}"
    if style == 4:
        return f"{d}/{m}"
    if style == 5:
        return f"{d:02d}/{m:02d}/{y}"
    if style == 6:
        return f"{d:02d}.{m:02d}.{y}"  # Swiss style
    if style == 7:
        return f"{d} {_MONTHS[m - 1]} {y}"
    return f"{d:02d}-{m:02d}-{y}"


def order_id(rng: random.Random) -> str:
    style = rng.randrange(9)
    if style == 0:
        return f"#{rng.randint(100000, 999999)}"
    if style == 1:
        return f"IT-2026-{rng.randint(0, 99999):05d}"
    if style == 2:
        return str(rng.randint(400000000, 499999999))
    if style == 3:
        return f"ORD{rng.randint(1000000, 9999999)}"
    if style == 4:
        return f"IT{rng.randint(0, 99999999):08d}"
    if style == 5:
        return f"CH-{rng.randint(100000, 999999)}"
    if style == 6:
        return f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}"
    if style == 7:
        return f"#A{rng.randint(10000, 99999)}"
    return str(rng.randint(10000000, 19999999))


_QTY_WORDS = ["due", "tre", "quattro", "cinque", "sei", "dieci", "dodici", "venti"]


def quantity(rng: random.Random) -> str:
    # Reads well after "ne vorrei ...", "me ne servono ...", "portarla a ...".
    style = rng.randrange(5)
    n = rng.choice((2, 2, 3, 3, 4, 5, 6, 10, 12, 20))
    if style == 0:
        return str(n)
    if style == 1:
        return rng.choice(_QTY_WORDS)
    if style == 2:
        return f"{n} pezzi"
    if style == 3:
        return f"{n} pz"
    return f"{n} unità"


ABBREVIATIONS = {
    "per": ["x"],
    "che": ["ke", "k"],
    "non": ["nn"],
    "perché": ["xké", "xché", "perke"],
    "comunque": ["cmq"],
    "grazie": ["grz", "thx"],
    "messaggio": ["msg"],
    "numero": ["nr", "n."],
    "quando": ["qnd", "qndo"],
    "questo": ["qst", "sto"],
    "questa": ["qst", "sta"],
    "anche": ["anke"],
    "taglia": ["tg", "tg."],
    "disponibile": ["disp"],
    "tutto": ["tt"],
    "più": ["+"],
    "qualcosa": ["qlcs", "qcs"],
    "qualcuno": ["qlcn"],
    "informazioni": ["info"],
    "giorni": ["gg"],
    "settimana": ["sett"],
    "sono": ["sn"],
    "cosa": ["cs"],
    "come": ["cm"],
    "domani": ["dmn"],
    "spedizione": ["sped."],
    "buongiorno": ["bgiorno", "buondì"],
    "messaggi": ["msg"],
}

# Product base -> English word Italians also type. The swap replaces the whole product slot (article
# included), so the chosen words read fine bare: "cerco sneakers", "vendete hoodie?".
ENGLISH_SWAPS = {
    "felpa con cappuccio": "hoodie",
    "scarpe da ginnastica": "sneakers",
    "scarpe da running": "running shoes",
    "portatile": "laptop",
    "maglietta": "t-shirt",
    "piumino": "puffer",
    "auricolari": "earbuds",
    "pantaloni della tuta": "joggers",
    "cuffie": "headphones",
    "caricabatterie": "charger",
    "rossetto": "lipstick",
    "fondotinta": "foundation",
    "ciabatte": "slides",
    "bici elettrica": "e-bike",
    "friggitrice ad aria": "air fryer",
    "tappetino da yoga": "yoga mat",
}

TEMPLATES = {
    "product_search": [
        "{brand} {product} (uomo|donna|bambino|bambina|unisex)",
        "{product} {brand} (colore|color) {color}",
        "{product:pl} (sotto i|max|entro i|fino a|massimo) {price}",
        "(jeans|pantaloni|felpe|giacche|maglioni|camicie|vestiti|costumi) (da uomo|da donna|per bambini|per ragazzi) (taglia|tg|tg.) {size}",
        "(Cerco|Sto cercando|Cercavo) {product:indef} {brand}[, (possibilmente|meglio se|preferibilmente) (in|color) {color}]",
        "(Vendete|Avete|Trattate) anche {product:pl}[ (di marca|da uomo|da donna|per bambini)]?",
        "(Che|Quali) {product:pl} (avete|mi consigliate|mi consiglia|mi consigli|ci sono) (sotto i|per meno di|entro i|fino a) {price}?",
        "(Buongiorno|Salve|Buonasera|Ciao), (sto cercando|cercherei|vorrei trovare) {product:indef} da regalare a (mia madre|mio marito|mia moglie|un'amica|mio fratello|una collega|mia suocera), (cosa mi consiglia|cosa mi consigliate|avete qualche idea|che cosa mi suggerisce)?",
        "(Fammi vedere|Mostrami|Mi fa vedere|Mi fate vedere) (i modelli|tutti i modelli|le novità|le proposte) di {product:pl} {brand}",
        "Dove trovo (la sezione|la categoria|il reparto|la pagina) {product:pl}[ (sul sito|nell'app)]?",
        "(Avete prodotti|Trattate anche il marchio|Avete qualcosa di|Vendete anche|Avete la linea) {brand}?[ (Non lo trovo nel menu|Nella ricerca non esce niente)]",
        "Ho un budget di (circa|più o meno|massimo|al massimo) {price}: (che|quali) {product:pl} mi (consigli|consiglia|consigliate|proponete)?",
        "idee regalo (per lei|per lui|per bambini|per la festa del papà|per la festa della mamma|per Natale|per un compleanno|per San Valentino) (sotto i|max|entro|fino a) {price}",
        "(Cerco|Vorrei) qualcosa di simile {product:a} {brand} ma (più economico|che costi meno|di un'altra marca|più elegante)",
        "Ci sono (novità|nuovi arrivi|nuovi modelli) nella categoria {product:pl}[ (questa settimana|per la nuova stagione)]?",
        "(Mi servirebbe|Avrei bisogno di|Vorrei) un consiglio: (sto cercando|cerco) {product:indef} (per tutti i giorni|da portare in viaggio|di qualità ma non troppo caro|che duri nel tempo), (cosa avete|cosa proponete|cosa mi consiglia|da dove parto)?",
        "(collezione|nuova collezione|outlet) (autunno inverno|primavera estate|2026) {brand}",
        "[Ciao! ](Avete|Vendete|Tenete|Trovo da voi) (abbigliamento|scarpe|articoli|roba|attrezzatura) (da montagna|per il padel|per neonati|da trekking|per la palestra|da sci|per il mare)?",
        "(Vorrei|Mi piacerebbe) (vedere|sfogliare) il catalogo {brand}(.|: c'è anche online?|: avete anche la versione PDF?)",
    ],
    "product_details": [
        "{product} {brand} (scheda tecnica|caratteristiche|materiale|dimensioni|peso|composizione|misure)",
        "(Di che materiale è fatto|Com'è fatto|Da cosa è composto) questo (modello|articolo|prodotto)?[ (Dalle foto non si capisce|Nella descrizione non c'è scritto)]",
        "Qual è la composizione del tessuto? (Leggo poliestere ma non capisco in che percentuale|C'è lana o è tutto sintetico?|È cotone al 100%?)",
        "(Mi sa|Mi sai|Mi sapete|Potete) dire le misure esatte {product:di} {brand}? (Devo capire se entra|Vorrei capire se ci sta|Devo vedere se ci sta) (nell'armadio|in macchina|sulla scrivania|in valigia|in cucina)",
        "Com'è la vestibilità? (Di solito|Normalmente|Io|In genere) porto la {size}, (mi consiglia di prendere una taglia in più|mi consigli la taglia sopra|conviene prendere una taglia in più|va bene la stessa)?",
        "(Veste|Calza|Questo modello veste) (piccolo|grande|regolare|abbondante|stretto)? Sono indecis(o|a) tra la {size} e la taglia (sopra|sotto)",
        "(Che garanzia c'è|Quanti anni di garanzia ci sono|Com'è la garanzia) {product:su} {brand}?",
        "(info|informazioni|dettagli|domanda) {product:su} {brand}",
        "(La giacca|La felpa|La camicia|La gonna|La maglietta) {brand} si può lavare (in lavatrice|a 40 gradi|a 60 gradi) o (solo a secco|solo a mano)?",
        "(Il caricabatterie|La cover|Il cavo|Il caricatore wireless) (è compatibile|va bene|funziona) con (l'iPhone 15|il Samsung Galaxy S24|uno Xiaomi Redmi Note 13|il Pixel 8|l'iPhone 12)?",
        "Nella confezione (dello smartphone|del portatile|dello smartwatch|del tablet) (è incluso|c'è) il caricatore o (va comprato a parte|bisogna comprarlo a parte)?",
        "(Buongiorno|Salve|Buonasera), avrei bisogno di qualche informazione in più {product:su} {brand}: (peso, misure e materiale|dove viene prodotto e che garanzia ha|che accessori sono inclusi). Sul sito non (è indicato|trovo niente|c'è scritto).",
        "(La tabella taglie|La taglia|La guida alle taglie) segue le misure italiane o (europee|inglesi|americane)? Io (porto|ho|di solito prendo) una {size}",
        "Le scarpe {brand} calzano (giuste|strette|larghe) o è meglio prendere mezzo numero (in più|in meno)?",
        "(Lo smartwatch|L'orologio|Il fitness tracker) {brand} (è impermeabile|si può usare in piscina|funziona anche con l'iPhone|ha il GPS integrato)?",
        "(Il piumino|Il cappotto|Il giubbotto) è (imbottito|foderato|impermeabile|antivento)? Va bene per (l'inverno a {city}|la montagna|la pioggia|andare in moto)?",
        "Quanti watt ha (la friggitrice ad aria|l'asciugacapelli|il frullatore|l'aspirapolvere)? (Consuma molto|Con il contatore da 3 kW ci sto|Fa molto rumore)?",
        "(È|Il prodotto è|L'articolo è) (made in Italy|originale|nuovo con cartellino|ricondizionato)? (Lo chiedo perché il prezzo mi sembra basso|Non è specificato da nessuna parte)",
        "(Quanto dura|Che autonomia ha) la batteria (del portatile|delle cuffie|dello smartwatch|del monopattino)? E (quanto ci mette a ricaricarsi|si può sostituire)?",
    ],
    "product_comparison": [
        "(differenza tra|confronto tra|confronto) (iPhone 15 e iPhone 15 Pro|Galaxy S24 e S24+|Air Max 90 e Air Force 1|PS5 Slim e PS5 standard|Dyson V12 e V15|Bimby TM6 e TM7|AirPods Pro e AirPods 4)",
        "Che differenza c'è tra {product:def} {brand} e il modello (base|Pro|dell'anno scorso|in offerta|più economico)?",
        "Sono indecis(o|a) tra due modelli di {product:pl}: (quale|cosa) mi (consiglia|consigli|consigliate)?[ (Uno costa il doppio dell'altro|Sembrano quasi uguali)]",
        "Meglio (Nike o Adidas|Geox o Clarks|Samsung o Xiaomi|Bose o Sony|De'Longhi o Philips|Dyson o Rowenta) per (tutti i giorni|chi cammina molto|un regalo|durare nel tempo|una famiglia)?",
        "Qual è la differenza (tra la versione da 128 GB e quella da 256 GB|tra il modello da 256 GB e quello da 512 GB|tra la versione Wi-Fi e quella con SIM), a parte il prezzo?",
        "Perché il modello a {price} costa (così tanto|quasi il doppio|molto di più) rispetto all'altro? (Cosa cambia|Cosa ha in più) (concretamente|in pratica)?",
        "(confronto|paragone|differenze) {product:pl} {brand}",
        "Tra (cotone e lino|lana merino e cashmere|piuma d'oca e imbottitura sintetica|pelle e ecopelle), (cosa tiene più caldo|cosa è più traspirante|cosa dura di più|cosa mi consigliate)?",
        "(Mi aiuti|Mi aiutate|Può aiutarmi) a scegliere tra (le Superga 2750 e le Converse All Star|la moka Bialetti e la macchina a capsule|il Kindle e il Kobo|la PS5 e la Xbox)? (Quale conviene di più?|Non so proprio decidermi.)",
        "Devo regalare (uno smartwatch a mio padre e sono indecis(o|a) tra Apple e Garmin|delle cuffie a mio fratello e sono indecis(o|a) tra Sony e Bose|un tablet a mio nonno e sono indecis(o|a) tra Samsung e Lenovo): quale dei due (è più facile da usare|ha la batteria che dura di più|ha il miglior rapporto qualità-prezzo)?",
        "Cosa cambia tra la versione (standard|base) e la versione (Pro|Plus|premium) {product:di} {brand}?",
        "(Vale la pena|Conviene|Ha senso) spendere di più per il modello top o (va bene|basta) quello base?",
        "(In cosa|In che cosa) si differenziano questi due articoli? In foto sembrano (identici|uguali|lo stesso prodotto).",
        "Per (correre su strada|una mezza maratona|allenarmi in palestra) (meglio|è meglio) la Pegasus o la Ultraboost? Quale (ammortizza di più|è più leggera)?",
        "[Ciao, ]sto confrontando (tre|due|un po' di) {product:pl} e non riesco a decidere: quale (va meglio|è più adatto|mi consigliate) per (un uso quotidiano|chi viaggia spesso|un principiante|un bambino)?",
        "robot aspirapolvere (Roomba o Roborock|Xiaomi o Dreame|iRobot o Ecovacs) quale (è meglio|prendere|scegliere) con (cane|gatto|animali in casa|tanti tappeti)",
        "(Meglio|Secondo voi è meglio prendere|Mi consigliate) {product:def} {brand} o un modello (simile di fascia più alta|di un'altra marca allo stesso prezzo)?",
    ],
    "stock_availability": [
        "disponibilità {product} {brand} (taglia|tg) {size}",
        "(Avete ancora|C'è ancora|Ci sarebbe ancora) la {size} (di questo modello|in {color}|nel colore {color})?",
        "(Avete ancora|Avete|Tenete ancora) in magazzino {product:def} {brand} (color|in) {color}?",
        "Quando (rientra|torna disponibile|arriva di nuovo|viene riassortita) la taglia {size}[ (di questo modello|in {color})]?",
        "[Ciao, ]ce l'avete in {color}? (Anche|E) in taglia {size}?",
        "(Mi avvisate|Mi potete avvisare|Mi può avvisare|Posso ricevere un avviso) quando torna disponibile la {size}?",
        "Sul sito c'è scritto (esaurito|non disponibile) per {product:def} {brand}: (è previsto un riassortimento|arriverà altra merce|quando arriva il nuovo stock)?",
        "(È disponibile|C'è|Lo trovo) nel (negozio|punto vendita|vostro store) di {city} o solo online?",
        "(Questo modello|{brand}) in {size} ce l'avete?",
        "Ciao, (volevo sapere|vorrei sapere|mi sapete dire) se avete ancora {product:def} {brand} in {color}, perché sul sito (il pulsante Aggiungi al carrello è grigio|non riesco a selezionare la taglia {size})",
        "Quanti pezzi vi sono rimasti (della {size}|in magazzino|in {color})? Ne vorrei {quantity}",
        "Il prodotto risulta (in arrivo|in riassortimento|disponibile a breve): (entro quando|più o meno quando) (sarà disponibile|lo avrete|si potrà ordinare)?",
        "Avevo messo {product:def} {brand} nel carrello ma ora (il colore {color} risulta esaurito|la variante che avevo scelto risulta esaurita|la versione che volevo risulta non disponibile). (Tornerà disponibile|È previsto un riassortimento)?",
        "Il colore {color} è esaurito (per sempre|definitivamente) o (tornerà disponibile|lo riassortite|arriverà di nuovo)?",
        "(esaurito|non disponibile|sold out) {product} {size} quando torna",
        "(Buonasera|Salve|Buongiorno), (è possibile|si può) sapere se avete {product:def} {brand} in pronta consegna o bisogna (aspettare|attendere qualche settimana)?",
        "(Ne avete ancora|Ce ne sono ancora) in magazzino? (Mi servirebbero|Me ne servono) {quantity}",
    ],
    "price_promotions": [
        "(Qual è il prezzo|Mi dice il prezzo|Mi dici il prezzo) {product:di} {brand}?",
        "(prezzo|quanto costa|costo) {product} {brand}",
        "A quanto (vendete|mettete) {product:def} {brand}?",
        "Il codice {coupon} non (funziona|va|viene accettato|mi dà lo sconto)[, (come mai|perché|cosa sbaglio)?]",
        "{coupon} (non valido|non funziona|scaduto?)",
        "Avete (sconti|promozioni|offerte|codici sconto) (per studenti|per il Black Friday|per i nuovi clienti|per chi scarica l'app|per gli over 65)?",
        "Quando (iniziano|partono|cominciano) i saldi (estivi|invernali|di fine stagione)[ (in Italia|in Ticino|online|sul sito)]?",
        "(C'è|Avete|Esiste) un codice sconto per il primo ordine?",
        "Ci sono (offerte|promozioni|sconti) {product:su} (in questo periodo|questa settimana|per il Black Friday|a fine stagione)?",
        "Per {product:def} {brand} il prezzo di {price} è (quello finale|IVA inclusa) o (va aggiunta l'IVA|si aggiunge qualcosa)?",
        "(Perché|Come mai) nel carrello il prezzo è diverso da quello (indicato|che vedo|scritto) sulla pagina del prodotto?",
        "Lo sconto del (20|30|40|50)% (vale|si applica) anche (sugli articoli già scontati|sull'outlet|sui nuovi arrivi)?",
        "Ho ricevuto il codice {coupon} (via email|per SMS|con l'ultimo ordine) ma al checkout mi dice che è scaduto, (come mai|è normale)? (Potete riattivarlo|Me ne date un altro)?",
        "(Fate|Applicate) il price match? Su (Amazon|MediaWorld|Zalando|Unieuro|Euronics) lo stesso articolo (sta a|costa) {price}",
        "Mi (avevano detto|hanno detto) che iscrivendosi alla newsletter c'è il 10% di sconto, dove lo trovo il codice?",
        "I prezzi per la Svizzera sono in franchi o in euro? (E sono IVA inclusa|E la dogana è compresa)?",
        "Se ne prendo {quantity} (mi fate|c'è|fate) uno sconto?",
        "(Posso|Si possono) usare due codici sconto nello stesso ordine? Ho {coupon} e un buono (compleanno|fedeltà|di benvenuto)",
        "Quanto dura (l'offerta|la promo|il 3x2|lo sconto)? (Volevo|Vorrei) aspettare (lo stipendio|la fine del mese) prima di comprare",
    ],
    "place_order": [
        "(Vorrei|Voglio|Desidero) ordinare {product:indef} {brand}[, (color|in) {color}]",
        "(come si ordina|come ordinare|come fare un ordine)",
        "(Aggiungi|Metti|Aggiungimi) al carrello {product:def} {brand}[ (color|in) {color}]",
        "Come faccio a (ordinare|fare un ordine|comprare|acquistare) (dal vostro sito|dall'app|online)?[ È la prima volta]",
        "(Posso|Si può|È possibile) ordinare (per telefono|tramite WhatsApp|via email|da qui in chat|direttamente in chat)?",
        "(Lo prendo|Lo compro|Va bene, lo voglio)! Come (procedo|faccio a completare l'acquisto|faccio a ordinarlo)?",
        "(Vorrei comprare|Voglio acquistare) {product:def} {brand} ma non trovo il (tasto|pulsante) (Acquista|Aggiungi al carrello|Compra ora)",
        "Ne vorrei {quantity}, come (faccio|posso ordinarli|procedo con l'acquisto)?",
        "Vorrei fare un ordine (per la mia azienda|all'ingrosso|per un negozio|per il mio ufficio): (come funziona|a chi mi rivolgo|come devo procedere)?",
        "(Voglio|Vorrei) acquistare {product:dem} (color|in) {color}, (come procedo|cosa devo fare|mi guidi)?",
        "(Confermo|Procedi con|Procedo con|Conferma) l'ordine[, grazie]",
        "(Mi può|Mi puoi|Potete) mandare il link per acquistare direttamente {product:def} {brand}?",
        "Ciao, è la prima volta che compro da voi: (una volta scelto il prodotto|dopo aver scelto la taglia|dopo aver messo tutto nel carrello), cosa devo fare per (completare l'acquisto|chiudere l'ordine|confermare)?",
        "(Posso|Si può) fare un unico ordine con (prodotti di marche diverse|articoli di categorie diverse|prodotti in saldo e non)?",
        "(Buongiorno|Salve), vorrei acquistare {product:indef} {brand} come regalo per (mia figlia|mio nipote|una collega|il mio compagno): (posso ordinare oggi stesso|come procedo con l'ordine|si può fare dal sito)?",
        "(acquistare|comprare|ordinare) {product} {brand} (taglia|tg) {size}",
        "(Prendo|Ordino) quello in {color}, taglia {size}. (Cosa devo fare adesso|Me lo metti nel carrello|Come concludo)?",
    ],
    "payment_methods": [
        "(Accettate|Prendete) {payment_method}?",
        "(Si può|Posso|È possibile) pagare (con|tramite) {payment_method}?",
        "(metodi|modalità|opzioni|forme) di pagamento[ (disponibili|online)]",
        "pagamento (con|tramite|via) {payment_method}",
        "È possibile pagare a rate? (Tipo|Per esempio|Magari) con (Scalapay o Klarna|PayPal in 3 rate|Findomestic)?",
        "(Posso|Si può) pagare alla consegna, in contanti al corriere?",
        "Il contrassegno (ha un costo aggiuntivo|costa di più|ha una commissione)?",
        "(Dalla Svizzera|Dal Ticino|Abito a Lugano,) posso pagare con (TWINT|PostFinance|fattura)?",
        "Quali carte (accettate|prendete)? Anche (American Express|Maestro|le prepagate tipo Postepay|le carte virtuali)?",
        "Non ho (la carta di credito|una carta|PayPal), (come posso pagare|che alternative ci sono|come faccio a pagare)?",
        "(Accettate|Posso usare) (la Carta del Docente|il bonus cultura|i buoni regalo|le gift card)?",
        "(Posso|Si può) dividere il pagamento (in tre rate|su due carte diverse|tra carta e buono regalo)?",
        "Per le aziende è previsto il pagamento con bonifico (a 30 giorni|anticipato|su fattura)?",
        "(Buongiorno|Salve), (vorrei|volevo) pagare con {payment_method}, (è possibile|si può fare) o non lo accettate?",
        "Con Satispay (come funziona|cosa devo fare), mi arriva la richiesta sull'app?",
        "Se pago con bonifico, dopo quanto tempo (parte|viene spedito|viene preso in carico) l'ordine?",
        "Che differenza c'è tra pagare con Scalapay e con Klarna? (Ci sono interessi|Quante rate si fanno)?",
    ],
    "payment_problem": [
        "(pagamento rifiutato|carta rifiutata|transazione negata|pagamento non riuscito)",
        "errore (pagamento|al checkout|nel pagamento) con (PayPal|Satispay|la carta|Apple Pay|Postepay|Google Pay)",
        "Mi avete addebitato (due volte l'ordine|il doppio per l'ordine) {order_id}[, (controllate|verificate) per favore]",
        "Il pagamento con (PayPal|Satispay|Scalapay|la carta|Google Pay) non va a buon fine[, (cosa devo fare|perché)?]",
        "(Provo a pagare ma|Quando pago) la pagina si blocca (sul 3D Secure|alla conferma|dopo aver inserito i dati della carta)",
        "Ho pagato (ma|eppure) l'ordine risulta ancora in attesa di pagamento[, (come mai|che succede)?]",
        "(Soldi scalati|Importo addebitato|Mi hanno preso i soldi) dal conto ma non mi è arrivata nessuna conferma d'ordine",
        "La mia carta viene rifiutata, eppure (ha fondi|è carica|funziona ovunque|l'ho usata ieri)",
        "Il codice (OTP|di conferma) della banca non arriva e (quindi|così) non riesco a completare il pagamento",
        "non riesco (a pagare|a completare il pagamento|a concludere l'acquisto)",
        "Buonasera, ho provato (tre|più|diverse) volte a pagare (con la carta|con la Postepay|con il bancomat) e ogni volta esce transazione negata. La banca dice che da loro è tutto ok, come (posso fare|risolvo)?",
        "Scalapay mi ha rifiutato il pagamento a rate, (perché|come mai)?[ Ho sempre pagato tutto]",
        "PayPal mi rimanda alla pagina del carrello senza completare il pagamento",
        "Il pulsante (Paga ora|Conferma e paga|Procedi al pagamento) non fa niente, (ho provato|ci ho provato) da PC e da telefono",
        "Il {date} mi avete (preso|addebitato|scalato) {price} due volte per lo stesso ordine, (vorrei capire cosa è successo|controllate per favore)",
        "(Satispay|PayPal|La banca) dice pagamento non riuscito ma l'importo mi risulta (bloccato|addebitato) sul conto",
        "Al checkout (esce|compare) (errore 500|un errore generico|pagina non trovata) e non (riesco a|posso) pagare",
    ],
    "order_status": [
        "(Dov'è|Dove si trova|Che fine ha fatto) il mio ordine {order_id}?",
        "(stato|tracking|tracciamento) (ordine|pacco|spedizione) {order_id}",
        "(Quando arriva|Quando mi arriva|Quando mi consegnate) il mio ordine?",
        "Il tracking è fermo da (tre giorni|una settimana|giorni) al centro di smistamento di {city}, (che succede|è tutto ok|si è perso)?",
        "Mi (date|dà|puoi dare|mandate) il numero di tracciamento dell'ordine {order_id}?",
        "L'ordine risulta spedito ma (BRT|GLS|SDA|Poste Italiane|il corriere|DHL) non ha ancora nessuna informazione, (dov'è|dove si trova|cosa succede)?",
        "(Hai|Avete) notizie del mio pacco?",
        "Ho ordinato il {date} e non ho ancora ricevuto (l'email di spedizione|nessun aggiornamento|niente): (è partito|l'avete spedito)?",
        "(È già partito|È stato spedito|L'avete già spedito) il mio ordine?",
        "Mi è arrivata una mail di consegna (fallita|non riuscita), dove si trova adesso il pacco?",
        "Il sito dice consegnato ma io non ho ricevuto (niente|nulla), dove è finito il pacco?",
        "(Buongiorno|Salve), vorrei sapere lo stato della mia spedizione, ordine {order_id} del {date}. Grazie",
        "a che punto è il mio (ordine|pacco)",
        "(Ho fatto|Ho effettuato) un ordine (lunedì|martedì|mercoledì|giovedì|venerdì|sabato scorso|la settimana scorsa) ed è ancora in preparazione, (quando lo spedite|quando parte)?",
        "(Posso|Si può) sapere quando mi consegnano l'ordine {order_id}? (Devo organizzarmi per essere a casa|Domani non ci sono)",
        "Mi è arrivato solo un pacco su due, l'altro (è ancora in viaggio|dove si trova|quando arriva)?",
    ],
    "cancel_order": [
        "annulla[re] ordine {order_id}",
        "Vorrei annullare l'ordine (appena fatto|di stamattina|di ieri sera), (non è ancora stato spedito|è ancora in preparazione)",
        "Ho sbagliato a ordinare, (potete|può|puoi) (cancellare|annullare|bloccare) tutto prima che parta?",
        "Come (faccio ad|si fa ad) annullare un ordine?",
        "Ho cambiato idea, non voglio più {product:def} che ho ordinato (ieri|stamattina|il {date}): (annullate|potete annullare|annullatemi) l'ordine?",
        "(disdire|revocare|cancellare|annullamento) ordine[ {order_id}]",
        "(Posso ancora|Si può ancora|Faccio ancora in tempo a) cancellare l'ordine (se è in preparazione|prima che lo spediate)?",
        "Ho fatto lo stesso ordine due volte per errore, (annullatene|cancellatene) uno per favore",
        "L'ordine {order_id} non è ancora partito: (lo voglio annullare|annullatelo|cancellatelo), non mi serve più",
        "(Bloccate|Fermate) l'ordine {order_id}, non spedite niente!",
        "Ho trovato lo stesso prodotto a meno altrove, (vorrei|voglio) annullare l'acquisto di (stamattina|ieri sera|oggi)[, tanto non è ancora partito]",
        "Mi (annulli|annulla|cancelli|cancella) l'ordine per favore? [Il numero è {order_id}]",
        "Gentile assistenza, Le chiedo di annullare l'ordine {order_id} effettuato il {date}, che risulta ancora da spedire. (Resto in attesa di conferma|La ringrazio|Cordiali saluti)",
        "Si può annullare un ordine pagato con (PayPal|Satispay|Scalapay|la carta) prima della spedizione?",
        "Non l'avete ancora spedito, vero? (Allora|In quel caso) (lo annullo|annullatelo), ho ordinato per sbaglio",
    ],
    "change_order": [
        "(modifica|modificare|cambiare) ordine {order_id}",
        "Ho ordinato la {size} ma mi serve una taglia (in più|in meno), (posso cambiarla|potete cambiarla) prima della spedizione?",
        "(Posso|Si può) aggiungere {product:indef} all'ordine che ho appena fatto?",
        "Nell'ordine {order_id} ho scelto il colore sbagliato: (vorrei|mi servirebbe) {product:def} in {color}, è possibile modificarlo prima che parta?",
        "Nell'ordine ho messo la quantità sbagliata, me ne servono {quantity}: (potete correggere|si può correggere)?",
        "(Posso|Si può) togliere un articolo dall'ordine {order_id}? Il resto va bene",
        "cambio (taglia|colore|articolo|quantità) nell'ordine prima della spedizione",
        "Mi sono accort(o|a) di aver ordinato il modello sbagliato: invece {product:di} {brand} volevo la versione (Pro|in {color}|più grande), (potete correggere l'ordine|si può ancora cambiare)?",
        "È possibile sostituire un prodotto nell'ordine prima che venga spedito?",
        "(Posso|Riesco a) modificare ancora la quantità? Vorrei portarla a {quantity}",
        "(Cambia|Cambiami) la taglia nel mio ordine, (metti|mettimi) la {size}",
        "Le scrivo perché ho appena effettuato l'ordine {order_id} ma ho dimenticato di aggiungere {product:indef}: è possibile integrare l'ordine senza farne un secondo[ e pagare due volte la spedizione]?",
        "Ho ordinato {product:def} in {color} ma vorrei cambiare colore, l'ordine non è ancora partito",
        "Invece di (una|uno) ne vorrei {quantity}, si può aggiornare l'ordine di (ieri|stamattina)?",
        "L'ordine è ancora in preparazione? (Vorrei|Devo) sostituire {product:def} con (un altro modello|la versione in {color}|un modello di un'altra marca)",
    ],
    "change_shipping_address": [
        "(cambiare|modificare|cambio) indirizzo di (consegna|spedizione)[ dell'ordine]",
        "(modifica|correzione) indirizzo spedizione ordine {order_id}",
        "Ho sbagliato l'indirizzo nell'ordine, come (lo correggo|posso correggerlo|faccio a cambiarlo)?",
        "(Posso|Potete) far consegnare l'ordine {order_id} (all'indirizzo del lavoro|da mia madre|a un altro indirizzo|in ufficio) invece che a casa?",
        "Mi sono trasferit(o|a) a {city}, potete spedire l'ordine che ho appena fatto al nuovo indirizzo?",
        "Ho scritto il CAP sbagliato, (è possibile|si può) correggerlo prima della spedizione?",
        "Il pacco è già partito, si può ancora cambiare l'indirizzo di consegna?",
        "Nell'indirizzo ho scritto (Via Roma 12|Via Garibaldi 5|Corso Italia 30) ma è (Via Roma 21|Via Garibaldi 15|Corso Italia 3), (potete|può) correggerlo sull'ordine {order_id}?",
        "Invece che a casa vorrei ricevere l'ordine (in un punto di ritiro|in un locker|in un fermopoint|all'ufficio postale), si può cambiare?",
        "Potete consegnare a {city} anziché all'indirizzo che ho messo nell'ordine?",
        "indirizzo sbagliato (ordine|pacco) {order_id}",
        "Ho dimenticato (il nome sul citofono|l'interno e la scala|il numero civico) nell'indirizzo di spedizione, (potete aggiungerlo|me lo aggiungete)? Altrimenti il corriere non mi trova",
        "(Buongiorno|Salve), per l'ordine del {date} dovrei cambiare l'indirizzo di consegna: (la prossima settimana non sarò a casa|sarò in vacanza a {city}). Come posso fare?",
        "(Mi|Ci) cambi l'indirizzo di spedizione dell'ultimo ordine? Quello giusto è in (Via Verdi|Piazza Garibaldi|Via Dante) a {city}",
        "(Ho ordinato|Ho appena ordinato) con il vecchio indirizzo di casa, (riuscite|fate in tempo) a (deviarlo|spedirlo) al nuovo?",
    ],
    "delivery_options": [
        "Quanto costa la spedizione (a|per) {city}?",
        "(Da che cifra|Sopra quale importo|Da quanto) la spedizione è gratuita?",
        "Spedite in Svizzera? (Ci sono dazi doganali|Chi paga la dogana|Quanto costa)?",
        "In quanto tempo arriva (un ordine|la merce|un pacco) a {city}?",
        "(Fate|Avete) consegne (in giornata|express|il sabato|su appuntamento)?",
        "(Posso|Si può) ritirare in negozio a {city}?[ (È gratis|Quanto ci vuole)?]",
        "Con che corriere spedite? (BRT|GLS|SDA|Poste)?",
        "Consegnate anche (in Sardegna|in Sicilia|a Livigno|a Campione d'Italia|a San Marino)? Ci sono costi extra?",
        "Se ordino oggi, (riesco a riceverlo|mi arriva) entro il {date}?",
        "punti di ritiro {city}",
        "spedizione (express|standard|veloce) (costo|tempi)",
        "È possibile spedire a un (fermopoint|locker|ufficio postale|punto di ritiro)?",
        "Devo fare un regalo per il {date} e vorrei essere sicur(o|a) che arrivi in tempo: che opzioni di spedizione avete per {city}?",
        "Spedite all'estero? (Io abito|Io vivo|Sono) in (Germania|Austria|Francia|Svizzera)",
        "(tempi|costi) di (consegna|spedizione) (Italia|Svizzera|isole)",
        "Quanto ci mettete di solito a spedire? (Mi serve|Mi servirebbe) per il fine settimana",
    ],
    "return_item": [
        "reso {product}[ {brand}]",
        "come (faccio|si fa|funziona) il reso?",
        "(Vorrei|Voglio|Devo) restituire {product:def} {brand}, (il colore dal vivo è diverso|non mi serve più|ho cambiato idea|non è come me lo aspettavo)",
        "(Le scarpe non mi stanno, posso rimandarle|Il vestito mi sta largo, posso rimandarlo|I jeans sono troppo lunghi, posso rimandarli|La giacca mi sta stretta, posso rimandarla) indietro?",
        "Mi (mandate|può mandare|mandi|inviate) l'etichetta (per il reso|di reso|prepagata per la restituzione)?",
        "Entro quanti giorni (posso fare|si può fare|devo fare) il reso?",
        "Il reso è gratuito o (lo pago io|le spese sono a mio carico|devo pagare la spedizione)?",
        "(Posso|Si può) (riportare|restituire) in negozio a {city} un articolo comprato online?",
        "Ho ricevuto {product:def} {brand} il {date} ma ho cambiato idea: come (faccio il reso|funziona la restituzione|posso rimandarvi il pacco)?",
        "C'è un difetto {product:in} che ho ricevuto (ieri|il {date}|stamattina), come (faccio il reso|rimando indietro la merce|posso restituire tutto)?",
        "(Com'è|Come funziona) la procedura di reso (dalla Svizzera|dal Ticino|per chi abita all'estero)?",
        "diritto di recesso (14 giorni|30 giorni) (come funziona|procedura|come si esercita)",
        "Ho comprato un regalo ma al destinatario non piace: si può (rendere|restituire|cambiare) anche senza scontrino?",
        "(Si possono rendere|Posso restituire|Accettate resi per) gli articoli comprati in saldo?",
        "(Buongiorno|Salve), vorrei restituire l'intero ordine {order_id}: devo spedirlo io o passa il corriere a ritirarlo?",
        "Non mi sta bene, che faccio? (Lo rimando|Lo restituisco|Ve lo rispedisco) e basta o devo avvisarvi prima?",
        "Ho già impacchettato tutto per il reso, (dove lo porto|a quale indirizzo lo spedisco|lo posso lasciare in un punto BRT)?",
    ],
    "refund_request": [
        "((Voglio|Vorrei) (il rimborso|essere rimborsat(o|a)|indietro i soldi)|Rivoglio (i miei soldi|indietro i soldi))",
        "(rimborso|richiesta rimborso) ordine {order_id}",
        "Mi avete mandato {product:def} con un difetto: (rivoglio i miei soldi|voglio il rimborso, non la sostituzione|rimborsatemi per favore)",
        "L'ordine (non è mai arrivato|risulta perso dal corriere), (chiedo|voglio|pretendo|esigo) il rimborso completo",
        "Mi avete fatto pagare {price} in più, (potete|mi potete|dovete) rimborsare la differenza?",
        "Ho annullato l'ordine {order_id}, come faccio a (farmi ridare i soldi|ottenere il rimborso|riavere quello che ho pagato)?",
        "Preferisco il rimborso (sulla carta|su PayPal|sul conto|con bonifico) invece del buono",
        "(Vorrei|Chiedo) il rimborso per l'articolo mancante nel pacco[ dell'ordine {order_id}]",
        "Mi è arrivato solo uno dei due articoli, (chiedo|voglio|vorrei) il rimborso di quello che manca",
        "Il prezzo è sceso il giorno dopo che ho comprato, (mi rimborsate|mi ridate|mi restituite) la differenza?",
        "(Posso avere|Mi spetta|Chiedo) il rimborso delle spese di spedizione? Il pacco è arrivato con (cinque giorni|una settimana) di ritardo",
        "Gentile servizio clienti, con la presente richiedo il rimborso dell'importo di {price} relativo all'ordine {order_id}, in quanto l'articolo è arrivato (danneggiato|non conforme|difettoso).",
        "(Ridatemi|Restituitemi) i soldi[, subito]",
        "Non voglio un altro pezzo né un buono, voglio solo che mi (restituiate|ridiate) quello che ho pagato",
        "C'è un difetto {product:in} {brand} che ho comprato (il mese scorso|due settimane fa|il {date}): (voglio|vorrei|chiedo) il rimborso",
        "(Mi avete addebitato|Ho pagato) la spedizione anche se avevo diritto a quella gratuita: (rimborsatemi|mi rimborsate) (i 4,90 €|i 9,90 euro|le spese|i 6,99 €)?",
    ],
    "refund_status": [
        "Ho fatto il reso (due settimane fa|il {date}|a inizio mese) e non ho ancora ricevuto il rimborso, (quando arriva|che succede|è normale)?",
        "(stato|situazione) rimborso [ordine ]{order_id}",
        "Quando mi (arrivano|tornano) i soldi del reso?",
        "Il rimborso (è stato approvato|risulta approvato|è confermato) ma sulla (carta|Postepay) non vedo ancora niente",
        "Ho ricevuto la mail (reso accettato|rimborso in lavorazione): quanti giorni ci vogliono (perché arrivi il rimborso|per vedere i soldi) (sulla carta|su PayPal|sul conto)?",
        "Mi avevate (promesso|garantito) il rimborso entro 14 giorni e siamo a un mese, che fine hanno fatto i miei soldi?",
        "Avete ricevuto il mio reso? Il corriere l'ha ritirato il {date}, (e il rimborso quando parte?|ma del rimborso ancora niente.)",
        "rimborso (non ancora arrivato|mai arrivato|in ritardo)",
        "A che punto è il rimborso dell'ordine (annullato|restituito) {order_id}?",
        "Ho restituito {product:def} nel negozio di {city} (la settimana scorsa|dieci giorni fa), ma i soldi non sono ancora tornati sulla carta",
        "Mi confermate che il rimborso di {price} è stato (emesso|effettuato|disposto)? In banca non (risulta|lo vedo)",
        "Dopo quanto tempo vedo l'accredito del rimborso? Mi avete scritto che l'avete già disposto (ieri|lunedì|venerdì)",
        "(Ciao|Salve|Buongiorno), (aspetto|sto aspettando) ancora il rimborso di {price} per il reso dell'ordine {order_id}. (Potete verificare|Mi dite a che punto siete)?",
        "Il rimborso su (Scalapay|Klarna) (quando arriva|a che punto è)? Ho reso tutto ma le rate continuano a essere addebitate",
        "(Era stato|Mi era stato) confermato un rimborso parziale per il pezzo mancante: (è già partito|quando lo vedrò)?",
    ],
    "invoice": [
        "(fattura|ricevuta) ordine {order_id}",
        "Mi serve la fattura (con partita IVA|intestata alla ditta|per l'azienda)",
        "(Potete|Può|Potreste) intestare la fattura (alla mia azienda|alla mia società|al mio studio)?",
        "Dove (scarico|trovo|vedo) la fattura dell'ordine?[ Nell'area clienti non c'è]",
        "Nella fattura c'è un errore nel (codice fiscale|numero di partita IVA|nome della ditta), me la (potete|può) correggere?",
        "Vorrei la ricevuta del pagamento del {date}",
        "Non ho ricevuto la fattura elettronica, il mio codice (SDI|destinatario) è (M5UXCR1|KRRH6B9|USAL8PV)",
        "Avete emesso la fattura con il nome sbagliato, dovrebbe essere intestata a (Rossi Srl|Bianchi S.p.A.|Studio Conti|Ferrari Sagl)",
        "(È possibile|Si può) avere la fattura invece dello scontrino?",
        "Per la Svizzera mi serve una fattura con l'IVA (separata|indicata) per la dogana",
        "(copia|duplicato) (fattura|scontrino|ricevuta)[ {order_id}]",
        "Ho dimenticato di inserire la partita IVA al momento dell'ordine {order_id}, posso ancora avere la fattura intestata alla ditta?",
        "(Buongiorno|Salve), per la nota spese (aziendale|del lavoro) mi servirebbe una ricevuta dell'acquisto di {price}. Me la potete mandare via (email|PEC)?",
        "fattura (con|per) (partita IVA|codice fiscale|azienda)",
        "Mi (rifate|potete rifare|può riemettere) la fattura? (Manca l'indirizzo della sede legale|Il codice fiscale è sbagliato|Ho cambiato ragione sociale)",
    ],
    "create_account": [
        "Come (mi registro|ci si registra|faccio a registrarmi)?",
        "registrazione (nuovo cliente|sito|account)",
        "(Devo|Bisogna) per forza creare un account per (ordinare|comprare)?",
        "(Vorrei|Voglio) aprire un account (aziendale|business|per la mia ditta)",
        "(Posso registrarmi|Ci si può registrare) con (Google|Apple|Facebook)?",
        "Ciao, voglio iscrivermi al sito ma non trovo (il modulo|dove si fa|il pulsante)",
        "(crea|creare|nuovo) (account|profilo)",
        "Si può (comprare|ordinare) come ospite senza registrarsi?",
        "Quali vantaggi ho a (creare un profilo|registrarmi) da voi?",
        "Ho già fatto un ordine come ospite, (posso|è possibile) creare un account e (collegarlo|vederlo lì)?",
        "La registrazione non va avanti: dice che l'email è già in uso, ma io un account non ce l'ho mai avuto",
        "Vorrei creare un account (per mia madre|per mio padre|per mia figlia), posso usare (la mia email|il mio numero di telefono)?",
        "(Registrarsi|Aprire un account|Creare un profilo) è gratis?",
        "(Buonasera|Buongiorno), vorrei diventare cliente registrato per avere (la carta fedeltà|i punti|lo storico degli ordini): come si fa?",
        "Mi (aiuti|aiutate) a creare un account? (Non sono pratic(o|a)|È la prima volta che compro online)",
    ],
    "login_help": [
        "non riesco (ad accedere|a entrare|a fare il login)",
        "password dimenticata",
        "Non mi arriva la (mail|email) per (reimpostare|recuperare) la password",
        "Account bloccato dopo troppi tentativi, (come lo sblocco?|che faccio?|aiuto!)",
        "Il codice di verifica (via SMS|per email) non arriva[, ho già controllato lo spam]",
        "Mi dice (credenziali non valide|password errata) ma sono sicur(o|a) della password",
        "Ho cambiato telefono e non riesco più a entrare con l'autenticazione a due fattori",
        "Come faccio il login se mi sono registrat(o|a) con (Google|Apple|Facebook)?",
        "L'app mi (butta fuori|disconnette) di continuo e devo rifare l'accesso",
        "Ho dimenticato con quale (email|indirizzo email) mi sono registrat(o|a)",
        "Il link per il reset della password (è scaduto|non è più valido|non funziona)",
        "Buongiorno, da (ieri|stamattina|qualche giorno) non riesco più a entrare nel mio account: inserisco email e password e la pagina si ricarica senza fare niente. Ho provato (da PC e da telefono|con due browser diversi).",
        "(login|accesso) non funziona",
        "(Mi aiuti|Mi potete aiutare|Può aiutarmi) a rientrare nel mio account? Ho provato a recuperare la password (tre volte|più volte) ma niente",
        "Ho reimpostato la password ma (quella nuova non funziona|mi rimanda sempre alla pagina di accesso)",
    ],
    "edit_account": [
        "Come (cambio|modifico|aggiorno) l'email del mio account?",
        "Vorrei aggiornare il numero di telefono (nel profilo|associato all'account)",
        "(Voglio|Vorrei) cambiare la password, sono già loggat(o|a), dove si fa?",
        "(Come aggiungo|Come si aggiunge|Dove aggiungo) un nuovo indirizzo alla rubrica del profilo per i prossimi ordini?",
        "Ho cambiato cognome dopo il matrimonio, come lo (modifico|aggiorno) nel profilo?",
        "(modifica|modificare|cambiare) dati personali (account|profilo)",
        "Come imposto l'indirizzo di {city} come (predefinito|principale)?",
        "Vorrei (eliminare|rimuovere) una carta salvata nel mio account",
        "(Si può|Posso) cambiare la lingua dell'account (in italiano|in tedesco)?",
        "Ho sbagliato la data di nascita in fase di registrazione, (si può correggere|come la correggo)?",
        "cambio (email|telefono|indirizzo) account",
        "Vorrei togliere (il vecchio indirizzo|il numero di cellulare) dal profilo, ma non chiudere l'account",
        "(Buongiorno|Ciao), mi sono trasferit(o|a) a {city}: come aggiorno l'indirizzo salvato nel mio profilo?",
        "(Dove|Come) modifico (le preferenze|la taglia salvata|il nome utente) nel mio account?",
        "(Nel profilo|Nell'account) c'è ancora la mia vecchia email di lavoro, (vorrei mettere quella personale.|come la sostituisco?)",
    ],
    "delete_account": [
        "Cancellate il mio account[, grazie]",
        "Come (elimino|cancello) il mio profilo?",
        "(Voglio|Vorrei) che cancelliate tutti i miei dati personali (ai sensi del GDPR|dal vostro database|dai vostri sistemi)",
        "(chiusura|cancellazione|eliminazione) account",
        "Non uso più il sito, vorrei chiudere (definitivamente|per sempre) l'account",
        "Se elimino l'account perdo i punti fedeltà? (Vorrei cancellarlo comunque|Lo voglio chiudere)",
        "Richiesta di cancellazione dei dati ai sensi dell'art. 17 GDPR",
        "Non voglio solo disiscrivermi dalla newsletter: voglio proprio eliminare l'account",
        "Ho due account, (uno lo vorrei eliminare.|quello vecchio lo potete cancellare?)",
        "(disattiva|disattivare|eliminare) (profilo|account)",
        "Come faccio a (eliminare|cancellare) la mia registrazione dal sito?",
        "(Buongiorno|Salve), dopo l'ultima esperienza non intendo più fare acquisti da voi: vi chiedo di eliminare il mio account e tutti i dati collegati.",
        "(Potete|Può|Puoi) cancellarmi del tutto? Account, indirizzi, carte salvate, tutto",
        "Vorrei esercitare il diritto all'oblio e far cancellare il mio profilo cliente",
        "Nell'app non trovo (l'opzione|il tasto) per eliminare l'account, (dov'è|come si fa)?",
    ],
    "complaint": [
        "Servizio (pessimo|vergognoso|indecente|scandaloso)",
        "Mi avete mandato {product:def} con un difetto (evidente|enorme). (Vergognoso|Inaccettabile|Che delusione).",
        "Il corriere mi ha lasciato il pacco fuori dalla porta sotto la pioggia, (complimenti|assurdo|roba da non credere)",
        "Ordine arrivato con (una settimana|dieci giorni|quasi un mese) di ritardo, (mai più|che delusione|non ci siamo proprio)",
        "La qualità {product:di} {brand} (è scadente|lascia molto a desiderare|è pessima), non me l'aspettavo per {price}",
        "Mi avete mandato (il colore sbagliato|la taglia sbagliata|un altro prodotto) e nessuno risponde alle email",
        "(L'operatrice|L'operatore|La persona) al telefono è stata (scortese|maleducata|sgarbata), (non è il modo di trattare i clienti|pessima esperienza)",
        "Sono (molto delus(o|a) dal|davvero arrabbiat(o|a) con il) vostro servizio",
        "È la (terza|quarta) volta che vi scrivo e nessuno mi risolve (niente|il problema)",
        "Il pacco era aperto e (mancava metà della roba|mancava un pezzo), una vergogna",
        "(Pagato|Ho pagato) la consegna express e il pacco è arrivato dopo (cinque giorni|una settimana). Ridicolo",
        "Nelle foto sembrava tutta un'altra cosa, (che presa in giro|pubblicità ingannevole)",
        "Mi è arrivato un prodotto (usato|già aperto), con (i segni di usura|la scatola rovinata|le etichette staccate)",
        "Volevo solo dire che sono (davvero|estremamente) insoddisfatt(o|a): ordine {order_id}, (due settimane di attesa|tre email senza risposta) e la scatola {product:di} arrivata distrutta. Non vi consiglierò a nessuno.",
        "(Che schifo|Roba da matti|Assurdo), (non comprerò mai più da voi|mai vista una cosa del genere)",
        "Il vostro sito è (lentissimo|un disastro) e in negozio a {city} (nessuno sa niente|mi hanno trattato malissimo)",
    ],
    "human_agent": [
        "operatore[ per favore]",
        "(Voglio|Vorrei) parlare con (un operatore|una persona vera|un essere umano)",
        "Basta bot, (passami|fammi parlare con) un umano",
        "Avete un numero di telefono (dell'assistenza|da chiamare|del servizio clienti)?",
        "(Può|Potete) farmi richiamare da qualcuno del servizio clienti?",
        "C'è una chat con un operatore (in carne e ossa|umano|vero)?",
        "Non mi stai capendo, fammi parlare con qualcuno",
        "Come contatto l'assistenza clienti (per telefono|su WhatsApp|via email)?",
        "numero (verde|di telefono) (assistenza|servizio clienti)",
        "Vorrei parlare con un (responsabile|supervisore)",
        "Ho già spiegato il problema tre volte al chatbot, (per favore|vi prego) mettetemi in contatto con un operatore",
        "A che ora (risponde|è attivo) il servizio clienti (al telefono|in chat)?",
        "assistenza (umana|telefonica)",
        "(Buongiorno|Salve), preferirei parlare con una persona: (mi passa un collega|c'è qualcuno disponibile)?",
        "(Sei un bot|Sto parlando con un robot)? (Passami|Voglio) una persona[, grazie]",
    ],
    "product_feedback": [
        "(Vorrei lasciare|Voglio scrivere|Come lascio) una recensione {product:su} {brand}",
        "Mi trovo benissimo con {product:def} {brand}, (complimenti|acquisto azzeccato|consiglio il vostro shop a tutti)!",
        "Complimenti per (la spedizione velocissima|l'imballaggio curatissimo|la gentilezza del servizio clienti)!",
        "Dove posso (scrivere|lasciare|pubblicare) una recensione?",
        "Suggerimento: (sarebbe utile|potreste aggiungere|vi consiglio di mettere) un filtro per (taglia|colore|prezzo|marca) nella ricerca",
        "(5 stelle|Dieci e lode|Voto 10), (tutto perfetto|consigliatissimo|servizio impeccabile)",
        "Vi do (3|4) stelle su 5: (prodotto buono|qualità ok) ma l'imballaggio (è migliorabile|era un po' scarso)",
        "Ho comprato {product:def} {brand} (il mese scorso|a Natale|il {date}) e volevo dirvi che (mi trovo benissimo|è stato un ottimo acquisto)",
        "Potreste aggiungere (più taglie forti|più colori|anche la taglia {size})? (Secondo me|Credo che) vendereste di più",
        "Mi è arrivata la mail per valutare l'acquisto ma il link non funziona, dove (lascio il voto|metto le stelline)?",
        "La mia recensione (non è stata pubblicata|è sparita dal sito), (come mai|perché)?",
        "Ottimo rapporto qualità-prezzo, (lo consiglierò ai miei amici|tornerò sicuramente|bravi)",
        "Un consiglio per il sito: (le foto dei prodotti dovrebbero essere più grandi|la tabella taglie andrebbe messa più in vista|sarebbe bello vedere il prodotto indossato)",
        "Volevo ringraziare (Giulia|Marco|Francesca|l'operatrice) del servizio clienti, (gentilissima|disponibilissima) e veloce!",
        "Recensione {product:di} {brand}: (esattamente come in foto|qualità top|ottimo acquisto), voto (10|9)",
        "(Posso modificare la recensione che ho lasciato?|Vorrei correggere la recensione che ho lasciato.) (Avevo messo 2 stelle ma poi il problema è stato risolto|Ho sbagliato prodotto)",
    ],
    "newsletter": [
        "Come mi (iscrivo|registro) alla newsletter?",
        "Non voglio più ricevere le vostre email (promozionali|pubblicitarie|di marketing)",
        "(disiscrizione|cancellazione|iscrizione) newsletter",
        "Basta SMS pubblicitari, (toglietemi|cancellatemi|levatemi) dalla lista",
        "Come (disattivo|tolgo|blocco) le notifiche push dell'app?",
        "Ricevo la newsletter due volte, (forse sono iscritt(o|a) con due email|come mai)?",
        "Mi sono disiscritt(o|a) (da una settimana|già due volte) ma continuo a ricevere le vostre email",
        "Vorrei ricevere le offerte (via WhatsApp|via SMS|per email)[: come mi iscrivo?]",
        "(Voglio|Vorrei) solo smettere di ricevere le mail, l'account lo tengo",
        "(Posso|Si può) scegliere di ricevere solo le email (sui saldi|sulle novità uomo|sulle offerte bambino)?",
        "Vi ho dato il consenso al marketing per sbaglio, (come lo revoco?|vorrei revocarlo.)",
        "Mandate troppe email, ne ricevo (una al giorno|tre a settimana): come (riduco la frequenza|le diminuisco)?",
        "(Buongiorno|Salve), la mia email è finita nella vostra mailing list senza che mi iscrivessi: (toglietela|rimuovetela) per favore",
        "Il link per annullare l'iscrizione in fondo alla mail (non funziona|dà errore), come faccio a non ricevere più niente?",
        "(Iscrivetemi|Mi iscrivete) alla newsletter? (Voglio essere avvisat(o|a) dei saldi|Così ricevo le novità)",
    ],
    "out_of_scope": [
        "Che tempo fa (domani|nel weekend|oggi) a {city}?",
        "(Piove|Nevica|Fa caldo) a {city} (oggi|stasera|questo weekend)?",
        "(Raccontami|Dimmi|Mi racconti) una barzelletta[ (divertente|sui carabinieri)]",
        "Come si (fa|scrive) un ciclo for in (Python|Java|JavaScript)?",
        "Il mio codice (JavaScript|Python) mi dà (undefined|errore) e non capisco perché, mi aiuti?",
        "(Cosa ne pensi del governo|Chi voteresti alle prossime elezioni|Chi ha vinto le elezioni|Sei di destra o di sinistra)?",
        "Quanto fa (15 per 23|il 20% di 350|la radice quadrata di 144|7 alla terza)?",
        "Mi aiuti con i compiti? (Devo risolvere 2x + 3 = 11|Devo fare un riassunto dei Promessi Sposi|Non capisco le frazioni)",
        "(Ciao|Buongiorno|Buonasera|Salve|Ehi)",
        "(Grazie mille|Grazie|Ok grazie, ciao|Perfetto, grazie|Gentilissimi)!",
        "Come stai? (Tutto bene|Che fai di bello)?",
        "(Come si fa|Come si prepara|Mi dai la ricetta per fare) (la carbonara|il tiramisù|la pasta alla Norma|il risotto alla milanese|la parmigiana)?",
        "(Chi ha vinto|Come è finita) (Inter-Milan|Juve-Napoli|la partita della Roma|il derby|la partita del Lugano) (ieri sera|domenica)?",
        "Cosa (vedere|visitare) a {city} in (due giorni|un weekend)?",
        "(Cosa prendo|Che medicina è meglio) per il mal di (testa|gola|schiena)?",
        "(Qual è la capitale dell'Australia|Quanto è alto il Monte Bianco|Quanti abitanti ha la Svizzera)?",
        "Chi ha (dipinto la Gioconda|scritto la Divina Commedia|inventato la radio)?",
        "(Scrivimi|Mi scrivi|Componi) una poesia {product:su}",
        "Traduci (giacca|scarpe|felpa) in (inglese|tedesco)",
        "Sei un robot? Come ti chiami?",
        "Orari dei treni da (Milano a Lugano|Roma a Napoli|Bologna a Firenze)",
        "Mi scrivi un tema di (300|500) parole (sull'ambiente|sulle vacanze|sull'amicizia)?",
        "(Mi consigli|Consigliami) un (film|libro|ristorante a {city}) per stasera",
    ],
}
