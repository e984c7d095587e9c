"""French (fr) shopper queries for the ecomintent generator."""

import random

CODE = "fr"
KEYBOARD = "azerty"

_VOWELS = "aeiouyàâéèêëîïôûAEIOUYÉ"


def _noun(base: str, gender: str, elide: bool | None = None) -> dict:
    """All article/determiner forms of a French noun phrase.

    gender: "m", "f", "mp" or "fp". `elide` defaults to "starts with a vowel" (pass it for a mute h).
    Forms: def (le/la/l'/les), indef (un/une/des), de (du/de la/de l'/des), dem (ce/cet/cette/ces),
    poss (mon/ma/mes), votre (votre/vos), a (au/à la/à l'/aux), neg (de/d' after a negation),
    quel (quel/quelle/quels/quelles).
    """
    if elide is None:
        elide = base[0] in _VOWELS
    plural = gender in ("mp", "fp")
    fem = gender in ("f", "fp")
    neg = ("d'" if elide else "de ") + base
    if plural:
        return {
            "base": base,
            "def": "les " + base,
            "indef": "des " + base,
            "de": "des " + base,
            "dem": "ces " + base,
            "poss": "mes " + base,
            "votre": "vos " + base,
            "a": "aux " + base,
            "neg": neg,
            "quel": ("quelles " if fem else "quels ") + base,
        }
    if elide:
        return {
            "base": base,
            "def": "l'" + base,
            "indef": ("une " if fem else "un ") + base,
            "de": "de l'" + base,
            "dem": ("cette " if fem else "cet ") + base,
            "poss": "mon " + base,
            "votre": "votre " + base,
            "a": "à l'" + base,
            "neg": neg,
            "quel": ("quelle " if fem else "quel ") + base,
        }
    return {
        "base": base,
        "def": ("la " if fem else "le ") + base,
        "indef": ("une " if fem else "un ") + base,
        "de": ("de la " if fem else "du ") + base,
        "dem": ("cette " if fem else "ce ") + base,
        "poss": ("ma " if fem else "mon ") + base,
        "votre": "votre " + base,
        "a": ("à la " if fem else "au ") + base,
        "neg": neg,
        "quel": ("quelle " if fem else "quel ") + base,
    }


_PRODUCTS = [
    # vêtements
    ("veste en jean", "f"),
    ("doudoune", "f"),
    ("sweat à capuche", "m"),
    ("t-shirt", "m"),
    ("chemise en lin", "f"),
    ("jean slim", "m"),
    ("pantalon chino", "m"),
    ("robe longue", "f"),
    ("manteau en laine", "m"),
    ("pull en cachemire", "m"),
    ("maillot de bain", "m"),
    ("legging de sport", "m"),
    ("pyjama", "m"),
    ("chaussettes", "fp"),
    ("soutien-gorge", "m"),
    ("débardeur", "m"),
    ("bonnet", "m"),
    ("tuque", "f"),
    ("trench", "m"),
    ("imperméable", "m"),
    # chaussures
    ("baskets", "fp"),
    ("bottines", "fp"),
    ("sandales", "fp"),
    ("chaussures de randonnée", "fp"),
    ("escarpins", "mp"),
    ("chaussons", "mp"),
    ("bottes de pluie", "fp"),
    # high-tech
    ("smartphone", "m"),
    ("téléphone portable", "m"),
    ("ordinateur portable", "m"),
    ("tablette", "f"),
    ("écouteurs sans fil", "mp"),
    ("casque audio", "m"),
    ("montre connectée", "f"),
    ("enceinte Bluetooth", "f"),
    ("chargeur USB-C", "m"),
    ("téléviseur 4K", "m"),
    ("console de jeux", "f"),
    ("manette", "f"),
    ("imprimante", "f"),
    ("disque dur externe", "m"),
    ("appareil photo", "m"),
    ("liseuse", "f"),
    # maison
    ("aspirateur robot", "m"),
    ("machine à café", "f"),
    ("friteuse sans huile", "f"),
    ("cafetière", "f"),
    ("poêle", "f"),
    ("couette", "f"),
    ("housse de couette", "f", False),
    ("lampe de chevet", "f"),
    ("canapé d'angle", "m"),
    ("matelas", "m"),
    ("oreiller", "m"),
    ("bouilloire", "f"),
    ("robot pâtissier", "m"),
    # beauté
    ("parfum", "m"),
    ("crème hydratante", "f"),
    ("fond de teint", "m"),
    ("sérum", "m"),
    ("rouge à lèvres", "m"),
    ("shampoing", "m"),
    ("mascara", "m"),
    ("sèche-cheveux", "m"),
    ("lisseur", "m"),
    # sacs et accessoires
    ("sac à dos", "m"),
    ("sac à main", "m"),
    ("valise cabine", "f"),
    ("lunettes de soleil", "fp"),
    ("portefeuille", "m"),
    # sport
    ("tapis de yoga", "m"),
    ("vélo électrique", "m"),
    ("trottinette électrique", "f"),
    ("raquette de padel", "f"),
    ("gourde isotherme", "f"),
    ("haltères", "mp", True),
    ("tente", "f"),
    ("ballon de foot", "m"),
    # jouets et puériculture
    ("jouet en bois", "m"),
    ("puzzle", "m"),
    ("peluche", "f"),
    ("jeu de société", "m"),
    ("poussette", "f"),
    ("draisienne", "f"),
    ("siège auto", "m"),
]

SLOTS = {
    "product": [_noun(*p) for p in _PRODUCTS],
    "brand": [
        "Nike",
        "Adidas",
        "Puma",
        "New Balance",
        "Asics",
        "Veja",
        "Le Coq Sportif",
        "Lacoste",
        "Petit Bateau",
        "Kiabi",
        "Zara",
        "Levi's",
        "The North Face",
        "Columbia",
        "Salomon",
        "Quechua",
        "Aigle",
        "Rossignol",
        "Sézane",
        "Samsung",
        "Apple",
        "Sony",
        "Xiaomi",
        "JBL",
        "Bose",
        "Philips",
        "Seb",
        "Tefal",
        "Moulinex",
        "Rowenta",
        "Dyson",
        "De'Longhi",
        "Nespresso",
        "L'Oréal",
        "Yves Rocher",
        "La Roche-Posay",
        "Bioderma",
        "Caudalie",
        "Clarins",
        "Lego",
        "VTech",
        "Djeco",
    ],
    # Masculine singular forms: used as "en {color}", "coloris {color}", "le {color}".
    "color": [
        "noir",
        "blanc",
        "gris",
        "gris anthracite",
        "bleu marine",
        "bleu ciel",
        "rouge",
        "bordeaux",
        "vert kaki",
        "vert sapin",
        "beige",
        "camel",
        "écru",
        "marron",
        "rose",
        "rose poudré",
        "jaune moutarde",
        "violet",
        "terracotta",
        "argent",
        "doré",
        "orange",
    ],
    "size": [
        "36",
        "38",
        "40",
        "42",
        "44",
        "46",
        "XS",
        "S",
        "M",
        "L",
        "XL",
        "XXL",
        "EU 39",
        "EU 43",
        "38/40",
        "42/44",
        "85B",
        "90C",
        "UK 8",
        "10 ans",
        "12 ans",
        "T2",
    ],
    # No name starting with a vowel, so "de {city}" and "à {city}" never need elision or "au".
    "city": [
        "Paris",
        "Lyon",
        "Marseille",
        "Toulouse",
        "Bordeaux",
        "Lille",
        "Nantes",
        "Strasbourg",
        "Montpellier",
        "Rennes",
        "Nice",
        "Grenoble",
        "Dijon",
        "Brest",
        "Bruxelles",
        "Liège",
        "Namur",
        "Charleroi",
        "Mons",
        "Genève",
        "Lausanne",
        "Fribourg",
        "Neuchâtel",
        "Sion",
        "Montréal",
        "Québec",
        "Sherbrooke",
        "Gatineau",
        "Trois-Rivières",
        "Luxembourg",
    ],
    # Written to follow "par" / "paiement": "payer par {payment_method}".
    "payment_method": [
        "carte bancaire",
        "carte Visa",
        "Mastercard",
        "American Express",
        "PayPal",
        "Apple Pay",
        "Google Pay",
        "Paylib",
        "Wero",
        "Bancontact",
        "Payconiq",
        "TWINT",
        "PostFinance",
        "Interac",
        "virement bancaire",
        "prélèvement SEPA",
        "Klarna",
        "Alma",
        "Oney",
        "carte cadeau",
        "chèque",
    ],
    "coupon": [
        "BIENVENUE10",
        "WELCOME10",
        "ETE20",
        "SOLDES30",
        "BF-2026",
        "BLACKFRIDAY",
        "NOEL15",
        "RENTREE25",
        "FIDELITE10",
        "CYBER20",
        "PRINTEMPS15",
        "MERCI5",
        "LIVRAISONOFFERTE",
        "VIP-2026",
        "FETEDESMERES",
        "APP10",
    ],
}

_EUROS = (
    5,
    9,
    12,
    15,
    19,
    24,
    29,
    34,
    39,
    45,
    49,
    59,
    69,
    79,
    89,
    99,
    119,
    129,
    149,
    179,
    199,
    249,
    299,
    349,
    399,
    499,
    599,
    799,
    999,
    1299,
    1499,
)
_CENTS = ("99", "99", "90", "95", "00", "50", "49")


def _thousands(n: int, sep: str = " ") -> str:
    s = str(n)
    return s if n < 1000 else s[:-3] + sep + s[-3:]


def price(rng: random.Random) -> str:
    n = rng.choice(_EUROS)
    c = rng.choice(_CENTS)
    r = rng.random()
    big = _thousands(n)
    if r < 0.62:  # France, Belgique, Luxembourg
        return rng.choice(
            (
                f"{big},{c} €",
                f"{big},{c}€",
                f"{big} €",
                f"{big}€",
                f"{big} euros",
                f"{n}€{c}",
                f"{big} EUR",
                f"{big},{c} euros",
            )
        )
    if r < 0.80:  # Suisse
        sw = _thousands(n, "'")
        return rng.choice((f"{sw}.{c} CHF", f"CHF {sw}.{c}", f"Fr. {sw}.{c}", f"{sw}.– CHF", f"{sw} francs"))
    return rng.choice((f"{big},{c} $", f"{big} $", f"{big},{c} $ CA", f"{n}$", f"{big} dollars"))  # Québec


_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def date(rng: random.Random) -> str:
    """A calendar date that reads well after "le": "le 12 mars", "le 03/04", "le mardi 12"."""
    d = rng.randint(1, 28)
    m = rng.randint(1, 12)
    y = rng.choice((2025, 2026, 2026))
    day = "1er" if d == 1 else str(d)
    r = rng.randrange(9)
    if r == 0:
        return f"{d:02d}/{m:02d}"
    if r == 1:
        return f"{d:02d}/{m:02d}/{y}"
    if r == 2:
        return f"{d}/{m}"
    if r == 3:
        return f"{day} {_MONTHS[m - 1]}"
    if r == 4:
        return f"{day} {_MONTHS[m - 1]} {y}"
    if r == 5:
        return f"{rng.choice(_DAYS)} {day}"
    if r == 6:
        return f"{rng.choice(_DAYS)} {day} {_MONTHS[m - 1]}"
    if r == 7:
        return f"{d:02d}.{m:02d}.{y}"  # Suisse
    return f"{y}-{m:02d}-{d:02d}"  # Québec


def order_id(rng: random.Random) -> str:
    r = rng.randrange(8)
    if r == 0:
        return f"#{rng.randint(100000, 999999)}"
    if r == 1:
        return f"FR-{rng.choice((2025, 2026))}-{rng.randint(10000, 99999)}"
    if r == 2:
        return f"CMD{rng.randint(1000000, 9999999)}"
    if r == 3:
        return str(rng.randint(100000000, 9999999999))
    if r == 4:
        return f"{rng.choice(('BE', 'CH', 'LU', 'QC'))}{rng.randint(10000000, 99999999)}"
    if r == 5:
        letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
        return f"{rng.choice(letters)}{rng.choice(letters)}{rng.randint(2, 9)}-{rng.randint(10000, 99999)}"
    if r == 6:
        return f"#{rng.choice(('FR', 'CA', 'CH'))}{rng.randint(100000, 999999)}"
    return str(rng.randint(4000000, 4999999))


_QTY_WORDS = ("deux", "trois", "quatre", "cinq", "six", "huit", "dix", "douze", "vingt")


def quantity(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return str(rng.choice((2, 2, 3, 3, 4, 5, 6, 10, 12, 20)))
    if r < 0.8:
        return rng.choice(_QTY_WORDS)
    n = rng.choice((2, 3, 4, 5, 10))
    return rng.choice((f"{n} exemplaires", f"{n} pièces", f"{rng.choice(_QTY_WORDS[:4])} exemplaires"))


ABBREVIATIONS = {
    "s'il vous plaît": ["svp", "s.v.p."],
    "s'il te plaît": ["stp"],
    "bonjour": ["bjr", "bjour"],
    "bonsoir": ["bsr"],
    "salut": ["slt"],
    "merci": ["mrc", "mci", "thx"],
    "beaucoup": ["bcp"],
    "pourquoi": ["pq", "pk", "pourkoi"],
    "quand": ["qd", "kan"],
    "quelqu'un": ["qqn", "qqun"],
    "quelque chose": ["qqch", "qqc"],
    "aujourd'hui": ["ajd", "auj"],
    "toujours": ["tjrs", "tjs"],
    "commande": ["cmd", "cde"],
    "message": ["msg"],
    "numéro": ["num", "n°", "no"],
    "problème": ["pb", "prob"],
    "c'est": ["c", "cé"],
    "est-ce que": ["est ce que", "esque", "eske"],
    "qu'est-ce que": ["qu'est ce que", "keske", "kesk"],
    "je suis": ["jsuis", "chui"],
    "je ne sais pas": ["jsp", "j'sais pas"],
    "parce que": ["pcq", "pck", "psk"],
    "d'accord": ["dac", "d'acc", "ok"],
    "maintenant": ["mtn", "mnt"],
    "vraiment": ["vrmt", "vrm"],
    "peut-être": ["ptet", "ptêtre"],
    "cordialement": ["cdlt", "cdt"],
    "disponible": ["dispo"],
    "informations": ["infos"],
    "téléphone": ["tél", "tel"],
    "mot de passe": ["mdp"],
    "il y a": ["y a", "ya"],
    "vous": ["vs"],
    "pour": ["pr"],
    "dans": ["ds"],
    "avec": ["avc"],
    "tout": ["tt"],
    "quoi": ["koi"],
    "semaine": ["sem"],
    "ça": ["sa"],
    "rendez-vous": ["rdv"],
}

# Only consonant-initial words whose swap keeps gender and number ("les baskets" -> "les sneakers").
ENGLISH_SWAPS = {
    "baskets": "sneakers",
    "sweat à capuche": "hoodie",
    "montre connectée": "smartwatch",
    "rouge à lèvres": "lipstick",
    "tapis de yoga": "yoga mat",
    "sac à dos": "backpack",
    "jeu de société": "board game",
    "débardeur": "tank top",
    "casque audio": "headset",
    "bonnet": "beanie",
    "portefeuille": "wallet",
    "téléphone portable": "phone",
    "pantalon chino": "chino",
    "legging de sport": "legging",
}

# Sizes only make sense on things you wear: templates that hinge on a size use these instead of {product}.
_WEAR = (
    "veste en jean",
    "jean slim",
    "baskets",
    "robe longue",
    "sweat à capuche",
    "bottines",
    "manteau",
    "t-shirt",
    "sandales",
    "pull en cachemire",
    "chemise",
    "doudoune",
    "maillot de bain",
    "legging",
)
_WEAR_G = dict(
    zip(_WEAR, ("f", "m", "fp", "f", "m", "fp", "m", "m", "fp", "m", "f", "f", "m", "m"), strict=True)
)
_WEAR_BASE = "(" + "|".join(_WEAR) + ")"
_WEAR_DEF = "(" + "|".join(_noun(w, _WEAR_G[w])["def"] for w in _WEAR) + ")"
_WEAR_INDEF = "(" + "|".join(_noun(w, _WEAR_G[w])["indef"] for w in _WEAR) + ")"
_WEAR_DEM = "(" + "|".join(_noun(w, _WEAR_G[w])["dem"] for w in _WEAR) + ")"

_G_VOUS = "Bonjour|Bonsoir|Bonjour à vous|Allô|Hello"
_G_TU = "Salut|Coucou|Hello|Yo|Allô"


def _hi(text: str, tu: bool = False) -> str:
    """An optional greeting before `text`, which starts with a lower-case letter: capitalised when alone."""
    g = _G_TU if tu else _G_VOUS
    return f"(({g}), {text[0]}|{text[0].upper()}){text[1:]}"


TEMPLATES = {
    "product_search": [
        "{product} {brand} {size}",
        _WEAR_BASE + " (en|couleur|coloris) {color} taille {size}",
        "{product} (pas cher|moins de {price}|à moins de {price}|petit prix|en promo)",
        "{brand} {product} (nouvelle collection|nouveauté|dernier modèle|{size})",
        _hi("vous (vendez|avez|proposez|faites) {product:indef}[ (de chez|de la marque) {brand}] ?"),
        _hi(
            "je (cherche|recherche|voudrais trouver) {product:indef} (en {color}|à moins de {price}|pas trop cher|de bonne qualité|pour offrir)[, vous avez ça ?]"
        ),
        _hi("t'as quoi comme {product} (en {color}|de chez {brand}|autour de {price}) ?", tu=True),
        "(Montrez-moi|Tu peux me montrer|Vous pouvez me montrer) ce que vous avez (en|comme) {product}[ (en {color}|de chez {brand}|pour moins de {price})]",
        "Il est où le rayon (maquillage|électroménager|sport|jouets|high-tech|chaussures femme|déco|puériculture) sur le site ?",
        "Vous avez d'autres modèles {product:neg}[ (en {color}|dans les {price}|de chez {brand})] ?",
        _hi(
            "je cherche un cadeau pour (l'anniversaire de mon fils|mon neveu de 12 ans|mon copain|ma belle-mère|une collègue qui part à la retraite), (plutôt|genre) {product:indef}, budget [(max|maximum|autour de) ]{price}. Vous auriez quelque chose ?"
        ),
        "idée cadeau (Noël|fête des mères|fête des pères|Saint-Valentin|anniversaire) (moins de|max|jusqu'à) {price}",
        "Je cherche quelque chose (de chaud pour l'hiver|pour faire du sport|pour la rentrée|de confortable pour le télétravail|pour partir en randonnée), (vous me conseillez quoi|qu'est-ce que vous avez) ?",
        "Avez-vous {product:indef} (de marque|de chez) {brand} pour (moins de|environ) {price} ?",
        "Est-ce que vous avez des (trucs|articles|produits) (de chez|de la marque) {brand} ?",
        "(Je voudrais|J'aimerais) voir (les nouveautés|la nouvelle collection|ce que vous avez) (en {color}|de chez {brand}|pour cette saison)",
        "Vous vendez aussi (de la déco|des vêtements pour enfants|de l'électroménager|des produits de beauté|des articles de sport|des jeux vidéo) ?",
        "Je magasine (un|pour un) cadeau, vous avez {product:indef} (pas trop cher|en {color}|de chez {brand}) ?",
        "Y a-t-il des modèles {product:neg} (fabriqués en France|écoresponsables|pour les petits budgets|un peu plus haut de gamme) ?",
        "(rayon|catégorie) (chaussures homme|robes de soirée|vêtements bébé|petit électroménager|soins visage|jeux de construction)",
        _WEAR_BASE + " (femme|homme|enfant) (en {color}|taille {size}|{brand})",
        "Vous auriez pas {product:neg} (en {color}|à moins de {price}|de chez {brand}) ? Je trouve rien sur le site",
        _hi(
            "je cherche un truc pour (ranger mes chaussures|garder mon café au chaud|faire du yoga à la maison|occuper les enfants pendant les vacances), t'as quoi en rayon ?",
            tu=True,
        ),
        _hi(
            "je souhaiterais savoir si vous proposez {product:indef} de la marque {brand} pour un budget d'environ {price}. Je vous remercie par avance de votre retour."
        ),
        "C'est quoi le moins cher que vous ayez en {product} ?",
        "Je fais du {size}, vous avez quoi comme " + _WEAR_BASE + " dans ma taille ?",
        "Pour une liste de naissance, vous avez quoi en (poussettes|sièges auto|jouets d'éveil|gigoteuses|tapis d'éveil) ?",
    ],
    "product_details": [
        "{product} {brand} (dimensions|poids|garantie|fiche technique|composition)",
        "{product} {brand} garantie combien (d'années|de temps) ?",
        "Quelles sont les dimensions [exactes ]{product:de}[ {brand}] ?",
        "Vous avez plus de détails sur {product:def} {brand} : (dimensions, poids, garantie|matière et entretien|origine et garantie) ?",
        "C'est fabriqué où, {product:def} {brand} ?",
        "(Ce modèle|Cette robe|Ce pantalon|Ce jean|Cette veste) taille (petit|grand|normalement) ? Je fais du {size} d'habitude.",
        "Je fais 1m(58|65|70|78|85) pour (52|60|70|80|92) kg, je prends quelle taille pour (ce sweat|cette robe|ce manteau|ce jean) ?",
        "Est-ce que (le chargeur|la coque|le câble|la protection d'écran) est compatible avec (l'iPhone 15|un Samsung Galaxy S24|un Pixel 8|un iPad Air) ?",
        "(La poêle|La gourde isotherme|La cafetière|La boîte à lunch) (passe|va) au lave-vaisselle ?",
        "L'autonomie, c'est combien (pour|sur) (la montre connectée|les écouteurs|le casque|l'aspirateur robot|la trottinette) ?",
        "Le canapé fait quelle profondeur ? Je voudrais être (sûr|sûre) qu'il passe par ma porte.",
        "Le manteau {color}, il est doublé ? Il tient chaud jusqu'à quelle température ?",
        "(Dites-moi|Dis-moi|Petite question), {product:def} {brand}, ça existe en (d'autres coloris|d'autres tailles|plus grand) ?",
        "C'est quoi la composition (de ce pull|de ce t-shirt|de cette robe|de ce sweat) ? Il y a (de la laine|du polyester|du coton bio) dedans ?",
        _hi(
            "j'hésite à commander {product:def} {brand}. (Pouvez-vous|Vous pourriez) me dire (combien ça pèse|quelle est la garantie|d'où ça vient|comment ça s'entretient) ?"
        ),
        "Vous pensez que {product:dem}, c'est adapté pour (un usage quotidien|les enfants|un petit appartement|les débutants) ?",
        "Tu sais si (le sweat|la veste|le jean|la robe) rétrécit au lavage ?",
        "Le mannequin sur la photo porte quelle taille ?",
        "La télé fait combien de pouces et elle a combien de ports HDMI ?",
        "Les piles sont fournies avec (le jouet|la voiture télécommandée|la peluche musicale) ?",
        "Il fait quelle contenance, le sac à dos ? Un ordi 15 pouces rentre dedans ?",
        "(caractéristiques|descriptif|notice) {product} {brand}",
        "Ça se lave à (30|40|60) degrés, " + _WEAR_DEM + " ? Ou c'est lavage à la main uniquement ?",
        "La batterie tient combien d'heures (en vrai|en usage normal) sur (le smartphone|la tablette|l'ordinateur portable|l'enceinte Bluetooth) {brand} ?",
        "Est-ce que (l'imprimante|la liseuse|la montre connectée|l'enceinte) se connecte en Wi-Fi ou seulement en Bluetooth ?",
        "(Le sérum|La crème hydratante|Le fond de teint|Le shampoing) convient aux peaux (sensibles|grasses|atopiques|matures) ?",
        _hi(
            "avant de passer commande, j'aurais besoin de connaître (le poids exact|les dimensions exactes|la composition|la durée de garantie) {product:de} {brand}. Pourriez-vous me renseigner ? Cordialement"
        ),
        "J'ai le pied large, (les baskets|les bottines|les chaussures de randonnée|les escarpins) chaussent grand ou petit ?",
        "(L'enceinte|La montre connectée|L'imprimante|La liseuse) {brand}, c'est compatible (Mac|Android|iPhone|Alexa) ?",
    ],
    "product_comparison": [
        "{product} {brand} ou (un modèle moins cher|une autre marque) ?",
        "{product} quel modèle choisir",
        "(AirPods Pro ou AirPods 4|PS5 ou Xbox Series X|iPhone 15 ou 16|Kindle ou Kobo|Dyson V15 ou V12|Galaxy S24 ou Pixel 9) ?",
        "Quelle [est la ]différence entre (l'iPhone 15 et l'iPhone 16|la Switch OLED et la Switch Lite|le Kindle Paperwhite et le Kobo Clara|les Galaxy Buds et les AirPods|le Dyson V12 et le V15|la PS5 Slim et la PS5 Pro) ?",
        "J'hésite entre deux modèles {product:neg}[ de chez {brand}], lequel (vous me conseillez|est le mieux) ?",
        "C'est quoi la différence entre la version (de base|standard|classique) et la version (Pro|Plus|premium) {product:de}[ {brand}] ?",
        "Est-ce que ça vaut le coup de prendre {product:def} {brand} plutôt que le modèle (d'entrée de gamme|juste en dessous|moins cher) ?",
        "{brand} ou une autre marque pour {product:indef}, (vous conseillez quoi|qu'est-ce qui est le mieux|tu prendrais quoi) ?",
        "Franchement, {product:quel} (tu me conseilles|vous me conseillez) entre les deux modèles que j'ai mis dans mon panier ?",
        "Entre le coton bio et le polyester recyclé, lequel est le plus (résistant|agréable à porter|facile à laver) ?",
        "Pour (courir|le trail|la salle de sport), mieux vaut (les Asics Gel-Nimbus ou les Nike Pegasus|les Hoka Clifton ou les Brooks Ghost|les Salomon Speedcross ou les Kiprun de Decathlon) ?",
        _hi(
            "je dois choisir entre la (Nespresso Vertuo et la De'Longhi Magnifica|Senseo et la Dolce Gusto|Krups et la Philips) pour (le bureau|la maison). On est (trois|une dizaine), laquelle (vous conseillez|est la plus adaptée) ?"
        ),
        "Robot aspirateur Roborock ou iRobot Roomba, c'est lequel le plus (silencieux|efficace sur les poils de chat|simple à utiliser) ?",
        "Le modèle homme et le modèle femme, ils ont la même coupe ou pas ?",
        "Quelle différence de qualité entre ce modèle {product:neg} et celui à {price} ?",
        "Tu me conseilles lequel entre le (casque Sony et le Bose|MacBook Air et le MacBook Pro|téléviseur Samsung et le LG) ?",
        "Quel est le meilleur rapport qualité-prix entre (ces deux-là|les deux modèles que vous proposez|la version 128 Go et la 256 Go) ?",
        "comparatif {product} (entrée de gamme vs haut de gamme|{brand} vs concurrence)",
        "Qu'est-ce qui change entre la taille {size} et la taille au-dessus, en centimètres ? Je compare les deux guides des tailles.",
        "(Nike ou Adidas|Bose ou Sony|Dyson ou Rowenta|Seb ou Tefal|Kobo ou Kindle) : c'est quoi le mieux en termes de qualité ?",
        "Pourquoi {product:def} {brand} coûte (deux fois|beaucoup) plus cher que l'autre modèle ? Ça vaut vraiment la différence ?",
        _hi(
            "tu prendrais lequel toi, le (noir ou le blanc|128 Go ou le 256 Go|modèle à {price} ou celui d'au-dessus) ?",
            tu=True,
        ),
        _hi(
            "nous hésitons entre deux modèles {product:neg} pour (notre bureau|l'école|notre association). Pourriez-vous nous indiquer les principales différences et celui que vous recommanderiez ? Cordialement"
        ),
        "{product} reconditionné ou neuf, (lequel choisir|quelle différence|ça vaut le coup) ?",
        "Qu'est-ce que (l'iPad Air a de plus que l'iPad classique|le Galaxy S24 Ultra a de plus que le S24|le Dyson V15 a de plus que le V8|le MacBook Pro a de plus que le MacBook Air) ?",
        "Pour (un usage quotidien|un petit budget|un débutant|offrir), vous me conseillez quel modèle {product:neg} parmi ceux que vous vendez ?",
        "Qu'est-ce qui dure le plus longtemps : (le jean slim ou le chino|les baskets en cuir ou en toile|la poêle en inox ou la poêle antiadhésive) ?",
    ],
    "stock_availability": [
        _WEAR_BASE + " {size} dispo ?",
        "{product} {brand} en {color} en stock ?",
        "{product} {brand} (réassort|retour en stock|de nouveau dispo) quand ?",
        "Vous avez encore " + _WEAR_DEF + " {brand} en {size} ?",
        "Et {product:def} en {color}, c'est (encore|toujours) dispo ?",
        "C'est prévu quand, le retour en stock {product:de}[ {brand}] ?",
        "La taille {size} est (indiquée|marquée) épuisée, vous allez en recevoir d'autres ?",
        "Il vous en reste (en {size}|en {color}|en magasin) ?",
        "Vous pouvez me prévenir quand la taille {size} sera de nouveau disponible ?",
        "Vous l'avez [aussi ]en ({color}|{size}) ?",
        "Est-ce qu'il en reste en magasin à {city} ? Je voudrais passer (aujourd'hui|ce week-end)",
        _hi(
            "je voulais commander "
            + _WEAR_DEF
            + " {brand} en {size} mais la taille n'est plus sélectionnable. C'est (juste temporaire|une rupture définitive) ou ça va revenir ?"
        ),
        "Tu sais s'il y aura du réassort sur {product:def} {brand} ?",
        "Pourquoi c'est marqué « indisponible » sur {product:def} ? (Vous n'en avez plus du tout|Il n'y en a plus nulle part) ?",
        "stock " + _WEAR_BASE + " {brand} {size}",
        "Est-ce que vous avez du stock sur {product:def} en {color} ou il faut attendre ?",
        "Vous n'avez plus {product:neg} (en {color}|de chez {brand}|en magasin) ?",
        "Rupture de stock sur {product:def} {brand} depuis (des semaines|un mois), ça revient quand ?",
        "J'ai mis {product:def} dans mon panier mais c'est écrit « stock limité », il en reste combien ?",
        "{product} {brand} (en rupture|plus en stock|indisponible partout) ?",
        "Quand est-ce que vous recevez le prochain arrivage {product:de}[ {brand}] ?",
        _WEAR_DEM + " {brand}, (dispo en {size}|encore dispo en {color}) ou pas ?",
        _hi(
            "je souhaiterais savoir si {product:def} {brand} en {color} sera de nouveau disponible prochainement. Je suis (prêt|prête) à attendre quelques semaines si nécessaire. Cordialement"
        ),
        "Vous l'avez en boutique à {city} ou c'est uniquement sur le site ?",
        "Vous attendez un réassort en {size} avant (les fêtes|la fin du mois|l'été) ?",
        "Vous avez assez de stock {product:de} pour une commande de {quantity} ?",
        "Toutes les tailles sont grisées sauf le {size}, vous allez en recevoir d'autres ?",
    ],
    "price_promotions": [
        "{product} {brand} promo ?",
        "code promo {coupon} (ne marche pas|invalide|refusé|marche pas)",
        "Le code {coupon} ne fonctionne pas, le site me dit qu'il est (invalide|expiré|non applicable à mon panier). (Pourquoi ?|C'est normal ?)",
        "C'est quand les soldes (d'été|d'hiver) ?",
        "Vous avez un code promo pour une première commande ?",
        "Ça (coûte|vaut) combien, {product:def} {brand}[ en {color}] ?",
        "Hier le prix {product:de} {brand} était de {price}, pourquoi ça a augmenté ?",
        "Est-ce que vous faites des réductions (pour les étudiants|pour les familles nombreuses|pour les membres du programme fidélité) ?",
        "Il y aura des promos sur {product:def} {brand} pour le Black Friday ?",
        "Le prix affiché, c'est (TTC ou HT|avec ou sans la TVA|avec ou sans les taxes) ?",
        "J'ai reçu le code {coupon} par (mail|SMS|courriel) mais il ne s'applique pas à mon panier.",
        "On peut cumuler (deux codes promo|le code {coupon} avec les soldes) ?",
        "T'aurais pas un petit code de réduc à me filer ?",
        "Vous alignez vos prix si je trouve (moins cher ailleurs|le même article moins cher chez un concurrent) ?",
        "prix {product} {brand}",
        "La réduction de (20|30|50) % s'applique aussi sur les articles déjà soldés ?",
        "Le code {coupon}, il est valable jusqu'à quand ?",
        "Vous avez des (ventes privées|offres|bons plans) en ce moment sur (la high-tech|les chaussures|le maquillage|l'électroménager) ?",
        _hi(
            "j'ai vu une pub à -(20|30|40) % sur {product:def} {brand} mais sur le site le prix affiché est toujours {price}. C'est une erreur ?"
        ),
        "(code promo|code réduc|bon de réduction) {brand}",
        "Le code {coupon} me dit « montant minimum non atteint », c'est à partir de combien ?",
        _hi("y a des promos en ce moment ou faut attendre les soldes ?", tu=True),
        _hi(
            "je suis (adhérent|adhérente) à votre programme de fidélité depuis plusieurs années. Pourriez-vous m'indiquer si une remise est prévue pour les clients fidèles lors des prochaines ventes privées ? Cordialement"
        ),
        "Le prix barré à {price}, c'est vraiment le prix d'avant ?",
        "Est-ce que le code {coupon} marche aussi sur l'appli ?",
        "soldes {brand} (dates|jusqu'à quand|-50 %)",
        "Vous offrez un rabais pour (les aînés|les étudiants|les familles|les employés de la fonction publique) ?",
    ],
    "place_order": [
        "(Je voudrais|Je souhaiterais|J'aimerais) commander "
        + _WEAR_DEF
        + " {brand} en {size}, comment je fais ?",
        "Comment on passe commande sur (le site|l'appli) ?",
        "Ajoute {product:def}[ en {color}] à mon panier",
        "Ajoutez-moi " + _WEAR_DEF + " en {size} au panier, (s'il vous plaît|svp)",
        "Je (veux|vais) acheter {product:dem}[ en {color}], (je fais comment|c'est par où) ?",
        "Est-ce que je peux commander par téléphone ?",
        "commander {product} {brand}",
        "achat {product} {brand}[ en {color}]",
        "Je (voudrais|veux) en commander {quantity}, c'est possible ?",
        "Comment je valide mon panier pour passer la commande ?",
        "Parfait, je (prends|commande) ! Comment je finalise ?",
        _hi(
            "je voudrais passer commande pour "
            + _WEAR_INDEF
            + "[ {brand}] en {size}, est-ce que je peux le faire directement ici dans le chat ?"
        ),
        "Je souhaiterais passer une commande groupée pour mon entreprise, (j'en voudrais|il m'en faudrait) {quantity}[ en {color}]. Comment procéder ?",
        "C'est bon, tu peux me mettre {product:def}[ en {color}] dans le panier ?",
        "Je n'arrive pas à trouver le bouton pour commander, il est où ?",
        "Je veux {product:dem}[ en {color}] ! Je commande comment ?",
        "Est-ce que je peux réserver {product:def} en ligne et payer en magasin à {city} ?",
        "Commande : " + _WEAR_INDEF + "[ {brand}], taille {size}, couleur {color}, merci",
        "Mettez-m'en {quantity}, (s'il vous plaît|svp)",
        "Mets-moi {product:def}[ {brand}] en {color}, j'en prends {quantity}",
        "C'est possible de passer commande par mail ? Je ne suis pas à l'aise avec (internet|le site|l'appli)",
        _hi(
            "nous souhaiterions commander {product:def} {brand} pour notre (association|cabinet|école) : il nous en faudrait {quantity}. Pouvez-vous nous indiquer la marche à suivre ? Cordialement"
        ),
        "ajouter au panier {product} {color}",
        "Je voudrais (exactement la même chose que|recommander le contenu de) ma dernière commande, vous pouvez la repasser ?",
        "Je veux l'acheter, c'est quoi la marche à suivre ?",
        "Tu peux passer la commande pour moi : " + _WEAR_DEF + " en {size}, (couleur|coloris) {color}",
        "Je voudrais en acheter {quantity} pour offrir, je peux tout commander en une seule fois ?",
    ],
    "payment_methods": [
        "Vous acceptez le paiement par {payment_method} ?",
        "paiement {payment_method} (possible|accepté) ?",
        "Est-ce qu'on peut payer en (plusieurs fois|3 fois|4 fois sans frais) ?",
        "Je peux (payer|régler) par {payment_method} ?",
        "Quels sont les (moyens|modes) de paiement (acceptés|disponibles) ?",
        "(Paiement|Payer) à la livraison, c'est possible ?",
        "Tu prends quoi comme paiement ? {payment_method}, ça passe ?",
        "Je n'ai pas de carte bancaire, comment je peux payer ?",
        "On peut payer sur facture depuis la Suisse ?",
        _hi(
            "je voudrais commander {product:indef} à {price}, mais je préférerais payer en (3|4|10) fois. C'est possible chez vous, et avec quels frais ?"
        ),
        "C'est (sécurisé|sûr) de payer par {payment_method} sur votre site ?",
        "Les cartes cadeaux, je peux les utiliser pour payer en ligne ?",
        "moyens de paiement",
        "Vous prenez les (chèques-vacances|chèques-cadeaux|cartes Amex) ?",
        "Est-il possible de régler par virement ou par chèque pour une commande professionnelle ?",
        "Est-ce que je peux payer (avec TWINT sur mon Natel|par Interac en ligne|avec ma carte Bancontact) ?",
        "Vous avez le paiement fractionné (avec Klarna|avec Alma|avec Oney) ?",
        "paiement en (3x|4x|10x)[ sans frais]",
        "Le paiement par {payment_method} marche aussi sur l'appli ?",
        _hi("je peux payer avec une carte prépayée (type PCS|Neosurf|Transcash) ?", tu=True),
        _hi(
            "notre (mairie|établissement scolaire|association) règle ses achats par mandat administratif. Acceptez-vous ce mode de paiement et, si oui, quels documents faut-il fournir ? Cordialement"
        ),
        "Je peux payer une partie avec une carte cadeau et le reste par {payment_method} ?",
        "Vous acceptez les cartes étrangères ? J'ai une carte (canadienne|suisse|américaine|marocaine)",
        "C'est possible de payer en espèces en magasin pour une commande faite en ligne ?",
        "Les cartes (Maestro|Visa Electron|prépayées), ça passe chez vous ?",
    ],
    "payment_problem": [
        "paiement (refusé|bloqué|qui ne passe pas)",
        "paiement {payment_method} (refusé|bloqué|en erreur)",
        "J'ai été (débité|débitée|prélevé|prélevée) deux fois pour la [même ]commande {order_id}",
        "Ma carte est refusée alors qu'elle (fonctionne partout ailleurs|a assez de provision|n'est pas expirée)",
        "La page de paiement (ne charge pas|plante|tourne dans le vide|affiche une erreur 500)[, je fais comment ?]",
        "Je n'arrive pas à payer par {payment_method}, ça me met (une erreur|« transaction refusée »)",
        "Je ne reçois pas le code 3D Secure de ma banque pour valider le paiement",
        "L'argent a été (prélevé|débité) mais la commande n'apparaît pas dans mon compte",
        "Ça fait (trois|quatre) fois que j'essaie de payer et ça bloque à (la validation|l'étape du paiement)",
        "Erreur lors du paiement, (je fais quoi|que faire) ?",
        "Double prélèvement de {price} sur mon compte !",
        "Ton site refuse ma carte, c'est quoi le problème ?",
        _hi(
            "j'ai essayé de payer ma commande (hier soir|ce matin) par {payment_method}, le paiement a été refusé mais la somme de {price} apparaît quand même en attente sur mon compte. (Pouvez-vous|Vous pouvez) vérifier ?"
        ),
        "PayPal me renvoie sur une page blanche après la connexion, impossible de finaliser",
        "Le paiement en (3|4) fois a été refusé, je ne comprends pas pourquoi",
        "Mon paiement est bloqué « en cours de traitement » depuis le {date}, c'est normal ?",
        "Le bouton « Payer » ne réagit pas quand je clique dessus",
        "erreur paiement (code 05|3D Secure|« transaction échouée »)",
        "Ma banque dit que c'est vous qui bloquez, vous dites que c'est ma banque… et le paiement ne passe toujours pas",
        "J'ai validé le paiement dans l'appli de ma banque mais le site m'a renvoyé sur le panier",
        _hi(
            "je constate sur mon relevé bancaire (deux débits|un double débit) de {price} pour une seule commande passée le {date}. Je vous remercie de bien vouloir régulariser la situation."
        ),
        _hi("ça bug quand je clique sur payer, ça tourne dans le vide et rien ne se passe", tu=True),
        "Ma carte cadeau n'est pas acceptée à l'étape du paiement, le solde n'est pas déduit",
        "Votre site me déconnecte à chaque fois que j'arrive à l'étape du paiement",
        "Mon virement a été fait le {date} mais la commande est toujours « en attente de paiement »",
    ],
    "order_status": [
        "Où en est ma commande {order_id} ?",
        "suivi (commande|colis) {order_id}",
        _hi(
            "je n'ai toujours pas reçu ma commande du {date}, (vous pouvez|pouvez-vous) me dire où elle en est ?"
        ),
        "Mon colis est bloqué « en préparation » depuis le {date}, c'est normal ?",
        "Le suivi (indique|dit) « livré » mais je n'ai rien reçu, il est où mon colis ?",
        "Est-ce que ma commande a (été expédiée|bien été envoyée) ?",
        "Quand est-ce que je vais recevoir ma commande[ {order_id}] ?",
        "Tu peux me donner le numéro de suivi de ma commande ?",
        "colis (pas reçu|toujours pas arrivé) {order_id}",
        "Le lien de suivi (Colissimo|Chronopost|Mondial Relay|bpost|de La Poste|de Postes Canada) ne marche pas, vous pouvez me dire où est mon colis ?",
        _hi(
            "j'ai passé commande le {date}, numéro {order_id}, on m'avait annoncé une livraison sous (3|5) jours et je n'ai aucune nouvelle. (Pouvez-vous|Vous pouvez) me dire où en est le colis ?"
        ),
        "statut commande {order_id}",
        "Ma commande est marquée « expédiée » mais le suivi ne bouge plus depuis (trois jours|une semaine). (Elle est où ?|Il se passe quoi ?)",
        "Est-ce que ma commande sera là avant le {date} ?",
        "J'ai reçu un SMS disant que mon colis est en point relais, mais lequel ?",
        "Mon colis est (parti de l'entrepôt|pris en charge par le transporteur) ou pas encore ?",
        "Il arrive quand, mon colis ? C'est pour un cadeau",
        "ma commande {order_id}, elle en est où ?",
        "numéro de suivi commande {order_id}",
        _hi(
            "sauf erreur de ma part, je n'ai reçu aucun e-mail d'expédition pour ma commande {order_id} passée le {date}. Pourriez-vous me confirmer qu'elle a bien été prise en compte et m'indiquer une date de livraison estimée ? Cordialement"
        ),
        "Le transporteur a mis « avis de passage » mais personne n'a sonné, il est où mon colis maintenant ?",
        "Mon colis est en transit depuis (dix jours|deux semaines) (en Belgique|à la douane|chez bpost), c'est normal ?",
        "Toujours « en cours de traitement », ma commande du {date}. Ça avance ?",
        "Vous pouvez me dire quel jour le livreur passe ? J'ai commandé {product:def} le {date}",
        "Je n'ai reçu qu'une partie de ma commande {order_id}, le reste arrive quand ?",
    ],
    "cancel_order": [
        "annuler [ma ]commande {order_id}",
        "Je (voudrais|souhaite|veux) annuler ma commande[ {order_id}]",
        "Est-ce que je peux encore annuler ? Je viens de commander il y a (dix minutes|une heure)",
        "J'ai commandé par erreur, comment j'annule ?",
        "Annulez ma commande, (s'il vous plaît|svp), elle n'est pas encore partie",
        "Finalement je n'en ai plus besoin, vous pouvez annuler la commande du {date} ?",
        "Tu peux annuler ma dernière commande ?",
        "Ma commande n'est pas encore expédiée, (je peux|est-ce que je peux) l'annuler ?",
        _hi(
            "j'ai passé une commande (ce matin|hier soir), numéro {order_id}, mais j'ai trouvé moins cher ailleurs. Comme elle n'a pas encore été expédiée, merci de l'annuler et de me confirmer par (mail|courriel)."
        ),
        "Comment (faire pour|on fait pour) annuler une commande en cours ?",
        "Je ne veux plus {product:def}, la commande n'est pas encore partie, (vous pouvez tout annuler ?|annulez tout, s'il vous plaît.)",
        "stop commande {order_id}, je n'en veux plus",
        "Le délai de livraison est trop long, je préfère annuler avant l'expédition.",
        "J'ai passé deux fois la même commande, (annulez-en une|vous pouvez en annuler une ?)",
        "annulation commande",
        "Est-il encore possible d'annuler une commande payée par {payment_method} ?",
        "Annule tout, j'ai changé d'avis !",
        _hi("j'en veux plus, tu peux annuler ma commande avant qu'elle parte ?", tu=True),
        _hi(
            "je vous prie de bien vouloir annuler ma commande {order_id} passée le {date}, qui ne semble pas encore avoir été expédiée. Merci de me confirmer l'annulation par retour de mail."
        ),
        "Le bouton « Annuler la commande » n'apparaît pas dans mon compte, comment je fais ?",
        "Annulez la commande {order_id}, je (l'ai passée en double|n'en ai plus besoin)",
        "C'est trop tard pour annuler si c'est marqué « en préparation » ?",
        "(Mon fils|Ma fille) a commandé avec mon compte sans me demander, il faut tout annuler avant l'envoi",
        "Je renonce à ma commande {order_id}, merci de ne pas l'expédier",
        "Vous pouvez bloquer l'expédition ? Je ne veux plus de cette commande",
    ],
    "change_order": [
        "Je me suis (trompé|trompée) de taille pour "
        + _WEAR_DEF
        + ", je peux passer au {size} avant l'envoi ?",
        "modifier [ma ]commande {order_id}",
        "Est-ce que je peux ajouter un article à ma commande déjà (passée|validée) ?",
        "Je voudrais changer la couleur dans ma commande {order_id} : en {color} plutôt, si c'est encore possible",
        "Vous pouvez passer la quantité à {quantity} sur ma commande ?",
        "J'ai oublié de rajouter {product:indef} dans ma commande, vous pouvez (rajouter ça|faire l'ajout) ?",
        "(Retirer|Enlever) un article de ma commande {order_id}, c'est possible ?",
        "Tu peux remplacer " + _WEAR_DEF + " de ma commande par la taille au-dessus ?",
        _hi(
            "j'ai commandé hier "
            + _WEAR_INDEF
            + " en {size}, commande {order_id}, mais je viens de lire que ça taille petit. (Pouvez-vous|Vous pouvez) changer pour la taille au-dessus avant l'expédition ?"
        ),
        "changer (taille|couleur) commande {order_id}",
        "Il est encore temps de modifier ma commande ? Je voudrais (une autre couleur|une autre taille|un article en plus)",
        "Au lieu de {quantity}, je n'en veux finalement qu'un exemplaire, vous pouvez corriger la commande ?",
        "Je peux modifier ma commande moi-même dans mon compte ou il faut passer par vous ?",
        "J'ai commandé {product:def} en {color} mais je préférerais (l'autre coloris|une autre couleur), vous pouvez changer avant l'envoi ?",
        "remplacer un article dans ma commande avant l'expédition",
        "Petite erreur dans ma commande : j'ai pris la mauvaise taille, on peut corriger pour du {size} ?",
        "commande {order_id} (mauvaise taille|mauvais coloris|mauvaise quantité), modif possible avant l'envoi ?",
        _hi(
            "je me suis (planté|plantée) de couleur sur ma commande, tu peux mettre le {color} à la place ?",
            tu=True,
        ),
        _hi(
            "suite à ma commande {order_id} du {date}, je souhaiterais, si l'expédition n'a pas encore eu lieu, remplacer {product:def} par le même modèle en {color}. Je vous remercie par avance."
        ),
        "Je peux rajouter {product:indef} à ma commande pour éviter de payer deux fois les frais de port ?",
        "La quantité est fausse sur ma commande : j'en ai mis {quantity} au lieu d'un seul, vous pouvez corriger ?",
        "Je voudrais remplacer {product:def} de ma commande par un autre modèle {brand}",
        "Vous pouvez enlever {product:def} de ma commande et garder le reste ?",
        "Sur ma commande, (pouvez-vous|vous pouvez) mettre "
        + _WEAR_DEF
        + " en {size} au lieu de la taille choisie ?",
    ],
    "change_shipping_address": [
        "changer adresse [de ]livraison commande {order_id}",
        "Je me suis (trompé|trompée) d'adresse en passant commande, (comment je la modifie|vous pouvez la corriger) ?",
        "Je viens de déménager, vous pouvez envoyer ma commande à ma nouvelle adresse à {city} ?",
        "Est-ce que je peux faire livrer ma commande (au bureau|chez mes parents|chez ma voisine) plutôt qu'à mon domicile ?",
        "Erreur dans le code postal de ma commande {order_id} : c'est (75011|69003|1050|1204|H2X 1Y4|G1R 4P5) et pas celui indiqué",
        "Tu peux changer l'adresse de livraison de ma dernière commande ?",
        "Mon colis doit partir à {city}, pas chez moi. Vous pouvez modifier l'adresse de la commande ?",
        _hi(
            "j'ai passé commande le {date} et je me rends compte que c'est mon ancienne adresse qui était enregistrée. Le colis n'est pas encore parti, (pouvez-vous|vous pouvez) le livrer à ma nouvelle adresse ?"
        ),
        "(Possible de|Est-ce que je peux) changer le point relais de ma commande ?",
        "J'ai oublié (le numéro d'appartement|le digicode|le numéro de boîte|l'étage) dans l'adresse de livraison, on peut le rajouter ?",
        "nouvelle adresse de livraison pour la commande {order_id}",
        "L'adresse de livraison peut-elle encore être modifiée une fois la commande validée ?",
        "Je ne serai pas chez moi (le {date}|cette semaine), vous pouvez rediriger ma commande vers mon travail ?",
        "Livrez plutôt ma commande {order_id} (à mon bureau|chez ma sœur) à {city}, (s'il vous plaît|svp)",
        "Il manque le nom de la rue dans l'adresse de ma commande, je peux encore la corriger ?",
        "adresse de livraison (erronée|incorrecte|à corriger) sur ma commande[ {order_id}]",
        "J'ai mis la mauvaise ville sur ma commande {order_id}, c'est à {city} qu'il faut livrer. Vous pouvez changer ça avant l'envoi ?",
        "modif adresse colis {order_id}",
        _hi("j'ai pas mis le bon numéro de rue sur ma commande, on peut changer ?", tu=True),
        _hi(
            "j'ai passé commande le {date}, numéro {order_id}, et je n'habiterai plus à l'adresse indiquée à partir de cette semaine. Pourriez-vous faire livrer le colis à ma nouvelle adresse à {city} ? Je reste joignable par téléphone si besoin."
        ),
        "Au lieu de la livraison à domicile, je préfère (un locker Mondial Relay|une consigne Pickup|le bureau de poste) près de chez moi pour ma commande {order_id}",
        "Le colis est déjà parti, est-ce qu'on peut encore le dérouter vers une autre adresse ?",
        "Je suis en vacances à {city} jusqu'au {date}, vous pouvez faire livrer ma commande là-bas ?",
        "Il faut ajouter « chez Mme Martin » dans l'adresse de livraison de ma commande, sinon le facteur ne trouvera pas",
        "Adresses de facturation et de livraison inversées sur ma commande {order_id}, le colis doit aller à {city}",
    ],
    "delivery_options": [
        "(livraison|délai de livraison|frais de port) {city}",
        "Combien coûte la livraison (en Belgique|en Suisse|au Canada|au Québec|en Corse|dans les DOM-TOM|au Luxembourg) ?",
        "Vous livrez (en Suisse|au Québec|en Belgique|à l'étranger|en outre-mer) ?",
        "Combien de temps pour être (livré|livrée) à {city} ?",
        "La livraison est gratuite à partir de combien ?",
        "Vous (faites|proposez) la livraison en point relais ?",
        "(Est-ce qu'il y a|Vous avez) une livraison express ?",
        "C'est possible d'être livré le samedi ?",
        "Vous livrez avec quel transporteur ? (Colissimo, Chronopost ?|DHL, UPS ?|Postes Canada ?)",
        "Retrait en magasin à {city}, c'est possible ?",
        "(Tu livres|Vous livrez) au Québec ? Il y a des frais de douane en plus ?",
        _hi(
            "si je commande aujourd'hui {product:indef}, est-ce que je peux être (livré|livrée) avant le {date} ? C'est pour un anniversaire."
        ),
        "délais et frais de port",
        "Pour la Suisse, (les frais de port c'est combien|il faut compter combien de jours) ? Et pour la douane ?",
        "Quels sont les modes de livraison (disponibles|proposés) ?",
        "Livraison en 24 h possible sur {city} ?",
        "Vous livrez en boîte postale ?",
        "Vous faites la livraison à domicile avec prise de rendez-vous pour les gros articles comme (les canapés|l'électroménager|les matelas) ?",
        "livraison (le samedi|le soir|en 2 h|sur rendez-vous) {city}",
        _hi(
            "ça met combien de temps en général pour recevoir un colis de chez vous ? genre 2-3 jours ?",
            tu=True,
        ),
        _hi(
            "je voudrais offrir un cadeau à une amie qui habite à {city}. Est-il possible de le faire livrer directement chez elle, sans facture ni prix dans le colis ? Quels sont les délais ?"
        ),
        "Vous livrez dans les (consignes automatiques|lockers|casiers Pickup) ?",
        "Pour un canapé, la livraison se fait au pied de l'immeuble ou jusque dans l'appartement ?",
        "Si je commande avant (midi|14 h|16 h), c'est expédié le jour même ?",
        "Livraison standard ou express : ça change combien en délai et en prix ?",
        "Vous expédiez (en Allemagne|aux États-Unis|au Maroc|dans toute l'Europe) ?",
    ],
    "return_item": [
        "retour {product} (ne me plaît pas|ne convient pas|pas conforme à la photo|changement d'avis)",
        "Comment (je fais|on fait) pour (retourner|renvoyer|rendre) un article ?",
        "Est-ce que je peux vous renvoyer {product:def} ? (Ça ne me convient pas du tout.|Finalement ça ne me plaît pas.|Je me suis (trompé|trompée) de modèle.)",
        "(J'ai|On a) combien de (jours|temps) pour (faire un retour|renvoyer un article) ?",
        "Où je trouve (l'étiquette de retour|le bon de retour|le formulaire de retour) ?",
        "Le retour, c'est (gratuit|payant|à mes frais) ?",
        "Je voudrais échanger " + _WEAR_DEM + " contre la taille {size}",
        "Reçu hier, pas la bonne taille : comment je vous le renvoie ?",
        _hi(
            "j'ai reçu ma commande {order_id} le {date} mais la couleur ne correspond pas du tout à la photo. Je voudrais faire un retour, comment ça se passe ?"
        ),
        "Est-ce que je peux déposer mon retour dans un point relais ?",
        "politique de retour (articles soldés|produits en promo)",
        "(Ça ne me plaît pas|Ça ne me va pas|Ce n'est pas ce que j'imaginais) finalement, je le renvoie comment ?",
        "Je peux renvoyer {product:def} même si l'emballage est ouvert ?",
        "J'ai reçu deux fois le même article, je vous renvoie le doublon comment ?",
        "J'habite en Suisse, comment je fais un retour ? (Je dois payer la douane ?|Il y a des frais ?)",
        "Tu peux m'envoyer un bon de retour ? Je rends {product:def}",
        "demande de retour commande {order_id}",
        "Les retours se font en magasin à {city} ou seulement par la poste ?",
        "bon de retour (Colissimo|Mondial Relay|bpost|Postes Canada)",
        _hi("j'ai pas gardé le carton d'origine, je peux quand même faire un retour ?", tu=True),
        _hi(
            "je souhaite exercer mon droit de rétractation pour ma commande {order_id}, reçue le {date}. Pourriez-vous m'indiquer la procédure de retour à suivre ?"
        ),
        "Le retour est possible pour un article personnalisé ou gravé ?",
        "Le QR code pour le retour ne marche pas (au bureau de poste|au point relais|en magasin), je fais comment pour renvoyer mon colis ?",
        "Cadeau reçu à Noël, pas la bonne taille : je peux l'échanger sans ticket ?",
        "Je voudrais renvoyer {product:def}, j'ai encore l'emballage d'origine et l'étiquette",
        "Je dois imprimer l'étiquette retour moi-même ? Je n'ai pas d'imprimante",
    ],
    "refund_request": [
        "Je (veux|voudrais|souhaite) être (remboursé|remboursée)[, s'il vous plaît]",
        "remboursement (svp|commande {order_id})",
        "Je voudrais un remboursement pour la commande {order_id}",
        "Colis reçu (abîmé|cassé|ouvert), je demande le remboursement (intégral|complet)",
        "On m'a facturé {price} de trop, vous pouvez me rembourser la différence ?",
        "(Rendez-moi|Je veux récupérer) mon argent !",
        "Il manquait un article dans mon colis, je voudrais être (remboursé|remboursée) de cet article",
        "Vous pouvez me rembourser les frais de port ? La livraison a eu une semaine de retard",
        "Je ne veux pas d'avoir ni de bon d'achat, je veux être (remboursé|remboursée) sur ma carte",
        "Tu peux me rembourser ? L'article ne fonctionne pas",
        _hi(
            "j'ai reçu {product:def} {brand} le {date} et ça ne fonctionne pas du tout. Je ne souhaite pas d'échange, je voudrais simplement être (remboursé|remboursée) de {price}."
        ),
        "Le prix a baissé deux jours après mon achat, vous pouvez me rembourser la différence ?",
        "Je demande le remboursement de ma commande {order_id}, l'article n'est jamais arrivé",
        "Comment je fais une demande de remboursement ?",
        "Remboursez-moi, (s'il vous plaît|svp), le produit ne correspond pas à la description",
        "Je veux récupérer mes {price}, l'article est défectueux",
        "Je préfère un remboursement plutôt qu'un échange, c'est possible ?",
        "demande de remboursement (article défectueux|colis perdu|article manquant)",
        _hi("colis jamais arrivé, je veux récupérer mes sous", tu=True),
        _hi(
            "n'ayant jamais reçu ma commande {order_id} du {date}, je vous demande de bien vouloir procéder à son remboursement intégral sous 14 jours. À défaut, je (saisirai le médiateur|contacterai une association de consommateurs). Cordialement"
        ),
        "J'ai payé la livraison express et le colis est arrivé en standard, je voudrais récupérer la différence",
        "Le produit est tombé en panne au bout de (deux semaines|dix jours), je ne veux pas de réparation, je veux être (remboursé|remboursée)",
        "J'ai dû payer des frais de douane alors que le site disait que tout était inclus, remboursez-moi ces frais",
        "Vous vous êtes trompés d'article, c'est à vous de me rembourser les frais de retour",
        "Un des articles est arrivé cassé, merci de me rembourser cet article uniquement",
    ],
    "refund_status": [
        "remboursement (pas reçu|toujours pas reçu|en attente)",
        "J'ai renvoyé le colis il y a (deux|trois) semaines et toujours pas de remboursement",
        "Quand est-ce que je vais être (remboursé|remboursée) ? Vous avez reçu le retour le {date}",
        "Où en est mon remboursement pour la commande {order_id} ?",
        "Le remboursement de {price} (apparaît comme|est indiqué) effectué mais je ne vois rien sur mon compte",
        "Combien de temps pour recevoir le remboursement une fois le retour validé ?",
        "Tu peux vérifier si mon remboursement est parti ?",
        "Vous avez bien reçu mon retour ? J'attends toujours l'argent",
        _hi(
            "j'ai retourné {product:def} le {date} via (Mondial Relay|Colissimo|bpost|La Poste), le suivi indique que le colis vous a été livré, mais je n'ai toujours pas été (remboursé|remboursée). (Pouvez-vous|Vous pouvez) me dire où ça en est ?"
        ),
        "statut remboursement {order_id}",
        "On m'avait promis un remboursement sous (5|10) jours, ça fait trois semaines. Il arrive quand ?",
        "Le remboursement par {payment_method}, ça prend combien de jours en général ? Vous l'avez lancé le {date}",
        "Annulation confirmée le {date} mais je n'ai pas encore vu le remboursement, c'est normal ?",
        "J'ai reçu un mail disant que mon remboursement est validé. L'argent arrive quand sur mon compte ?",
        "Toujours rien sur mon compte pour le remboursement de la commande {order_id}...",
        "Mon remboursement a été fait sur quelle carte ? Je ne le vois nulle part",
        "suivi remboursement (retour|commande) {order_id}",
        _hi("toujours pas vu la couleur de mon remboursement, c'est normal ?", tu=True),
        _hi(
            "votre service m'a confirmé le {date} que mon remboursement de {price} avait été validé. À ce jour, la somme n'apparaît toujours pas sur mon relevé. Pourriez-vous me transmettre la référence de l'opération pour que je vérifie auprès de ma banque ?"
        ),
        "Mon retour est marqué « reçu » depuis une semaine, le remboursement est lancé ou pas ?",
        "Je devais recevoir un avoir après mon retour, je ne l'ai toujours pas, il est où ?",
        "Vous pouvez m'envoyer une preuve du remboursement ? Ma banque dit n'avoir rien reçu",
        "Remboursement partiel reçu mais il manque les frais de port, ils arrivent séparément ?",
        "Commande annulée, remboursement promis… et depuis, plus rien. Vous pouvez vérifier ?",
    ],
    "invoice": [
        "facture commande {order_id}",
        "(Je peux avoir|Est-ce que je pourrais avoir|Vous savez m'envoyer) une facture pour ma (commande|dernière commande|commande du {date}) ?",
        "(Pouvez-vous|Vous pouvez) ajouter mon numéro de TVA intracommunautaire sur la facture ?",
        "Il faudrait refaire la facture au nom de ma société",
        "Où est-ce que je (télécharge|trouve) ma facture ?",
        "Je n'ai pas reçu de facture (avec mon colis|par mail|dans le colis ni par courriel)",
        "Vous pouvez m'envoyer un justificatif d'achat pour la garantie ?",
        "La facture est (au mauvais nom|à l'ancien nom de ma société|sans mon adresse), vous pouvez la corriger ?",
        "Tu peux m'envoyer (la facture|une copie de la facture|le reçu) en PDF ?",
        _hi(
            "j'ai commandé pour mon entreprise le {date} et j'ai besoin d'une facture avec la raison sociale et le numéro de TVA pour la compta. Comment je peux l'obtenir ?"
        ),
        "(duplicata de|besoin d'une|demande de) facture[ svp]",
        "Est-ce que je peux avoir un reçu pour ma commande {order_id} ? C'est pour mes impôts",
        "L'adresse de facturation sur la facture n'est pas la bonne, il faut mettre celle du bureau",
        "La facture doit mentionner (le numéro IDE de mon entreprise|mon numéro d'entreprise|mes numéros de TPS et TVQ|mon SIRET)",
        "facture avec TVA détaillée svp",
        "Je ne trouve pas la facture dans mon espace client, elle est où ?",
        "Pourriez-vous m'envoyer une facture acquittée pour ma commande de {price} ?",
        "facture (pro|entreprise|avec SIRET|avec TVA) commande {order_id}",
        _hi("tu peux me renvoyer la facture stp, j'ai supprimé le mail", tu=True),
        _hi(
            "dans le cadre d'une note de frais, j'aurais besoin d'une facture au nom de mon employeur pour la commande {order_id}. Pourriez-vous l'établir au nom de la société indiquée ci-dessous ? Cordialement"
        ),
        "La TVA n'apparaît pas sur ma facture, j'en ai besoin pour la récupérer",
        "La commande a été payée par ma mère, mais j'ai besoin de la facture à mon nom, c'est possible ?",
        "Mon téléphone a été volé et l'assurance me demande la facture d'achat, vous pouvez me la renvoyer ?",
        "Vous pouvez m'envoyer un récapitulatif de toutes mes factures de l'année ? C'est pour la comptabilité",
        "Le bon de commande ne suffit pas à mon comptable, il me faut une vraie facture",
    ],
    "create_account": [
        "(créer un compte|création compte|ouvrir un compte)",
        "Comment (je m'inscris|on s'inscrit|on crée un compte) sur (le site|l'appli) ?",
        "Est-ce qu'il faut [obligatoirement ]un compte pour commander ?",
        "Je (voudrais|souhaite) ouvrir un compte client",
        "Je peux m'inscrire avec mon compte (Google|Apple|Facebook) ?",
        "Je (veux|voudrais) me créer un compte, c'est où ?",
        "C'est (gratuit|payant) de créer un compte (chez vous|sur le site) ?",
        "Quels sont les avantages d'avoir un compte client ?",
        _hi(
            "j'ai déjà commandé deux fois en tant qu'invité. Est-ce que je peux créer un compte maintenant et retrouver mes anciennes commandes dedans ?"
        ),
        "Créer un compte professionnel pour mon entreprise, c'est possible ?",
        "Je n'ai pas de compte, je dois en créer un pour suivre mes commandes ?",
        "inscription (site|espace client)",
        "Tu peux m'aider à créer mon compte ?",
        "Je voudrais m'inscrire pour profiter du programme fidélité, je commence par où ?",
        "Le formulaire d'inscription me demande un numéro de téléphone, c'est obligatoire pour ouvrir un compte ?",
        "Je peux créer un compte si j'habite (en Suisse|au Québec|en Belgique) ?",
        "compte client obligatoire ?",
        _hi("je peux commander sans m'inscrire ? j'ai pas envie de créer encore un compte", tu=True),
        _hi(
            "je souhaiterais ouvrir un compte professionnel afin de bénéficier de la facturation mensuelle pour notre société. Quelles sont les démarches et les justificatifs à fournir ? Cordialement"
        ),
        "Je peux créer un compte pour (ma fille|mon fils) de (15|16) ans ?",
        "C'est possible d'avoir un compte commun avec mon conjoint ?",
        "S'inscrire avec un numéro de téléphone plutôt qu'un mail, c'est possible ?",
        "Je passe ma première commande : je dois créer un compte avant ou je peux le faire à la fin ?",
        "Où est le bouton pour s'inscrire sur l'appli ? Je ne vois que « Se connecter »",
    ],
    "login_help": [
        "(mot de passe oublié|mdp oublié|réinitialiser mot de passe)",
        "Je n'arrive (pas|plus) à me connecter (à mon compte|sur l'appli|au site)",
        "Je ne reçois pas le (mail|courriel) de réinitialisation du mot de passe",
        "Mon compte est bloqué après trop de tentatives",
        "Le code de vérification par SMS n'arrive jamais",
        "Il me dit « identifiants incorrects » alors que je suis (sûr|sûre) de mon mot de passe",
        "J'ai oublié mon mot de passe, tu peux m'aider ?",
        "connexion impossible (au compte|sur l'appli)",
        "Je ne me souviens plus de l'adresse mail que j'ai utilisée pour m'inscrire",
        _hi(
            "depuis la mise à jour de l'appli, impossible de me connecter : la page se recharge en boucle quand je tape mon mot de passe. J'ai essayé (sur mon ordi|depuis un autre téléphone) aussi, même problème."
        ),
        "Le lien pour réinitialiser le mot de passe a expiré",
        "La connexion avec (Google|Apple|Facebook) ne marche plus",
        "J'ai changé de téléphone et je ne reçois plus le code de double authentification",
        "compte (bloqué|verrouillé|inaccessible)",
        "Pourquoi je n'arrive plus à accéder à mon espace client ?",
        "Mon mot de passe ne fonctionne plus alors que je ne l'ai pas changé",
        "code de connexion (pas reçu|expiré|invalide)",
        _hi("ça me dit que le mot de passe est faux alors que je viens de le réinitialiser", tu=True),
        _hi(
            "je ne parviens plus à accéder à mon espace client depuis plusieurs jours : chaque tentative de connexion affiche « une erreur est survenue ». Mes commandes en cours y sont enregistrées, pourriez-vous débloquer mon accès ?"
        ),
        "J'ai changé d'adresse mail et je n'ai plus accès à l'ancienne, comment je récupère mon compte ?",
        "Mon compte a été piraté, je ne peux plus me connecter",
        "Le mail pour activer mon compte n'arrive pas, même dans les spams",
        "Je clique sur « Mot de passe oublié » et rien ne se passe",
        "Connexion refusée sur l'appli mais ça marche sur le site, pourquoi ?",
    ],
    "edit_account": [
        "changer (l'adresse mail|l'e-mail|le téléphone) de mon compte",
        "Comment je modifie mon numéro de (téléphone|portable|GSM|Natel|cellulaire) ?",
        "Je suis (connecté|connectée) mais je voudrais changer mon mot de passe, c'est où dans le compte ?",
        "Je me suis (marié|mariée), je voudrais changer mon nom sur mon compte",
        "(Supprimer|Effacer) une ancienne adresse de mon carnet d'adresses",
        "Ajouter une nouvelle adresse de livraison par défaut dans mon compte",
        "Comment je change mon adresse (mail|courriel|e-mail) (dans mon compte|sur le site) ?",
        "Je voudrais mettre à jour mes (infos perso|coordonnées)",
        "Je peux ajouter ma date de naissance à mon profil ?",
        _hi(
            "j'ai changé de numéro de portable et je voudrais le mettre à jour dans mon compte, mais le champ est grisé. Comment faire ?"
        ),
        "modifier mes (informations personnelles|coordonnées|infos de profil)",
        "Je voudrais changer la langue de mon compte en français",
        "Je déménage à {city}, je veux changer l'adresse enregistrée dans mon compte pour mes prochaines commandes",
        "Tu peux corriger l'orthographe de mon nom de famille sur mon compte ?",
        "Comment on modifie le mot de passe quand on est déjà (connecté|dans son compte) ?",
        "Mettre à jour mes préférences (de taille|de contact) dans mon profil",
        "changer (mon pseudo|mon nom d'utilisateur|ma photo de profil)",
        _hi("tu peux changer le mail de mon compte ? c'est plus celui-là que j'utilise", tu=True),
        _hi(
            "je souhaiterais enregistrer une carte bancaire par défaut dans mon compte afin de ne plus avoir à la saisir à chaque commande. Où puis-je effectuer ce réglage ?"
        ),
        "Je veux retirer la carte bancaire enregistrée dans mon compte",
        "Comment activer la double authentification sur mon compte ?",
        "Changer la devise de mon compte en francs suisses, c'est possible ?",
        "Je peux lier mon compte en ligne à ma carte de fidélité du magasin ?",
        "Je voudrais modifier le numéro de TVA enregistré dans mon compte pro",
    ],
    "delete_account": [
        "(supprimer|fermer|clôturer) mon compte[ client]",
        "Je (voudrais|souhaite) fermer définitivement mon compte client",
        "Comment supprimer toutes mes données personnelles conformément au RGPD ?",
        "(Effacez|Supprimez) mon compte et toutes mes données, (s'il vous plaît|merci)",
        "Je ne veux plus être client chez vous, supprimez mon compte",
        "C'est où l'option pour (supprimer|fermer) le compte ? Je ne la trouve pas (dans les paramètres|sur l'appli|dans mon profil)",
        "Tu peux (supprimer|effacer|fermer) mon compte[ stp] ?",
        "suppression (compte et données personnelles|définitive de mon compte|de toutes mes données)",
        _hi(
            "suite à la fuite de données dont j'ai entendu parler, je souhaite que mon compte ainsi que toutes mes données personnelles soient supprimés. Merci de me le confirmer par écrit."
        ),
        "Droit à l'oubli : je demande la suppression de mon compte",
        "Je n'utilise plus (mon compte|votre site) depuis (des mois|longtemps), vous (pouvez|savez) (le clôturer|le désactiver définitivement|supprimer mon compte) ?",
        "Si je supprime mon compte, mes commandes en cours seront quand même livrées ?",
        "En vertu de la Loi 25, je veux que vous supprimiez mon compte et mes renseignements personnels.",
        "Je ne veux plus de compte chez vous, effacez tout ce que vous avez sur moi",
        "Comment faire pour que mon compte soit définitivement effacé ?",
        "RGPD : (suppression|effacement) de mes données et de mon compte",
        "Une fois ma dernière commande reçue, je (voudrais|souhaiterais) que mon compte soit (supprimé|fermé définitivement). Comment on procède ?",
        "(résilier|désactiver définitivement) mon compte[ client]",
        _hi("virez mon compte svp, je commanderai plus chez vous", tu=True),
        _hi(
            "conformément à l'article 17 du RGPD, je vous demande l'effacement de l'ensemble de mes données personnelles ainsi que la clôture du compte associé à cette adresse mail. Merci de m'en accuser réception."
        ),
        "J'ai deux comptes chez vous, je voudrais en supprimer un",
        "Mon père est décédé, comment faire pour clôturer son compte client ?",
        "Si je ferme mon compte, je perds mes points de fidélité ?",
        "Je veux que vous effaciez tout sur moi : compte, historique de commandes, adresses",
        "Désactiver mon compte temporairement, c'est possible, ou il faut le supprimer ?",
    ],
    "complaint": [
        "Service client (nul|lamentable|inexistant)",
        "Colis arrivé en retard et abîmé, c'est inadmissible",
        "Je suis (très|vraiment) (déçu|déçue) par la qualité {product:de}[ {brand}]",
        "Le livreur a laissé mon colis devant la porte sous la pluie, bravo...",
        "(Deux|Trois) semaines de retard sans aucune explication, c'est honteux",
        "La personne au téléphone a été très désagréable avec moi",
        "J'ai encore reçu le mauvais article. C'est la troisième fois !",
        "Franchement, c'est n'importe quoi votre service",
        "(Même pas un mois|Trois semaines à peine) et c'est déjà fichu, {product:def} {brand}. (Quelle qualité lamentable.|Vraiment nul pour le prix.)",
        _hi(
            "je tiens à vous faire part de mon mécontentement. Ma commande {order_id} devait arriver le {date}, j'ai posé un jour de congé pour rien et personne ne m'a (prévenu|prévenue). Ce n'est pas sérieux."
        ),
        "Je n'ai jamais vu un service aussi lent",
        "Le produit ne ressemble pas du tout à la photo, (je suis dégoûté|je suis dégoûtée|quelle arnaque)",
        "Ça fait trois fois que j'écris au service client et personne ne me répond. C'est scandaleux.",
        "Emballage déchiré, produit rayé, vraiment pas terrible pour le prix payé",
        "C'est pas correct pantoute, j'ai attendu trois semaines pour rien",
        "On m'a livré un article visiblement déjà utilisé, c'est inacceptable",
        "Je suis client depuis des années et je n'ai jamais été aussi mal (traité|traitée)",
        "Le livreur ne s'est même pas présenté et a mis « client absent », alors que j'étais chez moi toute la journée !",
        "(expérience|livraison|commande) catastrophique, plus jamais chez vous",
        _hi("sérieux, le colis est arrivé tout mouillé et le carton éventré", tu=True),
        _hi(
            "je tiens à vous faire part de ma profonde déception concernant ma dernière commande. L'article reçu était (rayé|taché|décousu) et l'emballage manifestement déjà ouvert. Je ne m'attendais pas à cela de la part de votre enseigne."
        ),
        "On m'a raccroché au nez (deux fois|à chaque appel) au service client, c'est (inadmissible|honteux)",
        "Vous m'avez envoyé du (38|42) alors que j'avais commandé du (40|44), ça commence à bien faire",
        "Le livreur a jeté le colis par-dessus (le portail|la clôture|la haie), tout est cassé",
        "Votre chatbot ne sert à rien et votre site plante sans arrêt, c'est pénible",
        "Un seul lavage et c'est déjà délavé et déformé, (quelle déception|la qualité a bien baissé chez vous)",
    ],
    "human_agent": [
        "(parler à un conseiller|contacter service client|conseiller humain)",
        "Je veux parler à (un humain|une vraie personne|quelqu'un de réel)",
        "Est-ce que je peux avoir quelqu'un au téléphone ?",
        "C'est quoi votre numéro de (téléphone|service client) ? (Je préfère appeler|Je veux quelqu'un en ligne)",
        "Passez-moi un vrai conseiller, (le bot|votre robot) ne comprend rien",
        "Stop le robot, je veux (un humain|une personne)",
        "T'es un robot ? Je veux parler à quelqu'un de vrai",
        "Y a-t-il un chat en direct avec un conseiller ?",
        "Quels sont les horaires du service client par téléphone ? J'aimerais appeler",
        _hi(
            "ça fait vingt minutes que je tourne en rond avec cet assistant automatique. Mon problème est compliqué, j'ai besoin de parler à un conseiller, pas à une machine."
        ),
        "agent humain (svp|s'il vous plaît)",
        "(Pouvez-vous|Vous pouvez) me faire rappeler par un conseiller ?",
        "Je préfère expliquer mon problème à une personne, comment je vous joins ?",
        "Quel est le numéro du service client (en Belgique|en Suisse|au Canada) ?",
        "Je voudrais parler à un agent, s'il vous plaît",
        "Mettez-moi en relation avec (un conseiller|le service client), merci",
        "Un conseiller, (vite|svp|stp) !",
        "numéro (service client|SAV) (gratuit|non surtaxé)",
        _hi("y a quelqu'un de vrai derrière ou c'est que des bots ?", tu=True),
        _hi(
            "je souhaiterais être (rappelé|rappelée) par un conseiller au sujet de ma commande {order_id}, de préférence en fin de journée. Mon numéro est indiqué dans mon compte. Merci d'avance."
        ),
        "Le chat avec un conseiller, il ouvre à quelle heure ?",
        "Vous avez une adresse mail pour écrire à une vraie personne ?",
        "Je veux un opérateur, pas un menu automatique",
        "Transférez-moi au SAV, je n'ai pas le temps de discuter avec une IA",
        "(humain|conseiller) svp, pas de bot",
    ],
    "product_feedback": [
        "Je (voudrais|souhaite) laisser un avis sur {product:def} {brand}",
        "(Super|Très bonne) qualité {product:de}, je recommande !",
        "Comment je peux noter un produit que j'ai acheté ?",
        "5 étoiles pour {product:def} {brand}, (rien à redire|parfait|nickel) !",
        "Petite suggestion : ce serait bien d'avoir (un filtre par taille|plus de tailles|des photos portées|un guide des tailles plus précis) sur le site",
        "J'adore {product:dem}, (parfait|nickel|trop bien|une tuerie) !",
        "Franchement, {product:def} {brand}, c'est top, je (recommande|valide) à 100 %",
        "Je n'arrive pas à publier mon avis, le bouton ne marche pas",
        "Bravo pour la rapidité de livraison, commande reçue en 24 h !",
        "Votre appli mériterait un mode sombre, ce serait plus agréable",
        _hi(
            "j'ai acheté {product:indef} {brand} il y a un mois et je voulais juste dire que j'en suis (ravi|ravie|très content|très contente). Où est-ce que je peux laisser un commentaire pour les autres clients ?"
        ),
        "donner mon avis {product} {brand}",
        "(Mitigé|Mitigée|Avis mitigé) sur {product:def} : (le design est sympa mais la finition est moyenne|c'est pratique au quotidien mais la qualité est moyenne|c'est correct sans plus). Je mets (2|3) étoiles.",
        "Vous devriez proposer {product:def} en {color}, beaucoup de gens aimeraient ça",
        "Merci à la conseillère qui m'a (aidé|aidée) hier, super service !",
        "Avis : {product} {brand} (conforme à la description|de bonne qualité|au top), livraison rapide. (4/5|5/5|3/5)",
        "laisser un (avis|commentaire) (produit|sur la boutique)",
        _hi("trop (content|contente) de ma commande, tout est nickel, je reviendrai !", tu=True),
        _hi(
            "je me permets de vous faire une suggestion : il serait très utile d'indiquer sur chaque fiche produit (l'origine de fabrication|l'empreinte carbone|les mesures du mannequin). Je pense que beaucoup de clients apprécieraient. Bien à vous."
        ),
        "Vous devriez vendre (plus de marques françaises|des tailles plus grandes|des produits en vrac|des pièces détachées)",
        "Note : (1|2)/5 pour {product:def} {brand}, pas à la hauteur du prix annoncé",
        "Ce serait top de pouvoir (filtrer par marque|comparer deux articles côte à côte|sauvegarder plusieurs listes d'envies) sur le site",
        "Je tenais à féliciter (le livreur|l'équipe du magasin de {city}|votre service client) pour son professionnalisme",
        "Comment je modifie un avis que j'ai déjà posté ?",
    ],
    "newsletter": [
        "(me désabonner|désinscription) (de la newsletter|des newsletters)",
        "Je reçois trop de mails de votre part, comment arrêter ?",
        "Je voudrais m'inscrire à la newsletter pour être (au courant|informé|informée) des promos",
        "STOP (SMS|pub|mails promo)",
        "Comment désactiver les notifications [push ]de l'appli ?",
        "Je ne veux plus recevoir vos pubs par (mail|courriel)",
        "Tu peux me retirer de la liste de diffusion ?",
        "Je me suis (désabonné|désabonnée) mais je reçois encore vos e-mails",
        _hi(
            "je souhaite garder mon compte mais ne plus recevoir aucune communication commerciale, ni mail ni SMS. Comment faire ?"
        ),
        "inscription (newsletter|infolettre)",
        "Vos SMS promotionnels tous les deux jours, c'est trop. Désinscrivez-moi.",
        "Comment je m'abonne aux alertes nouveautés par mail ?",
        "Je voudrais recevoir la newsletter seulement une fois par semaine",
        "Je (voudrais|veux) m'abonner à votre infolettre[, c'est où ?]",
        "Comment on se désinscrit des SMS ?",
        "Arrêtez de m'envoyer des e-mails promotionnels, (s'il vous plaît|svp)",
        "Le lien de désinscription en bas du mail ne marche pas",
        "désactiver (alertes|notifications) (promo|SMS)",
        _hi("3 mails par jour, sérieux ? Virez-moi de votre liste", tu=True),
        _hi(
            "je ne souhaite plus recevoir vos offres commerciales, ni par courrier ni par e-mail. Je vous remercie de retirer mes coordonnées de vos fichiers de prospection."
        ),
        "Je voudrais recevoir vos promos par SMS, je m'inscris où ?",
        "J'ai coché par erreur « recevoir les offres des partenaires », comment je décoche ?",
        "Je reçois vos mails alors que je ne me suis jamais (inscrit|inscrite), retirez-moi de la liste",
        "Est-ce que vous avez une infolettre pour les nouveautés (enfants|maison|beauté) seulement ?",
        "Inscrivez-moi à votre newsletter avec l'adresse mail de mon compte",
    ],
    "out_of_scope": [
        "Quel temps (il fait|va-t-il faire) à {city} (demain|ce week-end) ?",
        "Il va pleuvoir (demain|ce week-end) à {city} ?",
        "Raconte-moi une blague",
        "Tu connais une blague (drôle|sur les chats|de Toto) ?",
        "Comment je corrige cette erreur en Python : IndexError: list index out of range ?",
        "Comment centrer une div en CSS ?",
        "Tu penses quoi du gouvernement actuel ?",
        "Tu votes pour qui aux prochaines élections ?",
        "(Combien font 17 fois 23|C'est quoi la racine carrée de 144|Ça fait combien, 15 % de 80) ?",
        "Tu peux m'aider pour mon devoir de maths sur les fractions ?",
        "Résous l'équation 2x + 5 = 17",
        "(Bonjour|Salut|Coucou|Allô|Bonsoir)[ !]",
        "(Merci|Merci beaucoup|Super, merci|Ok merci)[ !]",
        "Ça va ? Tu fais quoi de beau ?",
        "Tu t'appelles comment ?",
        "(C'est quoi la recette|Tu as une recette) (de la blanquette de veau|des crêpes|de la tarte tatin|de la poutine|des moules-frites) ?",
        "Qui a gagné le match (du PSG|de l'OM|du Canadien|du Standard|de Servette) (hier soir|ce week-end) ?",
        "C'est quand la finale de Roland-Garros ?",
        "Quels sont les (meilleurs endroits|incontournables) à visiter à {city} ?",
        "Combien de temps en train entre Paris et Genève ?",
        "J'ai mal à la tête depuis trois jours, je (prends quoi|dois m'inquiéter) ?",
        "Quelle est la capitale de l'Australie ?",
        "Qui a écrit Les Misérables ?",
        "Écris-moi un poème sur {product:def}",
        "Tu peux m'écrire une chanson d'anniversaire pour ma (sœur|mère|meilleure amie) ?",
        "Traduis « je t'aime » en espagnol",
        "Aide-moi à écrire une lettre de motivation pour un job d'été",
        "C'est quoi le sens de la vie ?",
        "C'est quoi les symptômes de la grippe ?",
        "Tu as des idées de sorties à {city} ce week-end ?",
        "Quelle heure est-il à Montréal en ce moment ?",
        "horaires (de la piscine|du cinéma|de la mairie) de {city}",
        _hi("t'es qui toi en fait ? t'es ChatGPT ?", tu=True),
        _hi(
            "pourriez-vous m'aider à rédiger une réclamation pour mon (assurance habitation|fournisseur d'électricité|opérateur téléphonique) ? Merci."
        ),
        "C'est quoi le programme télé ce soir ?",
        "Donne-moi un exemple de requête SQL avec un JOIN",
        "Combien de calories dans (une banane|un croissant|une part de pizza) ?",
        "Je peux déduire mes frais de garde d'enfants des impôts ?",
        "(Quel film|Quelle série) tu me conseilles pour ce soir ?",
    ],
}
