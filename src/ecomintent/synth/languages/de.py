"""German (de) shopper queries for the ecomintent generator."""

import random

CODE = "de"
KEYBOARD = "qwertz"


# ---------------------------------------------------------------------------
# Products with grammatical forms.
#
# German nouns carry gender and number, so every product is a dict of ready-made noun phrases. The
# generator draws each slot occurrence independently, so a template uses {product...} at most once and
# never relies on a verb or pronoun agreeing with it elsewhere ("der Artikel", "das" stand in instead).
# Every form contains the noun itself (it is the product entity; code-switching replaces it whole).
# Forms (all dicts have exactly these keys):
#   base       "Regenjacke"          bare noun, search-box style ("Regenjacke schwarz M")
#   pl         "Regenjacken"         bare plural ("Habt ihr Regenjacken?")
#   pldat      "Regenjacken"         dative plural ("an Turnschuhen", "zwischen zwei Pullovern")
#   acc        "die Regenjacke"      definite accusative ("den Pullover", "das T-Shirt", "die Turnschuhe")
#   dat        "der Regenjacke"      definite dative ("bei dem Pullover", "von den Turnschuhen")
#   indef      "eine Regenjacke"     indefinite accusative ("einen Pullover"; plurals: "Turnschuhe")
#   eindat     "einer Regenjacke"    indefinite dative ("nach einem Pullover"; plurals: "Turnschuhen")
#   mein       "meine Regenjacke"    possessive accusative ("meinen Pullover", "mein T-Shirt")
#   dies       "diese Regenjacke"    demonstrative accusative ("diesen Pullover", "dieses T-Shirt")
#   welch_cap  "Welche Regenjacke"   interrogative accusative, only at sentence start ("Welchen Pullover")
# ---------------------------------------------------------------------------

_ARTICLES = {
    #      acc    dat    indef     eindat    mein      dies      welch
    "m": ("den", "dem", "einen ", "einem ", "meinen", "diesen", "Welchen"),
    "f": ("die", "der", "eine ", "einer ", "meine", "diese", "Welche"),
    "n": ("das", "dem", "ein ", "einem ", "mein", "dieses", "Welches"),
    "pl": ("die", "den", "", "", "meine", "diese", "Welche"),
}


def _p(word, gender, plural, pldat=None):
    """Build the form dict of one product noun (gender m/f/n, or pl for plural-only items)."""
    if pldat is None:
        pldat = plural if plural.endswith(("n", "s")) else plural + "n"
    acc, dat, indef, eindat, mein, dies, welch = _ARTICLES[gender]
    dat_noun = pldat if gender == "pl" else word
    return {
        "base": word,
        "pl": plural,
        "pldat": pldat,
        "acc": f"{acc} {word}",
        "dat": f"{dat} {dat_noun}",
        "indef": f"{indef}{word}",
        "eindat": f"{eindat}{dat_noun}",
        "mein": f"{mein} {word}",
        "dies": f"{dies} {word}",
        "welch_cap": f"{welch} {word}",
    }


_PRODUCTS = [
    # feminine
    _p("Regenjacke", "f", "Regenjacken"),
    _p("Winterjacke", "f", "Winterjacken"),
    _p("Daunenjacke", "f", "Daunenjacken"),
    _p("Jeans", "f", "Jeans", "Jeans"),
    _p("Jogginghose", "f", "Jogginghosen"),
    _p("Bluse", "f", "Blusen"),
    _p("Mütze", "f", "Mützen"),
    _p("Handtasche", "f", "Handtaschen"),
    _p("Sonnenbrille", "f", "Sonnenbrillen"),
    _p("Kaffeemaschine", "f", "Kaffeemaschinen"),
    _p("Bettwäsche", "f", "Bettwäsche", "Bettwäsche"),
    _p("Yogamatte", "f", "Yogamatten"),
    _p("Trinkflasche", "f", "Trinkflaschen"),
    _p("Smartwatch", "f", "Smartwatches", "Smartwatches"),
    _p("Powerbank", "f", "Powerbanks", "Powerbanks"),
    _p("Handyhülle", "f", "Handyhüllen"),
    _p("Stehlampe", "f", "Stehlampen"),
    _p("Pfanne", "f", "Pfannen"),
    _p("Bohrmaschine", "f", "Bohrmaschinen"),
    _p("Spielkonsole", "f", "Spielkonsolen"),
    _p("Gesichtscreme", "f", "Gesichtscremes", "Gesichtscremes"),
    _p("Zahnbürste", "f", "Zahnbürsten"),
    # masculine
    _p("Pullover", "m", "Pullover", "Pullovern"),
    _p("Kapuzenpullover", "m", "Kapuzenpullover", "Kapuzenpullovern"),
    _p("Hoodie", "m", "Hoodies", "Hoodies"),
    _p("Wintermantel", "m", "Wintermäntel", "Wintermänteln"),
    _p("Schlafanzug", "m", "Schlafanzüge", "Schlafanzügen"),
    _p("Badeanzug", "m", "Badeanzüge", "Badeanzügen"),
    _p("BH", "m", "BHs", "BHs"),
    _p("Rucksack", "m", "Rucksäcke", "Rucksäcken"),
    _p("Koffer", "m", "Koffer", "Koffern"),
    _p("Staubsauger", "m", "Staubsauger", "Staubsaugern"),
    _p("Saugroboter", "m", "Saugroboter", "Saugrobotern"),
    _p("Wasserkocher", "m", "Wasserkocher", "Wasserkochern"),
    _p("Fernseher", "m", "Fernseher", "Fernsehern"),
    _p("Laptop", "m", "Laptops", "Laptops"),
    _p("Monitor", "m", "Monitore", "Monitoren"),
    _p("Bürostuhl", "m", "Bürostühle", "Bürostühlen"),
    _p("Teppich", "m", "Teppiche", "Teppichen"),
    _p("Lippenstift", "m", "Lippenstifte", "Lippenstiften"),
    _p("Föhn", "m", "Föhns", "Föhns"),
    _p("Fahrradhelm", "m", "Fahrradhelme", "Fahrradhelmen"),
    _p("Akkuschrauber", "m", "Akkuschrauber", "Akkuschraubern"),
    _p("Kinderwagen", "m", "Kinderwagen", "Kinderwagen"),
    # neuter
    _p("T-Shirt", "n", "T-Shirts", "T-Shirts"),
    _p("Sweatshirt", "n", "Sweatshirts", "Sweatshirts"),
    _p("Kleid", "n", "Kleider", "Kleidern"),
    _p("Hemd", "n", "Hemden", "Hemden"),
    _p("Smartphone", "n", "Smartphones", "Smartphones"),
    _p("Tablet", "n", "Tablets", "Tablets"),
    _p("Sofa", "n", "Sofas", "Sofas"),
    _p("Regal", "n", "Regale", "Regalen"),
    _p("Kopfkissen", "n", "Kopfkissen", "Kopfkissen"),
    _p("Parfum", "n", "Parfums", "Parfums"),
    _p("Shampoo", "n", "Shampoos", "Shampoos"),
    _p("E-Bike", "n", "E-Bikes", "E-Bikes"),
    _p("Babyphone", "n", "Babyphones", "Babyphones"),
    _p("Puzzle", "n", "Puzzles", "Puzzles"),
    _p("Plüschtier", "n", "Plüschtiere", "Plüschtieren"),
    # plural-only in shop talk (pairs, sets)
    _p("Turnschuhe", "pl", "Turnschuhe", "Turnschuhen"),
    _p("Sneaker", "pl", "Sneaker", "Sneakern"),
    _p("Laufschuhe", "pl", "Laufschuhe", "Laufschuhen"),
    _p("Wanderschuhe", "pl", "Wanderschuhe", "Wanderschuhen"),
    _p("Chelsea Boots", "pl", "Chelsea Boots", "Chelsea Boots"),
    _p("Gummistiefel", "pl", "Gummistiefel", "Gummistiefeln"),
    _p("Hausschuhe", "pl", "Hausschuhe", "Hausschuhen"),
    _p("Kopfhörer", "pl", "Kopfhörer", "Kopfhörern"),
    _p("Handschuhe", "pl", "Handschuhe", "Handschuhen"),
    _p("Socken", "pl", "Socken", "Socken"),
    _p("Shorts", "pl", "Shorts", "Shorts"),
]


SLOTS = {
    "product": _PRODUCTS,
    "brand": [
        "Nike",
        "Adidas",
        "Puma",
        "Jack Wolfskin",
        "Vaude",
        "Hugo Boss",
        "s.Oliver",
        "Esprit",
        "Tom Tailor",
        "Marc O'Polo",
        "Levi's",
        "Birkenstock",
        "Salomon",
        "Mammut",
        "Victorinox",
        "Bosch",
        "Siemens",
        "Miele",
        "WMF",
        "Kärcher",
        "Dyson",
        "Philips",
        "Braun",
        "Samsung",
        "Apple",
        "Sony",
        "JBL",
        "Garmin",
        "Nivea",
        "Lego",
        "Playmobil",
        "Ravensburger",
        "Schiesser",
        "Triumph",
        "Falke",
        "Deuter",
    ],
    "color": [
        "Schwarz",
        "Weiß",
        "Grau",
        "Anthrazit",
        "Dunkelblau",
        "Navy",
        "Hellblau",
        "Rot",
        "Bordeaux",
        "Beige",
        "Cremeweiß",
        "Olivgrün",
        "Khaki",
        "Rosa",
        "Altrosa",
        "Braun",
        "Cognac",
        "Senfgelb",
        "Silber",
        "Mint",
    ],
    "size": [
        "36",
        "38",
        "40",
        "42",
        "44",
        "EU 39",
        "EU 43",
        "XS",
        "S",
        "M",
        "L",
        "XL",
        "XXL",
        "38/40",
        "UK 8",
        "W32/L34",
        "75B",
        "80C",
        "128",
        "146/152",
    ],
    "city": [
        "Berlin",
        "Hamburg",
        "München",
        "Köln",
        "Frankfurt",
        "Stuttgart",
        "Düsseldorf",
        "Leipzig",
        "Dresden",
        "Hannover",
        "Nürnberg",
        "Bremen",
        "Freiburg",
        "Münster",
        "Wien",
        "Graz",
        "Linz",
        "Salzburg",
        "Innsbruck",
        "Klagenfurt",
        "Zürich",
        "Bern",
        "Basel",
        "Luzern",
        "St. Gallen",
        "Winterthur",
    ],
    # All values work after "mit", "per", "über" and stand-alone.
    "payment_method": [
        "PayPal",
        "Klarna",
        "Kreditkarte",
        "Visa",
        "Mastercard",
        "American Express",
        "Apple Pay",
        "Google Pay",
        "Amazon Pay",
        "SEPA-Lastschrift",
        "Sofortüberweisung",
        "giropay",
        "TWINT",
        "PostFinance",
        "eps-Überweisung",
        "Paysafecard",
        "Debitkarte",
        "Maestro",
    ],
    "coupon": [
        "SOMMER20",
        "WILLKOMMEN10",
        "BF-2026",
        "NEWSLETTER15",
        "GRATISVERSAND",
        "HERBST25",
        "XMAS2025",
        "SALE30",
        "STUDENT10",
        "APP5",
        "DANKE10",
        "CYBER30",
        "OSTERN20",
        "WINTER-SALE",
        "NEU15",
        "MIDSEASON",
    ],
}


# ---------------------------------------------------------------------------
# Value generators
# ---------------------------------------------------------------------------

_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
_WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
_NUM_WORDS = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "zehn", "zwölf"]


def _thousands(n: int, sep: str) -> str:
    s = str(n)
    if len(s) <= 3:
        return s
    return s[:-3] + sep + s[-3:]


def price(rng: random.Random) -> str:
    """A price as German/Austrian/Swiss shoppers write it (value only)."""
    r = rng.random()
    if r < 0.55:
        euros = rng.randint(5, 149)
    elif r < 0.85:
        euros = rng.randint(150, 699)
    else:
        euros = rng.randint(700, 2499)
    cents = rng.choice(["99", "95", "90", "00", "49", "50"])
    if rng.random() < 0.2:
        # Swiss francs: dot as decimal separator, apostrophe for thousands
        amount = _thousands(euros, "'")
        return rng.choice(
            [
                f"CHF {amount}.{cents}",
                f"{amount}.{cents} CHF",
                f"Fr. {amount}.{cents}",
                f"{amount} Franken",
                f"CHF {amount}.–",
            ]
        )
    amount = _thousands(euros, ".")
    return rng.choice(
        [
            f"{amount},{cents} €",
            f"{amount},{cents} €",
            f"{amount},{cents}€",
            f"€ {amount},{cents}",
            f"{amount} €",
            f"{amount}€",
            f"{amount} Euro",
            f"{amount},{cents} Euro",
            f"{amount} EUR",
            f"EUR {amount},{cents}",
            f"{amount},- €",
        ]
    )


def date(rng: random.Random) -> str:
    """A calendar date or weekday in German notation (value only)."""
    day = rng.randint(1, 28)
    month = rng.randint(1, 12)
    year = rng.choice([2025, 2026])
    kind = rng.randint(0, 7)
    if kind == 0:
        return f"{day:02d}.{month:02d}."
    if kind == 1:
        return f"{day}.{month}."
    if kind == 2:
        month_name = _MONTHS[month - 1]
        if month == 1 and rng.random() < 0.3:
            month_name = "Jänner"  # Austrian
        return f"{day}. {month_name}"
    if kind == 3:
        return f"{day:02d}.{month:02d}.{year}"
    if kind == 4:
        return f"{day}.{month}.{year % 100:02d}"
    if kind == 5:
        return f"{day}. {_MONTHS[month - 1]} {year}"
    return rng.choice(_WEEKDAYS)


def order_id(rng: random.Random) -> str:
    """An order number as German-speaking shops print them (value only)."""
    kind = rng.randint(0, 8)
    if kind == 0:
        return f"#{rng.randint(100000, 9999999)}"
    if kind == 1:
        return f"DE-{rng.choice([2025, 2026])}-{rng.randint(10000, 99999)}"
    if kind == 2:
        return str(rng.randint(10000000, 49999999))
    if kind == 3:
        return f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-{rng.randint(1000000, 9999999)}"
    if kind == 4:
        return f"AT{rng.randint(10000000, 99999999)}"
    if kind == 5:
        return f"CH-{rng.randint(100000, 999999)}"
    if kind == 6:
        return f"{rng.randint(1000, 9999)} {rng.randint(1000, 9999)} {rng.randint(10, 99)}"
    if kind == 7:
        return f"BE{rng.randint(1000000, 9999999)}"
    return f"{rng.choice(['A', 'W', 'S'])}{rng.randint(100000, 999999)}"


def quantity(rng: random.Random) -> str:
    """A quantity: digits, number words or "n Stück" (value only)."""
    kind = rng.randint(0, 2)
    if kind == 0:
        return str(rng.randint(2, 12))
    if kind == 1:
        return rng.choice(_NUM_WORDS)
    return f"{rng.randint(2, 20)} Stück"


# ---------------------------------------------------------------------------
# Noise helpers
# ---------------------------------------------------------------------------

ABBREVIATIONS = {
    "bitte": ["pls", "plz", "bt"],
    "danke": ["thx", "dankee"],
    "vielleicht": ["vllt", "vlt"],
    "nicht": ["nich", "net"],
    "habe": ["hab"],
    "einen": ["nen"],
    "eine": ["ne"],
    "etwas": ["was"],
    "irgendwie": ["iwie"],
    "irgendwann": ["iwann"],
    "gerade": ["grad", "gerad"],
    "eigentlich": ["eigtl", "eig"],
    "nochmal": ["nochma", "nomma"],
    "nichts": ["nix"],
    "ist": ["is"],
    "haben": ["ham"],
    "mal": ["ma"],
    "schon": ["scho"],
    "heute": ["heut"],
    "wegen": ["wg.", "wg"],
    "und": ["u", "&", "+"],
    "nummer": ["nr"],
    "bestellnummer": ["bestellnr", "best.nr"],
    "größe": ["gr"],
    "stück": ["stk"],
    "telefonnummer": ["telnr", "tel.nr"],
    "okay": ["ok", "oki"],
    "entschuldigung": ["sorry", "sry"],
    "wirklich": ["wirkl", "echt"],
    "ungefähr": ["ca.", "ca"],
}

ENGLISH_SWAPS = {
    "Turnschuhe": "sneakers",
    "Kapuzenpullover": "hoodie",
    "Kopfhörer": "headphones",
    "Laufschuhe": "running shoes",
    "Wanderschuhe": "hiking boots",
    "Regenjacke": "rain jacket",
    "Daunenjacke": "puffer jacket",
    "Jogginghose": "jogger",
    "Sonnenbrille": "sunglasses",
    "Handyhülle": "phone case",
    "Rucksack": "backpack",
    "Handtasche": "bag",
    "Badeanzug": "swimsuit",
    "Schlafanzug": "pyjama",
    "Fahrradhelm": "bike helmet",
}


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------

# Optional openers/closers; each ends so that the next word may start with a capital.
_HI = "[(Hallo|Hi|Hey|Guten Tag|Moin|Servus|Grüezi|Grüß Gott)! ]"
_HI_DU = "[(Hallo|Hi|Hey|Moin|Servus|Hoi)! ]"
_HI_SIE = "[(Hallo|Guten Tag|Guten Morgen|Grüezi|Grüß Gott)! ]"
_THX = "[ (Danke!|Vielen Dank!|Danke schön.|Merci!|LG|Viele Grüße)]"

TEMPLATES = {
    "product_search": [
        "{brand} {product} [{color} ][{size}]",
        "{product} [in ]{color}[, Größe {size}]",
        "{product} (unter|bis|max.|maximal|für höchstens) {price}",
        "{product:pl} {brand} (günstig|im Angebot|Neuheiten|Auswahl)",
        _HI_DU + "(Habt|Verkauft|Führt) ihr [eigentlich ][auch ]{product:pl}[ von {brand}]?",
        _HI_SIE + "(Haben|Verkaufen|Führen) Sie [auch ]{product:pl}[ von {brand}][ im Sortiment]?",
        "Ich (suche|brauche|hätte gern|bräuchte) {product:indef} in {color}[, (am besten|gern|idealerweise) in Größe {size}].",
        "(Suche|Brauche) {product:indef}[ von {brand}], (darf|sollte) (nicht mehr als|maximal|höchstens) {price} kosten.",
        "Was (habt ihr|haben Sie|gibt es bei euch) [so ]an {product:pldat}[ von {brand}]?",
        "Wo finde ich (bei euch|bei Ihnen|im Shop|auf der Website) {product:pl}[ (im Sale|von {brand})]?",
        "Zeig mir[ mal] (alle|eure|ein paar) {product:pl}[ von {brand}][ in {color}].",
        "(Gibt es|Gibt's|Habt ihr) (bei euch|hier) {product:pl} (für unter|bis|um die) {price}?",
        "(Welche|Was für) {product:pl} (habt ihr|haben Sie|gibt es) (im Sortiment|gerade|momentan)?",
        "Ich bin auf der Suche nach {product:eindat}[ in {color}]. (Was könnt ihr empfehlen|Was können Sie mir zeigen|Hast du Vorschläge)?",
        "Ich (brauche|suche) ein Geschenk für (meine Freundin|meinen Freund|meine Mutter|meinen Vater|einen Kollegen|meine Oma), (so um die|maximal|bis) {price}. (Habt ihr Ideen|Was könnt ihr empfehlen|Hast du eine Idee)?",
        "(Gibt's|Gibt es|Habt ihr) [bei euch ][auch ](was Nachhaltiges|etwas aus Bio-Baumwolle|vegane Sachen|Fair-Trade-Mode)?",
        "(Die neue Kollektion|Die neuen Sachen|Die Neuheiten) von {brand} – wo finde ich die?",
        "{product:pl} (von {brand}|in {color}|bis {price}|in Größe {size})",
        _HI
        + "Ich suche {product:indef} von {brand}, Größe {size}, (gerne|am liebsten|wenn möglich) in {color}. (Budget ist|Mein Budget liegt bei) (ungefähr|etwa|so) {price}. (Was habt ihr da|Was können Sie mir anbieten)?",
        "(Guten Tag|Hallo), mein (Sohn|Neffe|Enkel) wünscht sich (zum Geburtstag|zu Weihnachten) (was|etwas) von (Lego|Playmobil|Ravensburger). Was (gibt es|habt ihr) da für (Achtjährige|Kinder ab 6|einen Fünfjährigen)?",
        "(Gibt's|Gibt es|Führt ihr) [bei euch ][auch ]Mode in (Übergrößen|Kurzgrößen|Langgrößen)?",
        "(Ich schau mich nur ein bisschen um|Ich stöbere gerade|Bin nur am Gucken) – (habt ihr|gibt es) {product:pl} in {color}?",
        "(Alles|Alle Artikel|Das ganze Sortiment) von {brand}[ anzeigen]",
        "(Brauche|Suche) dringend {product:indef}[ in {size}] (für nächste Woche|bis zum Wochenende|für den Urlaub). (Was habt ihr da|Habt ihr Vorschläge)?",
    ],
    "product_details": [
        "({brand} {product}|{product} {brand}) (Material|Maße|Gewicht|Größentabelle|Pflegehinweise|Garantie|Abmessungen)",
        "Welches Material (wird|wurde) bei {product:dat}[ in {color}] verwendet?",
        "(Wie sind die genauen Maße|Was sind die Abmessungen|Wie groß genau ist das Ganze) (von|bei) {product:dat}[ in {color}]?",
        "Wie ist die Passform (bei|von) {product:dat}? Fällt das eher (klein|groß|normal|eng|weit) aus?",
        "Ich trage (normalerweise|meistens|sonst immer) {size}. Welche Größe (soll ich bei {product:dat} nehmen|würden Sie mir bei {product:dat} empfehlen|passt mir bei {product:dat})?",
        "Kann man (die Jacke|den Hoodie|das Shirt|die Bettwäsche|den Pullover|die Jeans) bei (30|40|60) Grad (in der Maschine waschen|waschen|in den Trockner geben)?",
        "Passt die (Handyhülle|Schutzfolie|Panzerglasfolie) auch (auf das|aufs) (iPhone 15|iPhone 16 Pro|Samsung Galaxy S24|Pixel 9)?",
        "Ist (das Ladekabel|die Smartwatch|der Monitor|das Headset) mit (dem MacBook|dem iPhone 16|meinem Samsung-Handy|der PS5) kompatibel?",
        "Funktioniert (der Saugroboter|die Smartwatch|der Fernseher|das Babyphone) von (Samsung|Philips|Xiaomi|Bosch) (mit Alexa|mit Google Home|mit dem iPhone|auch über WLAN)?",
        "Wie lange hält der Akku (bei den Kopfhörern|bei der Smartwatch|beim Saugroboter|bei der Powerbank) von (Sony|JBL|Garmin|Samsung|Anker)?",
        "Ist (das Parfum|die Gesichtscreme|das Shampoo|der Lippenstift) von (Nivea|Weleda|Lush|Balea|L'Oréal) vegan[ und ohne Tierversuche]?",
        "Was ist bei {product:dat} [genau ]alles (dabei|im Lieferumfang|mit drin)?",
        "Ist das (echtes Leder|Echtleder) oder (Kunstleder|Lederimitat) bei (der Handtasche|den Chelsea Boots|dem Gürtel|der Bikerjacke|dem Sofa)?",
        "Wie lange (Garantie|Gewährleistung) (gibt es|habe ich|bekomme ich) auf {product:acc}[ von {brand}]?",
        "Sind die (Laufschuhe|Wanderschuhe|Sneaker) von (Nike|Adidas|Asics|Salomon|Lowa|Brooks) eher für breite oder (schmale|normale) Füße?",
        "Ist (der Bürostuhl|das Bett|das E-Bike|das Trampolin) (für Leute über 1,90 m|für große Menschen|bis 120 kg) geeignet?",
        _HI_SIE
        + "Ich überlege, {product:acc} in {color} zu bestellen. (Können Sie|Könnt ihr|Kannst du) mir sagen, wie (groß|schwer|lang) der Artikel genau ist und woraus er besteht?",
        "(Hi|Hallo), bei (dem Pullover|der Bluse|dem Hoodie|dem Kleid|der Bettwäsche|dem Schlafanzug) steht nichts zum Material. (Ist da Polyester drin|Sind da Kunstfasern drin) oder ist das (reine Baumwolle|Wolle)? Ich reagiere allergisch auf Kunstfasern.",
        "Wie viel Watt hat (der Staubsauger|der Föhn|der Wasserkocher|die Kaffeemaschine|der Mixer)?",
        "Ist das Modell (wasserdicht|spülmaschinenfest|waschmaschinenfest|induktionsgeeignet|für Allergiker geeignet|BPA-frei)?",
        "Wie (breit|tief|hoch|lang) ist das (Sofa|Regal|Bett)[ genau]? Passt das durch eine (80er|70er) Tür?",
        "Welche Größe trägt das Model (auf dem Foto|auf dem Bild|im Video)[, und wie groß ist es]?",
        "(Hat der Laptop eine deutsche Tastatur|Hat das Handy Dual-SIM|Hat der Fernseher HDMI 2.1|Hat das Tablet einen USB-C-Anschluss|Hat die Kamera einen Bildstabilisator)?",
        "Fällt {brand} eher (klein|groß) aus? Ich trage bei anderen Marken {size}.",
    ],
    "product_comparison": [
        "(iPhone 16|iPhone 15 Pro) (vs|vs.|oder) (Galaxy S24|Pixel 9)",
        "(Kindle oder Tolino|Kindle Paperwhite oder Tolino Vision) – (was ist besser|was würdet ihr nehmen|welcher lohnt sich mehr)?",
        "Unterschied (Dyson V15|Dyson V12) und (Dyson V11|Dyson V8)?",
        "Was ist [genau ]der Unterschied zwischen (den AirPods Pro und den AirPods 4|der PS5 und der PS5 Slim|dem Thermomix und dem Monsieur Cuisine|der Apple Watch SE und der Series 10)?",
        "{product:welch_cap} (würden Sie mir empfehlen|würdest du nehmen|soll ich kaufen|würdet ihr nehmen): (das Modell von {brand}|das teurere) oder (die günstigere Eigenmarke|das Basismodell)?",
        "Ich schwanke zwischen zwei {product:pldat}[ in {color}]. (Kannst du mir sagen|Können Sie mir sagen|Könnt ihr mir sagen), worin sie sich unterscheiden?",
        "Lohnt sich der Aufpreis für {product:acc} von {brand} [wirklich], oder (reicht|tut es) auch ein günstigeres Modell?",
        "(Sony WH-1000XM5|Bose QuietComfort Ultra) oder (Sennheiser Momentum 4|AirPods Max)? Hauptsächlich für (Zugfahrten|das Büro|Flüge).",
        "Welcher Saugroboter ist besser (für Tierhaare|für Teppiche|für große Wohnungen): (Roborock oder iRobot|Roborock oder Ecovacs|Dreame oder Roborock)?",
        "(Lohnt sich der Aufpreis von {price} für die Pro-Version|Ist die Pro-Version den Aufpreis von {price} wert)?",
        "Welche Wanderschuhe sind besser für (Alpentouren|lange Touren|nasses Wetter), die von (Salomon|Lowa) oder die von (Meindl|Hanwag)?",
        "Vergleich (Bosch|Siemens|AEG) und Miele (Waschmaschine|Geschirrspüler)",
        "Was ist der Unterschied zwischen dem (Standard|Basis)- und dem (Premium|Pro)-Modell[, außer dem Preis]?",
        "Jack Wolfskin oder Vaude – welche (Regenjacke|Softshelljacke) (hält wärmer|ist wasserdichter|ist besser verarbeitet)?",
        "(Welches von den beiden Modellen würdest du nehmen|Welches der beiden Geräte würden Sie empfehlen), wenn ich nur {price} ausgeben will?",
        _HI
        + "Ich kann mich nicht entscheiden zwischen dem (De'Longhi|Siemens)-Kaffeevollautomaten und dem von (Jura|Philips). (Welcher ist leiser und einfacher zu reinigen|Welcher macht den besseren Kaffee)?",
        "Was spricht für (Merinowolle|Baumwolle) und was für (Fleece|Polyester) bei Funktionsunterwäsche?",
        "Laufschuhe (Nike Pegasus|Asics Gel-Nimbus) oder (Adidas Ultraboost|Brooks Ghost) – welcher für (Anfänger|Plattfüße|lange Läufe)?",
        "Guten Tag, für (meine Tochter|meinen Sohn) suche ich ein Tablet. Ist das iPad oder das Samsung Galaxy Tab (sinnvoller für die Schule|besser zum Lernen)?",
        "Welche Farbe ist pflegeleichter, (Hellgrau oder Beige|Weiß oder Creme|Navy oder Schwarz)? Ich kann mich nicht entscheiden.",
        "Worin unterscheiden sich eure {product:pl} (von {brand}|in der Preisklasse um {price}) (eigentlich|genau)?",
        "Was ist besser: (OLED oder QLED|Induktion oder Ceran|Daune oder Kunstfaser|Gel- oder Schaumstoffmatratze)?",
    ],
    "stock_availability": [
        "{product} [in ]{size} (verfügbar|lieferbar|auf Lager|vorrätig|noch da)?",
        "{brand} {product} {color} (ausverkauft|wieder da|wieder lieferbar|nicht verfügbar)?",
        "(Habt ihr|Haben Sie) {product:acc} in {size} (noch|wieder) (auf Lager|vorrätig|lieferbar)?",
        "(Habt ihr|Haben Sie) {product:acc} in {color}[, Größe {size},] noch (da|auf Lager|irgendwo)?",
        "Wann (gibt es|habt ihr|bekommt ihr) {product:acc} (in {color}|in {size}|von {brand}) wieder?",
        "(Bekommt|Kriegt) ihr {product:acc}[ von {brand}] (nochmal|bald wieder|irgendwann wieder) rein?",
        "Bei {product:dat} steht „(nicht verfügbar|ausverkauft|derzeit nicht lieferbar)“. (Kommt der Artikel wieder rein|Wird es den Artikel wieder geben|Wie lange noch)?",
        "(Können Sie|Könnt ihr|Kannst du) mir Bescheid geben, sobald es {product:acc} in {size} wieder gibt?",
        "Ist (Größe {size}|die Farbe {color}) nur online (ausverkauft|vergriffen) oder auch in der Filiale in {city}?",
        "Wie viele (habt ihr|haben Sie) noch von {product:dat} in {color}[ da]?",
        "(Habt ihr|Haben Sie) noch {quantity} davon (auf Lager|vorrätig|da)?",
        "Kann man {product:acc} (vorbestellen|reservieren), oder wann ist der Artikel wieder (lieferbar|verfügbar|auf Lager)?",
        _HI
        + "Ich warte schon seit Wochen darauf, dass es {product:acc} von {brand} in {size} wieder gibt. (Gibt es schon einen Termin|Wisst ihr schon, wann|Kommt da noch was)?",
        "Ist (die PS5 Pro|die Switch 2|das neue iPhone|der Lego Millennium Falcon) bei euch (noch|wieder) (zu haben|vorrätig|lieferbar)?",
        "(Lieferbar ab wann|Wann wieder da|Wann wieder verfügbar)? {product} in {color}",
        "Gibt es (die|den|das) noch in {size}, oder ist die Größe schon weg?",
        "Bei {product:dat} in {color} steht „(Nur noch wenige verfügbar|Nur noch 2 Stück|Geringer Bestand)“. Ist das bald komplett weg?",
        "(Grüezi|Servus|Moin|Hallo), gibt es {product:acc} in {color} (auch irgendwo|noch irgendwo|in einem anderen Lager) (auf Lager|vorrätig), oder ist das komplett ausverkauft?",
        "Ist die Farbe {color} (dauerhaft|endgültig) raus oder kommt die (zurück|wieder)?",
        "Die Größe {size} ist (überall|bei allen Farben) ausgegraut. Kommt die (nochmal rein|wieder)?",
    ],
    "price_promotions": [
        "(Code|Gutscheincode|Rabattcode|Gutschein) {coupon} (funktioniert nicht|geht nicht|ungültig|wird nicht angenommen)",
        "Der Gutscheincode {coupon} wird (nicht akzeptiert|als ungültig angezeigt|abgelehnt). (Was mache ich falsch|Woran liegt das|Könnt ihr helfen)?",
        "Gibt es (gerade|aktuell|momentan) (Rabatt|Prozente|ein Angebot) auf {product:acc}[ von {brand}]?",
        "Wann ist bei (euch|Ihnen) wieder (Sale|Schlussverkauf|Black Friday|Mid Season Sale)?",
        "(Habt ihr|Gibt es|Bieten Sie) (einen Studentenrabatt|einen Neukundenrabatt|einen Rabatt für Erstbesteller|Rabatt für Lehrer)?",
        "({brand} {product} Preis|Preis {brand} {product})?",
        "(Was ist der Preis für|Was verlangt ihr für) {product:acc} in {color}?",
        "Gestern lag der Preis für {product:acc} noch bei {price}, heute ist er höher. (Wieso|Warum|Was soll das)?",
        "(Kann man|Darf man|Kann ich) mehrere (Gutscheine|Rabattcodes) (kombinieren|gleichzeitig einlösen)?",
        "(Wo gebe ich|Wo trage ich|Wo löse ich) den (Rabattcode|Gutscheincode|Aktionscode) (ein|an der Kasse ein)?",
        "Gibt es (Mengenrabatt|einen Rabatt|Staffelpreise), wenn ich {quantity} (nehme|bestelle)?",
        "Ist der Preis von {price} schon (inklusive|inkl.) (MwSt.|MWST|Versand)?",
        "(Black Friday|Cyber Monday|Sale) Angebote[ {brand}]",
        "Ich habe den Code {coupon} (aus eurem Newsletter|von Instagram|auf dem Kassenbon|von einer Freundin) bekommen, aber an der Kasse kommt „(Code ungültig|Gutschein abgelaufen)“. Der gilt doch bis {date}, oder?",
        _HI
        + "Lohnt es sich, mit dem Kauf zu warten? Gibt es {product:acc} (im Sale|zum Black Friday|nach Weihnachten) (günstiger|reduziert)?",
        "Gilt (der Rabatt|der Gutschein|der Code) auch (auf reduzierte Artikel|auf Sale-Ware|für {brand})?",
        "Warum wird (der Rabatt von|der Code) {coupon} nicht abgezogen? Mein Warenkorb (ist|liegt) über {price}.",
        "Geht da preislich noch was, wenn ich {quantity} (bestelle|nehme)?",
        "Gibt es eine (Preisgarantie|Tiefpreisgarantie|Bestpreisgarantie)[, falls es woanders günstiger ist]?",
        "(Wie lange gilt der Aktionspreis für|Bis wann bekomme ich den reduzierten Preis für) {product:acc}?",
        "Warum ist der Preis im Warenkorb (höher|anders) als auf der Produktseite?",
    ],
    "place_order": [
        "(Ich möchte|Ich würde gern|Ich will) {product:acc} in {size} bestellen.",
        _HI
        + "(Wie kann ich bei euch bestellen|Wie bestelle ich bei Ihnen|Wie funktioniert das Bestellen hier)?",
        "{brand} {product} [{size} ](kaufen|bestellen)",
        "(Ich nehme|Ich hätte gern|Dann nehme ich) {product:acc} in {color}[, Größe {size}].",
        "(Leg|Pack) mir bitte {product:acc} in {size} in den Warenkorb[ und schließ die Bestellung ab].",
        "Ich hätte gern {quantity} davon. Wie (bestelle ich die|gehe ich vor|mache ich das)?",
        "Ich will {product:dies} (unbedingt|jetzt sofort|gleich) haben – wie (bestelle ich das|komme ich zur Kasse)?",
        "(Kann ich|Kann man) auch (telefonisch|per Telefon|per WhatsApp) (bestellen|eine Bestellung aufgeben)?",
        "Wie schließe ich die Bestellung ab? (Ich habe schon alles im Warenkorb|Der Warenkorb ist voll, aber ich finde die Kasse nicht).",
        "(Bestellung aufgeben|Jetzt bestellen|Zur Kasse)",
        "(Jetzt kaufen|Kaufen|Bestellen) – wo klicke ich da?",
        "Ich möchte das (gerne|jetzt) kaufen. Was muss ich (tun|machen)?",
        _HI
        + "Ich würde gern {product:acc} von {brand} in {color}, Größe {size}, bestellen. Geht das direkt hier im Chat oder muss ich das über die (Website|App) machen?",
        "Wie lege ich (etwas|den Artikel|{product:acc}) in den Warenkorb? Ich finde den Button nicht.",
        "Kann ich {product:acc} auch per (E-Mail|Telefon) bestellen? Mit Online-Shops komme ich nicht so klar.",
        "Bitte einmal {product:acc} in {color} für mich (bestellen|reservieren und bestellen).",
        _HI_SIE
        + "Wir brauchen für unser (Büro|Team|Geschäft) {quantity} davon. Wie bestellen wir das am besten?",
        "Wie funktioniert (die Bestellung|das Bestellen|der Kauf) (über die App|im Onlineshop)?",
        "(Ok|Okay|Passt|Super), dann (nehm ich|nehme ich) (den|die|das) in {size}. (Bestellen bitte|Bitte bestellen)!",
        "Kann ich {product:acc} (direkt hier|online) kaufen[ oder nur im Laden]?",
        "Bestell mir bitte {product:indef} von {brand} in {color}.",
    ],
    "payment_methods": [
        _HI + "Kann ich mit {payment_method} (bezahlen|zahlen)?",
        "Welche (Zahlungsarten|Zahlungsmöglichkeiten|Zahlungsmethoden) (gibt es|habt ihr|bieten Sie an|akzeptiert ihr)?",
        "(Zahlung|Bezahlen) (per|mit) {payment_method} möglich?",
        "(Zahlungsarten|Zahlungsoptionen) (Österreich|Schweiz|Deutschland)",
        "(Geht|Gibt es) [auch ]Kauf auf Rechnung?",
        "(Bietet ihr|Bieten Sie) (Ratenzahlung|Finanzierung|Ratenkauf|Zahlung in Raten) an?",
        "(Nehmt ihr|Akzeptiert ihr|Akzeptieren Sie) {payment_method}?",
        "Kann ich (bei Lieferung|an der Haustür|bei Abholung) bar bezahlen[ oder nur online]?",
        "(Ich habe|Hab) (keine Kreditkarte|kein PayPal). Wie kann ich sonst (bezahlen|zahlen)?",
        "Kann man bei euch in (Franken|CHF) bezahlen oder nur in Euro?",
        "(Kostet die Zahlung mit {payment_method} extra|Fallen bei Zahlung per {payment_method} Gebühren an)?",
        "Kann ich einen Teil mit (Geschenkkarte|Gutschein) und den Rest mit {payment_method} (zahlen|bezahlen)?",
        _HI
        + "Ich würde gern {product:acc} bestellen, habe aber kein PayPal. Kann ich auch per Überweisung oder mit {payment_method} bezahlen?",
        "Gibt es die Möglichkeit, erst nach Erhalt der Ware zu (zahlen|bezahlen)?",
        "Geht auch (Vorkasse|Nachnahme|Barzahlung bei Abholung|TWINT|eps-Überweisung)?",
        "Wie lange habe ich (bei Rechnungskauf|beim Kauf auf Rechnung) Zeit (zum Bezahlen|für die Zahlung)?",
        "Grüezi, ich bestelle aus der Schweiz. Welche Zahlungsmittel kann ich nutzen[, geht auch (TWINT|PostFinance)]?",
        "(Akzeptiert ihr|Nehmt ihr) auch (Firmenkreditkarten|Zahlung auf Rechnung für Geschäftskunden)?",
        "(Ratenkauf|Finanzierung|Ratenzahlung) ab welchem Betrag?",
        "Kann ich mit {payment_method} auch in Raten zahlen?",
        "Ist {payment_method} bei euch (möglich|eine Option)?",
    ],
    "payment_problem": [
        "(Zahlung|Bezahlung) (fehlgeschlagen|abgebrochen|geht nicht)",
        "{payment_method} (Fehler|geht nicht|funktioniert nicht|hängt)",
        "(Meine Karte|Meine Kreditkarte|Die Zahlung) wird (immer wieder |ständig )abgelehnt. (Warum|Was ist da los)?",
        "Mir wurden {price} (doppelt|zweimal) abgebucht![ Was ist da los?]",
        "Die Zahlung (mit|per|über) {payment_method} (geht nicht durch|bricht immer ab|wird nicht abgeschlossen).",
        "Beim Bezahlen kommt (immer|jedes Mal|ständig) (eine Fehlermeldung|„Es ist ein Fehler aufgetreten“|ein Fehler).",
        "Die (Zahlungsseite|Kasse|Checkout-Seite) lädt nicht[, ich hänge fest].",
        "Ich habe bezahlt, aber die Bestellung {order_id} steht noch auf „(unbezahlt|Zahlung ausstehend)“.",
        "Warum wurde für Bestellung {order_id} zweimal Geld (abgebucht|reserviert)?",
        "Ich komme nicht über den Bezahlschritt hinaus, (der Button reagiert nicht|es passiert einfach nichts|die Seite lädt immer neu).",
        "Da ist eine Abbuchung über {price} auf meinem Konto, aber ich habe gar keine Bestellung bekommen. (Was ist da passiert|Wie kann das sein)?",
        "Die SEPA-Lastschrift ist (zurückgegangen|geplatzt). (Was muss ich jetzt machen|Wie zahle ich jetzt)?",
        _HI
        + "Ich habe gerade versucht, mit {payment_method} zu bezahlen. Nach der (Bestätigung in der Banking-App|3D-Secure-Abfrage) kam nur „Zahlung abgelehnt“, das Geld ist aber trotzdem reserviert. Was soll ich tun?",
        "(Klarna|PayPal) lehnt mich ab, obwohl ich (noch nie Probleme hatte|schon oft so bezahlt habe). Woran kann das liegen?",
        "Fehlercode (beim Bezahlen mit Karte|bei der Kartenzahlung|im Checkout)",
        "Ich werde beim Bezahlen (immer|ständig)[ wieder] auf die Startseite zurückgeleitet.",
        "Der Gutschein wurde abgezogen, aber die Zahlung ist trotzdem (gescheitert|fehlgeschlagen). (Was nun|Was jetzt)?",
        "Hab jetzt (dreimal|mehrmals|zum fünften Mal) versucht zu zahlen, jedes Mal (Timeout|ein Fehler). Ist euer Zahlungssystem (down|kaputt)?",
        "Die (TWINT-Zahlung|Zahlung mit Apple Pay) hängt (seit {date}|schon ewig) auf „wird verarbeitet“.",
        "Die (SMS|Push-Nachricht) von meiner Bank zur Bestätigung kommt nicht, deshalb kann ich nicht bezahlen.",
    ],
    "order_status": [
        _HI + "Wo ist meine Bestellung {order_id}?" + _THX,
        "(Sendungsverfolgung|Tracking|Status) [Bestellung ]{order_id}",
        "Wie ist der (Status|Stand) meiner Bestellung vom {date}?",
        "(Lieferstatus|Wo bleibt mein Paket|Paket noch nicht da)?",
        "Ich habe am {date} bestellt und noch nichts bekommen. Wo bleibt (das Paket|meine Lieferung|die Ware)?",
        "Wann kommt meine (Bestellung|Lieferung|Sendung) (an|endlich)?",
        "Ist meine Bestellung schon (verschickt|raus|unterwegs)?[ Ich brauche sie dringend.]",
        "Habt ihr {product:acc} schon (verschickt|losgeschickt)? Bestellnummer {order_id}",
        "(Kannst du|Können Sie|Könnt ihr) [mal ]nachschauen, wo mein Paket gerade ist?",
        "(Können Sie|Könnt ihr|Kannst du) mir den (Trackinglink|Sendungslink|Link zur Sendungsverfolgung) für Bestellung {order_id} schicken?",
        "Seit {date} steht bei mir „(in Bearbeitung|wird vorbereitet|versandbereit)“. Tut sich da noch was?",
        "Die Sendungsnummer von (DHL|DPD|Hermes|GLS|der Post) funktioniert nicht, da wird nichts angezeigt. Wo ist das Paket?",
        "Laut (DHL|Hermes|DPD|der Post) wurde das Paket zugestellt, hier ist aber nichts angekommen. Wo kann es sein?",
        "Mein Paket hängt seit (Tagen|einer Woche) im (Paketzentrum|Verteilzentrum|Zoll) fest. Wissen Sie, wann es weitergeht?",
        "Grüezi, ich habe am {date} bestellt, Bestellnummer {order_id}. Können Sie mir sagen, wann die Sendung in {city} ankommt?",
        "(Hey|Hi|Hallo), ich brauche die Sachen bis {date} – ist meine Bestellung schon (rausgegangen|unterwegs)?",
        "Hallo, die Lieferung sollte (gestern|heute|am Freitag) kommen, kam aber nicht. Ist sie vielleicht noch im Lager?",
        "Bestellung {order_id} – wann ist die (da|endlich da)?",
        "Warum ist meine Bestellung seit (einer Woche|fünf Tagen) (noch nicht versandt|immer noch beim Versanddienstleister)?",
        "Teillieferung erhalten – wann kommt der Rest (von|aus) Bestellung {order_id}?",
    ],
    "cancel_order": [
        "Bestellung {order_id} (stornieren|canceln|annullieren)",
        "(Storno|Stornierung|Bestellung stornieren)[ bitte]",
        _HI_SIE
        + "Ich möchte meine Bestellung stornieren, sie ist noch nicht (verschickt|versendet|raus)."
        + _THX,
        "Kann ich noch stornieren? (Hab|Habe) vor (10 Minuten|einer Stunde|gerade eben) bestellt.",
        "Bitte die Bestellung vom {date} (canceln|stornieren|zurückziehen).",
        "(Versehentlich|Aus Versehen) doppelt bestellt – bitte (eine davon|die zweite Bestellung) stornieren.",
        "Ich brauche {product:acc} doch nicht mehr. Bitte (brechen Sie|brecht) die Bestellung ab, solange sie noch nicht (unterwegs|raus) ist.",
        "Ich (will|möchte) die (ganze|komplette) Bestellung annullieren.",
        "Geht Stornieren noch, wenn der Status „(in Bearbeitung|Bestellung eingegangen|wird vorbereitet)“ ist?",
        "Ich hab mich umentschieden und will die Bestellung {order_id} doch nicht. (Ist ja noch nicht versendet|Die ist ja noch nicht raus).",
        "Hallo, ich habe (heute Morgen|gestern Abend|vor einer Stunde) bestellt, es mir aber anders überlegt. Bitte stornieren Sie Bestellung {order_id}, bevor sie verschickt wird. Danke!",
        "Die Lieferzeit ist mir zu lang. Kann ich die Bestellung noch (zurücknehmen|rückgängig machen|stornieren), bevor sie rausgeht?",
        "Wo (ist der Button|finde ich die Option) zum Stornieren[ in meinem Konto]?",
        "Wie storniere ich eine Bestellung (in der App|online|im Kundenkonto)?",
        "Habe {product:acc} (woanders|im Laden) günstiger gefunden, bitte meine Bestellung {order_id} streichen – die ist ja noch nicht raus.",
        "Kann ich die Bestellung noch stoppen? (Hab mich bei der Größe vertan|Ich habe das Falsche bestellt) und bestelle lieber neu.",
        "Bestellung (abbrechen|stornieren), (noch nicht versandt|ist noch nicht raus)",
        "Guten Tag, bitte meine Bestellung vom {date} komplett stornieren. Die Ware wurde laut (Kundenkonto|Bestellübersicht) noch nicht versendet.",
        "(Können Sie|Könnt ihr) die Bestellung {order_id} noch aufhalten? Ich (möchte|brauche) sie nicht mehr.",
    ],
    "change_order": [
        "Bestellung {order_id} ändern: (andere Farbe|andere Größe|andere Menge)",
        "(Größe|Farbe|Menge) in (offener|meiner) Bestellung ändern",
        "Kann ich bei meiner Bestellung noch die Größe ändern? Statt {size} bräuchte ich eine Nummer (größer|kleiner).",
        "Ich möchte (noch|nachträglich) {product:acc} zu meiner Bestellung hinzufügen.",
        "Menge auf {quantity} (ändern|erhöhen|reduzieren), Bestellung {order_id}",
        "Ich habe aus Versehen die falsche Farbe bestellt. (Können Sie|Könnt ihr) das noch auf {color} ändern?",
        "Kann man aus der Bestellung einen Artikel (rausnehmen|streichen|entfernen)? Der Rest soll (ganz normal kommen|trotzdem verschickt werden).",
        "Kann man eine bereits (aufgegebene|abgeschickte) Bestellung noch (bearbeiten|ändern|anpassen)?",
        "Bei Bestellung {order_id} bitte {product:acc} gegen das gleiche Modell in {color} tauschen – ist ja noch nicht verschickt.",
        "Bestellung (ergänzen|anpassen|nachträglich ändern)",
        "Hi, ich habe gestern Bestellung {order_id} aufgegeben und gemerkt, dass ich {product:acc} in {size} brauche und nicht in der bestellten Größe. Könnt ihr das noch anpassen, bevor es rausgeht?",
        "Kann ich (bei meiner Bestellung|zu meiner offenen Bestellung) noch was dazupacken lassen, damit ich nicht nochmal Versand zahle?",
        "Ich brauche doch {quantity} statt (einem|nur einem Stück). Geht das noch in derselben Bestellung?",
        "Bitte bei meiner Bestellung vom {date} die Farbe auf {color} ändern.",
        "Kann ich in meiner Bestellung (ein anderes Modell|eine andere Variante) (wählen|nehmen), ohne alles zu stornieren?",
        "Hab {product:acc} doppelt im Warenkorb gehabt und so bestellt. Bitte nur einmal schicken, der Rest der Bestellung passt.",
        "Ist es möglich, die Bestellung noch zu ändern? Ich hätte {product:acc} doch lieber (in einer anderen Ausführung|in {color}|in Größe {size}).",
        "Guten Tag, zu meiner Bestellung {order_id}: Bitte ändern Sie die Größe (des Kleides|der Hose|der Jacke) von {size} auf die nächstgrößere. Vielen Dank!",
    ],
    "change_shipping_address": [
        "(Lieferadresse|Adresse|Zustelladresse) ändern[ Bestellung] {order_id}",
        "Falsche Adresse bei Bestellung {order_id}, bitte (korrigieren|anpassen)",
        "Ich bin [gerade ]umgezogen. Kann die Bestellung (an meine neue Adresse|in meine neue Wohnung) in {city} gehen?",
        "Ich habe bei der Bestellung die falsche (Hausnummer|Postleitzahl|Straße) angegeben. (Können Sie|Könnt ihr|Kannst du) das korrigieren?",
        "Kann ich die Bestellung {order_id} lieber (an meine Arbeit|ins Büro|an meine Firmenadresse) schicken lassen?",
        "Bitte das Paket (an eine Packstation|an eine Postfiliale|an einen Paketshop) umleiten statt nach Hause.",
        "Die Postleitzahl in meiner Bestellung ist falsch, die richtige ist (10115|80331|1010|8001|3011).",
        "Kann ich die (Lieferadresse|Versandadresse) noch ändern, obwohl (schon bezahlt ist|die Bestellung schon bestätigt ist)?",
        "Das Paket soll (zu meinen Eltern|zu meiner Schwester|zu meinem Freund) nach {city} gehen statt zu mir. Geht das noch?",
        "Geht eine Adressänderung noch, wenn das Paket schon bei (DHL|der Post|DPD) ist?",
        "Hab mich beim (Straßennamen|Ortsnamen) vertippt – bitte in der Bestellung vom {date} korrigieren.",
        "Ich bin ab {date} (nicht zu Hause|im Urlaub|verreist). Kann die Bestellung an eine andere Adresse geliefert werden?",
        _HI_SIE
        + "Ich habe gestern bestellt und gerade gemerkt, dass noch meine alte Adresse in {city} drinsteht. Bitte ändern Sie die Lieferadresse für Bestellung {order_id}, ich schicke Ihnen die neue gleich.",
        "Falsche (Lieferanschrift|Adresse) eingegeben, was (tun|jetzt)?",
        "Kann ich die Bestellung an eine Filiale in {city} umleiten lassen?",
        "Lieferung an andere Adresse – Bestellung (läuft schon|ist schon aufgegeben)",
        "Guten Tag, in meiner Bestellung fehlt (der Firmenname|das c/o|die Etage) in der Adresse, sonst kommt das Paket nicht an. Können Sie das bitte ergänzen?",
        "Kann ich die Adresse nachträglich ändern? Bestellnummer {order_id}",
    ],
    "delivery_options": [
        "(Versandkosten|Lieferkosten|Porto) nach {city}?",
        _HI_DU
        + "Wie lange dauert der Versand (nach Österreich|in die Schweiz|nach {city}|nach Deutschland)?",
        "(Liefert ihr|Liefern Sie|Versendet ihr) auch (in die Schweiz|nach Österreich|nach Liechtenstein|nach Südtirol|nach Luxemburg)?",
        "Gibt es (Expressversand|Same-Day-Delivery|eine Expresslieferung|Lieferung am nächsten Tag)[ und was kostet das]?",
        "Ab (welchem Bestellwert|wann|wie viel Euro) ist der Versand (kostenlos|gratis)?",
        "Kann ich (an eine Packstation|an eine Postfiliale|an einen Paketshop) liefern lassen?",
        "Mit welchem Versanddienstleister (verschickt ihr|versenden Sie)? (DHL|Hermes|DPD|GLS|Post)?",
        "Lieferung am (Samstag|Wochenende|Abend) möglich?",
        "Wenn ich heute bestelle, (ist es dann bis {date} da|kommt es bis {date} an)?",
        "Kann ich online bestellen und (in der Filiale|im Laden) in {city} abholen?",
        "Versand (Schweiz|Österreich) (Zoll|Kosten|Dauer)",
        "(Lieferzeit|Versanddauer) {product}?",
        "Hallo, ich wohne in {city} und brauche die Sachen bis {date} – wie schnell liefert ihr normalerweise und was kostet Express?",
        "Was kostet die Lieferung (von einem Sofa|von Möbeln|per Spedition)? Bringt ihr das auch in den (dritten Stock|Keller)?",
        "Muss ich bei Bestellungen in die Schweiz Zoll oder (Mehrwertsteuer|MWST) extra zahlen?",
        "Kann ich mir (eine Wunschzeit|einen Wunschtag|ein Zeitfenster) für die Lieferung aussuchen?",
        "Welche Versandarten (gibt es|bietet ihr an) und was kosten die?",
        "Liefert ihr auch an (Abholstationen|Filialen) der Post in Österreich?",
        "Bis wann muss ich bestellen, damit es (vor Weihnachten|bis Ostern|bis zum Wochenende) ankommt?",
        "Versendet ihr klimaneutral[, zum Beispiel mit DHL GoGreen]?",
    ],
    "return_item": [
        _HI + "Wie kann ich {product:acc} (zurückschicken|zurückgeben|retournieren)?",
        "(Rücksendung|Retoure|Rückgabe) {order_id}",
        "(Retourenschein|Rücksendeetikett|Retourenlabel) (drucken|anfordern|fehlt)",
        "(Die Schuhe passen|Die Hose passt|Das Kleid passt) nicht, was (jetzt|nun|mache ich)?",
        "Wie lange habe ich Zeit für (eine Rückgabe|die Retoure|den Umtausch)?",
        "Ich möchte {product:acc} (umtauschen|gegen eine andere Größe tauschen).",
        "Kann ich (die Retoure|das Paket|die Ware) auch in der Filiale in {city} abgeben?",
        "(Rückgabe|Rücksendung) ohne Originalverpackung möglich?",
        "Muss ich (das Rückporto|die Rücksendung) selbst (zahlen|übernehmen)?",
        "Ich habe {product:acc} am {date} bekommen, aber (leider zu klein|leider zu groß|das passt leider gar nicht). Wie läuft die Rücksendung ab?",
        "Kann ich (reduzierte Ware|Sale-Artikel|Unterwäsche) auch zurückgeben?",
        "(Retoure|Rücksendung) aus (der Schweiz|Österreich) – wie funktioniert das?",
        "Ich habe {product:acc} in der falschen Größe bekommen und möchte den Artikel zurücksenden. (Wie geht das|Was muss ich tun)?",
        "(Das Paket ist schon da|Das Paket kam gestern), aber ich will es doch nicht mehr. Wie bekomme ich es zu euch zurück?",
        "Guten Tag, ich möchte von meinem Widerrufsrecht Gebrauch machen. Die Ware aus Bestellung {order_id} ist am {date} angekommen. Bitte senden Sie mir ein Rücksendeetikett.",
        "Geht die Rücksendung auch über (Hermes|DPD|die Post) oder nur (mit|über) DHL?",
        "(Wie ist eure Rückgaberichtlinie|Was sind Ihre Rückgabebedingungen|Wie funktioniert Zurückschicken bei euch)?",
        "Ich hab im Paket keinen (Retourenschein|Rücksendeschein) gefunden. Wie schicke ich das zurück?",
        "Ich mag {product:acc} doch nicht. Kann ich den Artikel zurückgeben, obwohl ich ihn schon ausgepackt[ und ausprobiert] habe?",
        "(Zwei von den drei|Ein paar von den|Nur einen von den vier) Teilen möchte ich zurücksenden, wie mache ich das?",
        "Ich würde gern {product:mein} zurückschicken, (passt leider nicht|gefällt mir doch nicht|ist nicht das Richtige).",
    ],
    "refund_request": [
        _HI + "Ich (möchte|will|hätte gern) mein Geld zurück.",
        "(Geld zurück|Erstattung|Rückerstattung)[ bitte]",
        "(Rückerstattung|Erstattung) für Bestellung {order_id} beantragen",
        "Bitte erstatten Sie mir den (Betrag|Kaufpreis) von {price}.",
        "Ich habe {product:acc} beschädigt erhalten. Ich will (eine Erstattung|den vollen Kaufpreis zurück).",
        "Mir wurden {price} zu viel berechnet, bitte die Differenz (zurückzahlen|erstatten).",
        "Kann ich statt (eines Gutscheins|einer Gutschrift) mein Geld zurückbekommen?",
        "Das Paket ist nie angekommen. Ich möchte (den Kaufpreis erstattet haben|mein Geld zurück).",
        "Die Bestellung wurde von euch storniert, bezahlt hatte ich aber schon. Bitte überweist mir die {price} zurück.",
        "Ich habe die Versandkosten doppelt bezahlt. (Könnt ihr|Können Sie) mir das erstatten?",
        "Guten Tag, bei Bestellung {order_id} vom {date} (fehlten zwei Artikel|fehlte ein Artikel) im Paket. Ich bitte um Erstattung der fehlenden Positionen.",
        "Wie beantrage ich eine (Rückerstattung|Erstattung)?",
        "Bitte das Geld (auf meine Karte|auf meine Kreditkarte|auf mein PayPal-Konto) zurückbuchen.",
        "Ich will keinen (Ersatz|Gutschein|Umtausch), sondern mein Geld zurück.",
        "Der Artikel ist mangelhaft, ich (verlange|fordere|möchte) die Rückzahlung von {price}.",
        "Erstattung für {product:acc} bitte, der Artikel ist (defekt|nicht wie beschrieben).",
        "Hallo, der Express-Versand hat nicht geklappt, das Paket kam erst nach einer Woche. Die {price} für Express hätte ich gern zurück.",
        "(Könnt ihr|Können Sie) mir für den (fehlerhaften|defekten) Artikel das Geld zurückgeben?",
    ],
    "refund_status": [
        "Wann bekomme ich mein Geld zurück? (Habe|Hab) die Retoure am {date} abgeschickt.",
        "(Rückerstattung|Erstattung|Geld) noch nicht erhalten",
        "Status (meiner Erstattung|Rückerstattung) {order_id}",
        "(Ihr habt|Sie haben) die Rücksendung bestätigt, aber das Geld ist noch nicht auf meinem Konto.",
        "Wie lange dauert es, bis die Erstattung (auf meinem PayPal-Konto|auf meiner Kreditkarte|bei Klarna|auf meinem Bankkonto) (ankommt|gutgeschrieben wird)?",
        "Erstattung seit (drei Wochen|einem Monat|{date}) ausstehend",
        "Ist meine Rücksendung schon bei euch angekommen und wurde das Geld schon (überwiesen|zurückgebucht)?",
        "Mir wurde eine (Gutschrift|Rückzahlung) angekündigt. (Wann kommt die|Wo bleibt die)?",
        "Ich warte seit {date} auf die Rückzahlung von {price} für Bestellung {order_id}. Laut Tracking habt ihr das Paket längst. Wo bleibt mein Geld?",
        "(Geld für Retoure wann|Wann kommt das Geld für die Retoure)?",
        "Klarna sagt, die Rechnung ist noch offen, obwohl ich alles zurückgeschickt habe. Wird das noch (storniert|angepasst)?",
        "Die Stornierung wurde bestätigt. Wann wird der Betrag (zurückgebucht|erstattet|gutgeschrieben)?",
        "Ich habe nur einen Teil zurückbekommen, {price} fehlen noch. Kommt der Rest noch?",
        "Hallo, Sie haben mir vor (zwei Wochen|zehn Tagen) eine Erstattung zugesagt. Bis heute ist nichts da. Können Sie nachsehen, ob die schon angewiesen wurde?",
        "Ist die Rückzahlung für Bestellung {order_id} schon raus?",
        "Wurde meine Retoure schon bearbeitet? Ich sehe noch keine (Erstattung|Gutschrift).",
        "Retoure ist laut (DHL|Hermes) seit {date} bei euch. Wann sehe ich das Geld?",
        "Erstattung für die Stornierung von Bestellung {order_id} – wann kommt das Geld?",
        "Habt ihr meine Erstattung schon angewiesen? (Bei PayPal|Auf meinem Konto) ist noch nichts.",
    ],
    "invoice": [
        "(Rechnung|Rechnungskopie) für Bestellung {order_id}",
        "(Rechnung|Beleg) als PDF[ möglich]?",
        _HI_SIE + "Ich brauche eine Rechnung mit (meiner USt-IdNr.|unserer UID-Nummer|unserer MWST-Nummer).",
        "(Können Sie|Könnt ihr) die Rechnung auf meine Firma ausstellen?",
        "Wo finde ich die Rechnung (zu meiner Bestellung|im Kundenkonto|in der App)?",
        "Auf der Rechnung ist (mein Name|meine Adresse|der Firmenname) falsch geschrieben. Bitte korrigieren.",
        "Kannst du mir (einen Kaufbeleg|eine Quittung|die Rechnung) (schicken|mailen)?",
        "In meinem Paket lag keine Rechnung. Können Sie mir eine (zuschicken|per Mail senden)?",
        "Für die (Steuererklärung|Buchhaltung) brauche ich eine Rechnung mit ausgewiesener (Mehrwertsteuer|MwSt.).",
        "Hallo, ich habe am {date} für unsere Firma bestellt, Bestellnummer {order_id}. Bitte stellen Sie die Rechnung auf die Firma Müller GmbH aus, UID ATU12345678.",
        "Rechnungsadresse auf der Rechnung falsch – bitte (neue Rechnung ausstellen|korrigierte Rechnung schicken).",
        "Kann ich eine (Rechnungskopie|Zweitschrift der Rechnung) bekommen?",
        "Für die (Garantie|Reklamation beim Hersteller) brauche ich den Kaufbeleg für {product:acc}.",
        "(Beleg|Quittung) {order_id}",
        "Ich finde im Kundenkonto keinen Download für die Rechnung. Wo ist der?",
        "Könnt ihr die Rechnung bitte nochmal mit dem richtigen Datum ausstellen? Die für Bestellung {order_id} hat ein falsches.",
        "Brauche eine korrigierte Rechnung, der Betrag von {price} stimmt nicht mit der Zahlung überein.",
    ],
    "create_account": [
        "(Konto|Kundenkonto|Account) (erstellen|anlegen)",
        "(Registrieren|Registrierung|Anmelden als Neukunde)",
        _HI + "Wie kann ich mich (bei euch|bei Ihnen|hier) registrieren?",
        "Muss ich ein Kundenkonto (anlegen|haben), um zu bestellen?",
        "Geht Bestellen auch als Gast oder brauche ich ein (Konto|Kundenkonto)?",
        "Ich (möchte|will) ein Kundenkonto (eröffnen|anlegen).",
        "Kann ich mich mit meinem (Google|Apple|Facebook)-Konto registrieren?",
        "Welche Vorteile hat ein Kundenkonto bei (euch|Ihnen)?",
        "Ich habe als Gast bestellt. Kann ich nachträglich noch ein Konto (anlegen|erstellen)?",
        "Registrierung als (Geschäftskunde|Firma|Händler)",
        "Neu hier – wie werde ich Mitglied in eurem (Bonusprogramm|Kundenclub)?",
        "Hallo, ich würde gern regelmäßig bei euch bestellen und mir dafür einen Account anlegen. Was brauche ich dafür?",
        "Wo ist der Button zum Registrieren? Ich sehe nur „(Anmelden|Einloggen)“.",
        "Kann ich ein Konto ohne (Handynummer|Geburtsdatum) erstellen?",
        "Ich möchte mir einen Account machen, geht das auch (in der App|am Handy)?",
        "Kann ich für (meine Frau|meinen Mann|meine Familie) und mich ein gemeinsames Kundenkonto anlegen?",
        "Guten Tag, ich bin Neukunde aus {city}. Wie lege ich ein Benutzerkonto an?",
    ],
    "login_help": [
        "(Passwort|Kennwort) vergessen[ – was tun?]",
        "(Login|Anmeldung|Einloggen) (geht nicht|klappt nicht|unmöglich)",
        "Ich komme nicht [mehr ]in mein (Konto|Kundenkonto|Account).",
        "Die (E-Mail|Mail) zum Zurücksetzen des Passworts kommt nicht an[, auch nicht im Spam].",
        "Mein (Konto|Account) ist nach zu vielen (Versuchen|Fehlversuchen) gesperrt.",
        "Der (Bestätigungscode|Sicherheitscode|Login-Code) per SMS kommt nicht.",
        "Es heißt immer „(E-Mail oder Passwort falsch|Ungültige Anmeldedaten)“, obwohl alles stimmt.",
        "Ich weiß nicht mehr, mit welcher (E-Mail|Adresse) ich mich registriert habe.",
        "Kann mich in der App nicht einloggen, am (PC|Laptop) geht's aber.",
        "Seit {date} kann ich mich nicht mehr anmelden. Ich habe das Passwort schon zweimal zurückgesetzt, aber es funktioniert trotzdem nicht. Was kann ich noch tun?",
        "(Wie setze ich mein Passwort zurück|Wo kann ich mein Passwort zurücksetzen|Wie bekomme ich ein neues Passwort)?",
        "Der (Zwei-Faktor-Code|Code aus der Authenticator-App) wird nicht akzeptiert.",
        "Ich werde (ständig|immer wieder) ausgeloggt.",
        "Der Link zum Passwort-Reset ist abgelaufen, bevor ich draufklicken konnte.",
        "Hilfe, mein Account ist gesperrt und ich will eigentlich nur bestellen!",
        "Hallo, ich habe eine neue Handynummer und bekomme den Login-Code deshalb nicht mehr. Wie komme ich wieder rein?",
        "Ich bekomme beim Einloggen immer einen Fehler. (Können Sie helfen|Was kann ich tun)?",
        "Anmelden mit (Google|Apple) klappt nicht mehr.",
    ],
    "edit_account": [
        "(E-Mail-Adresse|Telefonnummer|Handynummer) (ändern|aktualisieren)",
        _HI + "Wie ändere ich meine Telefonnummer im Kundenkonto?" + _THX,
        "Ich habe geheiratet und heiße jetzt anders. Wie ändere ich den Namen in meinem Konto?",
        "Neue (Lieferadresse|Rechnungsadresse) im Konto hinterlegen",
        "Ich möchte mein Passwort ändern. Eingeloggt bin ich, finde aber die Option nicht.",
        "(Standardadresse|Standard-Zahlungsart) ändern",
        "Wie entferne ich eine gespeicherte (Kreditkarte|Bankverbindung) aus meinem Konto?",
        "(Geburtsdatum|Anrede|Namen) im Profil korrigieren",
        "Kann ich meine (Kleidergröße|Schuhgröße|Lieblingsmarken) im Profil speichern?",
        "Wie stelle ich die Sprache im Konto auf (Deutsch|Französisch|Englisch) um?",
        "Alte Adresse aus meinem Konto löschen, das Konto selbst soll bleiben.",
        "Hallo, ich bin nach {city} gezogen und möchte meine Adresse im Kundenkonto für künftige Bestellungen aktualisieren. Wo geht das?",
        "(Benutzername|Anzeigename) ändern",
        "Kann ich die E-Mail-Adresse für mein Konto wechseln, ohne ein neues anzulegen?",
        "Ich will meine Rechnungsadresse im Profil anpassen.",
        "Wie füge ich eine zweite Lieferadresse zu meinem Konto hinzu?",
        "Guten Tag, meine Handynummer hat sich geändert. Bitte aktualisieren Sie sie in meinem Kundenkonto.",
        "Wo kann ich in meinem Profil die Anrede von Herr auf Frau ändern?",
    ],
    "delete_account": [
        "(Konto|Kundenkonto|Account|Profil) löschen",
        "(Account|Mitgliedschaft) kündigen",
        "Ich möchte mein Kundenkonto (schließen|auflösen|löschen lassen).",
        "Bitte löschen Sie (meine Daten|alle meine Daten|meine personenbezogenen Daten) gemäß (DSGVO|Datenschutzgesetz).",
        "Wie kann ich meinen Account dauerhaft (entfernen|löschen)?",
        "Ich will nicht mehr bei (euch|Ihnen) registriert sein.",
        "(Löscht bitte|Bitte löscht) mein (Profil|Konto) inklusive aller gespeicherten Daten.",
        "Ich möchte, dass ihr meinen Account samt (Bestellhistorie|allen Daten) löscht. Wie lange dauert das?",
        "Konto (auflösen|endgültig löschen) – wie geht das?",
        "Ich bekomme zu viele Mails und will mein Konto komplett löschen, nicht nur den Newsletter abbestellen.",
        "Ich berufe mich auf (das Recht auf Löschung|Art. 17 DSGVO). Bitte bestätigen Sie mir schriftlich, dass mein Konto und alle Daten gelöscht wurden.",
        "Wo (ist der Button|finde ich die Funktion) zum (Konto löschen|Löschen des Kontos)?",
        "Ich habe zwei Kundenkonten, (eins davon|das alte) soll gelöscht werden.",
        "Hallo, ich kaufe hier nicht mehr ein und möchte, dass mein Benutzerkonto samt Adresse und Zahlungsdaten gelöscht wird. Wie geht das?",
        "Kann ich mein Konto löschen, obwohl noch eine (Bestellung|Retoure) offen ist?",
        "Mitgliedschaft beenden und (Daten löschen|Konto entfernen)",
        "Was passiert mit meinen Daten, wenn ich mein Konto lösche?",
        "Bitte mein Kundenkonto (deaktivieren|schließen) und alle Daten entfernen, danke.",
    ],
    "complaint": [
        "(Heute|Endlich) {product:acc} bekommen – (kaputt|zerkratzt|völlig verdreckt). (Echt enttäuschend|Super, danke für nichts).",
        "Das ist schon die (dritte|zweite) Lieferung, die zu spät kommt. (Unmöglich|Echt unfassbar)!",
        "Der Kundenservice (am Telefon|im Chat) war total (unfreundlich|inkompetent).",
        "(Falscher Artikel|Falsche Größe|Falsche Farbe) geliefert, so ein Chaos bei euch.",
        "Die Qualität von {product:dat} ist (unterirdisch|eine Frechheit|echt mies).",
        "Nach zweimal Waschen kann ich (die Jeans|den Pullover|das Shirt|die Bettwäsche|den Hoodie|die Socken) schon wegwerfen. (Was für eine Qualität|Echt mies)!",
        "Ich warte seit (zwei Wochen|Tagen) auf eine Antwort auf meine (Mails|Anfrage). Schlechter Service!",
        "Der Paketbote hat das Paket einfach vor die Tür (geworfen|gestellt), bei Regen.",
        "Die Farbe sieht ganz anders aus als auf den (Fotos|Bildern). Sehr enttäuscht.",
        "Die Verpackung war (komplett durchnässt|zerrissen|eingedrückt) und alles lag lose drin.",
        "(Unverschämt|Eine Frechheit), wie ihr mit euren Kunden umgeht.",
        "{brand} war früher mal Qualität, das hier ist nur noch Schrott.",
        "Ware beschädigt, (sehr ärgerlich|total enttäuschend|echt nervig)",
        "Ich habe am {date} bestellt, Bestellnummer {order_id}. Versprochen war Lieferung in zwei Tagen, gekommen ist das Paket nach zehn Tagen, und dann fehlte auch noch die Hälfte. So etwas habe ich noch nie erlebt.",
        "Wirklich schwach: Das Geschenk kam erst nach (dem Geburtstag|Weihnachten) an.",
        "Mega enttäuscht von eurem (Shop|Service).",
        "Ihr schreibt „2–3 Werktage“, und jetzt ist schon Woche zwei. Das ist einfach nicht seriös.",
        "Die (Mitarbeiterin|Verkäuferin|Kassiererin) in der Filiale in {city} war extrem unhöflich zu mir.",
        "Ich bin seit Jahren (Kundin|Kunde) und so schlecht wurde ich noch nie behandelt.",
        "{price} für {product:acc}, und nach einer Woche ist alles kaputt. Da erwarte ich mehr.",
    ],
    "human_agent": [
        "(Mitarbeiter|Berater|Kundenberater) sprechen",
        "(Mensch|Mitarbeiter|Agent)[ bitte]!",
        _HI_SIE + "Ich möchte mit einem (Menschen|echten Mitarbeiter|echten Menschen) sprechen.",
        "Gibt es eine (Telefonnummer|Hotline|Service-Nummer)?",
        "Bitte verbinden Sie mich mit (einem Mitarbeiter|dem Kundenservice|einem echten Menschen).",
        "(Du verstehst mich nicht|Das hilft mir nicht). Echter Mensch bitte!",
        "(Live-Chat|Chat) mit (dem Kundenservice|einem Mitarbeiter)",
        "Kann mich jemand zurückrufen? Meine Nummer haben Sie ja.",
        "Stopp, ich will keinen Bot.",
        "Hotline (Schweiz|Österreich|Deutschland) Nummer?",
        "Ich habe jetzt dreimal versucht, das hier mit dem Chatbot zu klären, und komme nicht weiter. Bitte geben Sie mich an einen richtigen Mitarbeiter weiter.",
        "Wann ist euer Kundenservice telefonisch erreichbar?",
        "Gibt es eine E-Mail-Adresse, über die ich einen echten Menschen erreiche?",
        "Ist hier ein Mensch oder nur eine KI? Ich will mit einer Person reden.",
        "Kundenservice anrufen",
        "Kann ich bitte mit jemandem aus dem Team sprechen, der sich auskennt?",
        "Weiterleiten an (Support|einen Mitarbeiter), bitte.",
        "Guten Tag, ich hätte gern einen persönlichen Ansprechpartner. Wie erreiche ich Sie am besten telefonisch?",
    ],
    "product_feedback": [
        "Ich möchte eine (Bewertung|Rezension) für {product:acc} schreiben.",
        "(Super Qualität|Tolle Verarbeitung|Alles top) bei {product:dat}, genau wie beschrieben!",
        "Wo kann ich eine (Rezension|Bewertung) abgeben?",
        "5 Sterne für den (schnellen Versand|tollen Service|super Kundendienst)!",
        "Vorschlag: Ihr solltet {product:acc} (auch|zusätzlich) in {color} ins Sortiment aufnehmen.",
        "Kompliment an euer Team, (toller Service|super Beratung)!",
        "(Bewertung|Rezension|Feedback) abgeben",
        "Kleiner Tipp für eure (Website|App): Die Filter könnten besser sein.",
        "Ich bin (total|super|sehr) zufrieden mit {product:dat}[ von {brand}].",
        "Wie kann ich euch (ein Lob|eine Anregung|einen Verbesserungsvorschlag) schicken?",
        "Ich würde {product:dat} gern (5 Sterne|nur 2 Sterne) geben – wo kann ich das eintragen?",
        "Meine (Bewertung|Rezension) (wurde nicht veröffentlicht|ist nicht sichtbar). Warum?",
        "(Wollte nur mal sagen|Kurzes Feedback): Ich habe schon oft bei euch bestellt und war immer zufrieden. Besonders die Beratung im Chat war super. Weiter so!",
        "Die (Größentabelle|Größenberatung) (stimmt genau|passt perfekt), danke dafür!",
        "Ich würde gern Feedback zur (App|Website) geben. Wo geht das?",
        "Verbesserungsvorschlag: (eine Merkliste, die man teilen kann|ein Filter nach Material|mehr Fotos von hinten).",
        "(Top Shop|Super Shop|Alles bestens), gerne wieder!",
        "Hallo, ich bin total begeistert von {product:dat}, absolut top. Kann ich irgendwo Fotos dazu hochladen, damit andere sehen, wie das in echt aussieht?",
        "Ich möchte meine Bewertung für {product:acc} nachträglich ändern.",
        "Ehrliches Feedback: Die Lieferung war schnell, aber die Verpackung war viel zu groß für den kleinen Artikel.",
    ],
    "newsletter": [
        "Newsletter (abbestellen|abmelden|kündigen)",
        "Newsletter (anmelden|abonnieren)",
        _HI_DU + "Wie melde ich mich für den Newsletter an?",
        "Ich will keine (Werbe-Mails|Newsletter|Werbung per E-Mail) mehr bekommen.",
        "Bitte keine (SMS|WhatsApp-Nachrichten) mehr schicken.",
        "Wie schalte ich die (Push-Benachrichtigungen|Werbe-Pushs) in der App (aus|ab)?",
        "(Abmelden vom Newsletter|Der Abmeldelink) funktioniert nicht, ich bekomme (weiterhin|immer noch) Mails.",
        "Ich möchte (den Newsletter|eure Werbemails) wieder abonnieren, hab mich aus Versehen abgemeldet.",
        "Ich habe mich nie für euren Newsletter angemeldet. (Warum bekomme ich den|Wieso krieg ich den trotzdem)?",
        "Kann ich den Newsletter seltener bekommen, zum Beispiel nur einmal (im Monat|pro Woche)?",
        "Ich bekomme jeden Tag drei Mails von euch, das nervt. Bitte tragt meine Adresse aus dem Verteiler aus, das Konto selbst will ich behalten.",
        "Gibt es einen (WhatsApp-Newsletter|Telegram-Kanal)?",
        "Der Bestätigungslink für die Newsletter-Anmeldung kommt nicht an.",
        "Bitte meine E-Mail-Adresse aus allen (Marketing-Mails|Werbeverteilern) entfernen.",
        "Wie kann ich mich für den Newsletter mit Infos zu neuen Kollektionen von {brand} eintragen?",
        "Keine Werbung mehr per Post bitte, der Katalog soll nicht mehr kommen.",
        "Guten Tag, ich möchte mich vom Newsletter abmelden, finde aber keinen Abmeldelink in der Mail. Bitte nehmen Sie mich raus.",
        "Kann ich SMS-Benachrichtigungen zu Angeboten aktivieren?",
    ],
    "out_of_scope": [
        # greetings / chit-chat
        "(Hallo|Hi|Hey|Moin|Servus|Grüezi|Guten Morgen|Guten Abend)[!]",
        "(Danke|Vielen Dank|Danke schön|Merci vielmal|Dankeschön)[!]",
        "Wie geht's (dir|Ihnen) heute?",
        "Bist du ein Mensch oder ein Roboter? Nur so aus Neugier.",
        "Mir ist langweilig. (Unterhalte mich mal|Erzähl mir was).",
        # weather
        "Wie wird das Wetter (morgen|am Wochenende) in {city}?",
        "(Regnet|Schneit) es heute in {city}?",
        # jokes
        "(Erzähl mir einen Witz|Kennst du einen guten Flachwitz)?",
        # coding
        "Wie behebe ich einen (IndexError|KeyError) in meinem Python-Code?",
        "Kannst du mir ein SQL-Statement schreiben, das alle Kunden nach Umsatz sortiert?",
        # politics
        "Wen soll ich bei der nächsten (Bundestagswahl|Nationalratswahl) wählen?",
        "Was hältst du von der aktuellen Regierung?",
        # homework / maths
        "Was ist (17 mal 23|12 hoch 2|die Wurzel aus 144)?",
        "Kannst du meine Mathe-Hausaufgabe lösen: 3x + 5 = 20?",
        "Erklär mir bitte (den Satz des Pythagoras|die Photosynthese).",
        # recipes
        "Hast du ein Rezept für (Kaiserschmarrn|Käsespätzle|Rösti|Apfelstrudel)?",
        # sports
        "Wie hat (der FC Bayern|der BVB|Rapid Wien|der FC Basel) (gestern|am Wochenende) gespielt?",
        # travel
        "Was kann man in {city} am Wochenende unternehmen?",
        "Wie komme ich am schnellsten mit dem Zug von {city} nach (Hamburg|Wien|Zürich)?",
        # health
        "Was hilft gegen (Kopfschmerzen|Erkältung|Sodbrennen)?",
        # general knowledge
        "Wie hoch ist die Zugspitze?",
        "Was ist die Hauptstadt von (Australien|Kanada)?",
        "Wie binde ich eine Krawatte?",
        # creative writing, with product words on purpose
        "Schreib mir ein (Gedicht|Liebesgedicht|Lied) über {product:pl}.",
        "Schreib eine kurze Geschichte über einen Hund, der {product:pl} liebt.",
        "Wie sagt man „{product}“ auf Englisch?",
        "Kannst du mir helfen, eine Bewerbung als Verkäuferin zu schreiben?",
    ],
}
